package zygote4j;

import java.util.Arrays;

/** A tape entry for a {@link Primitive}: its inputs one level out, its output, and their ids. */
final class Node {
    final Primitive rule;
    final Object[] inputs;
    final Object output;
    /** Tape id of each input, -1 for inputs that are constants at this level. */
    final int[] ids;
    /** Shape of a tensor output; null for a scalar output. */
    final int[] outShape;

    Node(Primitive rule, Object[] inputs, Object output, int[] ids) {
        this.rule = rule;
        this.inputs = inputs;
        this.output = output;
        this.ids = ids;
        this.outShape = output instanceof Tensor t ? t.shape : null;
    }

    /** Runs the reverse rule and checks that it returned what the inputs need. */
    Object[] back(Object cotangent) {
        boolean[] needed = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) needed[i] = ids[i] >= 0;
        Object[] cts = rule.vjpFor(inputs, output, cotangent, needed);
        if (cts == null || cts.length != inputs.length) {
            throw new IllegalStateException("The reverse rule of '" + rule.name() + "' returned "
                    + (cts == null ? "null" : cts.length + " cotangents") + " for " + inputs.length
                    + " inputs; return an array with one entry per input (null for no gradient)");
        }
        for (int i = 0; i < cts.length; i++) {
            if (cts[i] == null || ids[i] < 0) continue;
            Object in = inputs[i], c = cts[i];
            boolean ok = in instanceof Real ? c instanceof Real
                    : c instanceof Tensor ct && Arrays.equals(ct.shape, ((Tensor) in).shape);
            if (!ok) {
                throw new IllegalStateException("The reverse rule of '" + rule.name() + "' returned "
                        + Values.describe(c) + " as the cotangent of input " + i + ", which is " + Values.describe(in)
                        + "; a cotangent must have its input's type and shape");
            }
        }
        return cts;
    }
}
