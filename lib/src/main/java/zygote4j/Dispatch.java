package zygote4j;

/**
 * Applies a {@link Primitive} at the innermost visible level among its inputs: the
 * output is computed one level out (recursively, down to plain numbers), then a reverse
 * level records a {@link Node} and a forward level pushes each tangent direction through
 * the forward rule.
 */
final class Dispatch {
    private Dispatch() {
    }

    static Object apply(Primitive p, Object[] in) {
        // Implicit parameters (Params) stand for tracked leaves while their gradient runs.
        if (Implicit.active()) in = Implicit.resolveAll(in);
        Level level = null;
        for (Object x : in) {
            Level l = Values.visibleLevel(x);
            if (l != null && (level == null || l.depth > level.depth)) level = l;
        }
        if (level == null) {
            Object[] plain = new Object[in.length];
            for (int i = 0; i < in.length; i++) plain[i] = Values.plain(in[i]);
            Object out = p.evaluate(plain);
            if (!(out instanceof Real) && !(out instanceof Tensor)) {
                throw new IllegalStateException("'" + p.name() + "' evaluated to " + Values.describe(out)
                        + "; a primitive must return a Real or a Tensor");
            }
            return out;
        }
        level.checkUsable(p.name());
        Object[] primals = new Object[in.length];
        boolean[] tracked = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            tracked[i] = Values.visibleLevel(in[i]) == level;
            primals[i] = tracked[i] ? Values.primal(in[i]) : in[i];
        }
        Object out = apply(p, primals);
        if (level instanceof Tape tape) {
            int[] ids = new int[in.length];
            for (int i = 0; i < in.length; i++) ids[i] = tracked[i] ? Values.id(in[i]) : -1;
            int id = tape.node(new Node(p, primals, out, ids));
            return Values.trackReverse(out, tape, id);
        }
        ForwardLevel f = (ForwardLevel) level;
        // Direction k's input tangents, or null where all of them are zero.
        Object[][] t = new Object[f.width][];
        for (int k = 0; k < f.width; k++) {
            Object[] tk = new Object[in.length];
            boolean any = false;
            for (int i = 0; i < in.length; i++) {
                tk[i] = tracked[i] ? Values.tangent(in[i], k) : null;
                any |= tk[i] != null;
            }
            t[k] = any ? tk : null;
        }
        Object[] outTangents = p.jvpChunk(primals, out, t);
        for (Object tangent : outTangents) checkTangent(p, out, tangent);
        return Values.trackForward(out, f, outTangents);
    }

    /** A forward rule's result must be null (zero) or shaped like the output. */
    private static Object checkTangent(Primitive p, Object out, Object tangent) {
        boolean ok = tangent == null || (out instanceof Real ? tangent instanceof Real
                : tangent instanceof Tensor t && java.util.Arrays.equals(t.shape, ((Tensor) out).shape));
        if (!ok) {
            throw new IllegalStateException("The forward rule of '" + p.name() + "' returned "
                    + Values.describe(tangent) + " as the tangent of an output that is " + Values.describe(out)
                    + "; a tangent must have its output's type and shape (or be null for zero)");
        }
        return tangent;
    }
}
