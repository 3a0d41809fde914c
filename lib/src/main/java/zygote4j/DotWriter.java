package zygote4j;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * Writes a closed tape as Graphviz DOT text for {@link Graph}: one node per entry (named
 * {@code n<id>}), one edge per tracked operand. Labels are a few short lines: the name,
 * {@code shape: value}, and the cotangent when a backward pass ran.
 */
final class DotWriter {
    /** A tensor with more elements than this is abbreviated. */
    private static final int SMALL = 6;

    private final Tape tape;
    private final Tape.Recorded recorded;
    private final int outId;
    /** Cotangent of each entry (null: nothing), or null when no backward pass ran. */
    private final Object[] cotangents;
    private final String caption;
    /** Value of each entry: a Real, a Tensor, or a Double for scalar operations. */
    private final Object[] values;
    /** Name of each argument entry, by id (null for other entries). */
    private final String[] inputNames;

    DotWriter(Tape tape, Tape.Recorded recorded, List<Object> leaves, String[] leafNames, int outId,
            Object[] cotangents, String caption) {
        this.tape = tape;
        this.recorded = recorded;
        this.outId = outId;
        this.cotangents = cotangents;
        this.caption = caption;
        int n = tape.size();
        values = new Object[n];
        inputNames = new String[n];
        for (int j = 0; j < leaves.size(); j++) {
            int id = Values.id(leaves.get(j));
            values[id] = leaves.get(j);
            inputNames[id] = leafNames[j];
        }
    }

    String write() {
        StringBuilder sb = new StringBuilder("digraph zygote4j {\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", "
                + "fontsize=10];\n");
        sb.append("  edge [color=\"#555555\", arrowsize=0.7];\n");
        for (int k = 0; k < tape.size(); k++) {
            writeNode(sb, k);
            for (int from : operands(k)) sb.append("  n").append(from).append(" -> n").append(k).append(";\n");
        }
        if (caption != null) sb.append("  label=\"").append(escape(caption)).append("\";\n");
        return sb.append("}\n").toString();
    }

    private void writeNode(StringBuilder sb, int k) {
        byte kind = tape.kindOf(k);
        Object value = valueOf(k);
        String name = kind == Tape.LEAF ? inputNames[k] : operationName(k);
        if (k == outId) name += " (output)";
        String lines = name + "\n" + shapeAndValue(value);
        boolean nothing = false;
        if (cotangents != null) {
            Object ct = cotangents[k];
            nothing = ct == null;
            lines += "\ncotangent: " + (nothing ? "nothing" : value(ct));
        }
        sb.append("  n").append(k).append(" [label=\"").append(escape(lines)).append('"');
        if (kind == Tape.LEAF) sb.append(", shape=ellipse, fillcolor=\"#dbeafe\"");
        if (k == outId) sb.append(", peripheries=2, fillcolor=\"#fde68a\"");
        if (nothing) sb.append(", fontcolor=\"#777777\", color=\"#999999\"");
        sb.append("];\n");
    }

    private String operationName(int k) {
        byte kind = tape.kindOf(k);
        if (kind == Tape.NODE) return tape.nodeOf(k).rule.name();
        if (kind == Tape.READ) {
            int[] shape = tape.shapeOf(tape.firstInput(k));
            return "get" + Shapes.str(unflatten(tape.secondInput(k), shape));
        }
        String[] names = recorded.labels();
        String name = names != null && k < names.length ? names[k] : null;
        return name != null ? name : "scalar op";
    }

    /** The ids of the tracked operands of entry k (a repeated operand appears twice). */
    private int[] operands(int k) {
        byte kind = tape.kindOf(k);
        if (kind == Tape.LEAF) return new int[0];
        if (kind == Tape.READ) return new int[] {tape.firstInput(k)};
        if (kind == Tape.NODE) {
            int[] ids = tape.nodeOf(k).ids;
            return java.util.Arrays.stream(ids).filter(i -> i >= 0).toArray();
        }
        int a = tape.firstInput(k), b = tape.secondInput(k);
        if (a >= 0 && b >= 0) return new int[] {a, b};
        if (a >= 0) return new int[] {a};
        return b >= 0 ? new int[] {b} : new int[0];
    }

    /** The value of entry k: recorded for scalar operations, read from tensors for element reads. */
    private Object valueOf(int k) {
        if (values[k] != null) return values[k];
        byte kind = tape.kindOf(k);
        Object v;
        if (kind == Tape.NODE) {
            v = tape.nodeOf(k).output;
        } else if (kind == Tape.READ) {
            Tensor t = (Tensor) valueOf(tape.firstInput(k));
            v = new Real(t.data[tape.secondInput(k)]);
        } else {
            double[] vs = recorded.values();
            v = vs != null && k < vs.length ? new Real(vs[k]) : null;
        }
        values[k] = v;
        return v;
    }

    private static int[] unflatten(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static String shapeAndValue(Object v) {
        if (v == null) return "scalar";
        if (v instanceof Real) return "scalar: " + value(v);
        return Shapes.str(((Tensor) v).shape) + ": " + value(v);
    }

    /** A Real or Tensor, short: a few significant digits, a large tensor abbreviated. */
    static String value(Object v) {
        if (v instanceof Real r) return number(r.v);
        Tensor t = (Tensor) v;
        if (t.shape.length == 0) return number(t.data[0]);
        int limit = t.data.length <= SMALL ? Integer.MAX_VALUE : t.shape.length == 1 ? 3 : 2;
        StringBuilder sb = new StringBuilder();
        appendTensor(sb, t, 0, 0, limit);
        return sb.toString();
    }

    private static void appendTensor(StringBuilder sb, Tensor t, int dim, int offset, int limit) {
        int n = t.shape[dim];
        int stride = 1;
        for (int d = dim + 1; d < t.shape.length; d++) stride *= t.shape[d];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            if (i == limit) {
                sb.append("...");
                break;
            }
            if (dim == t.shape.length - 1) sb.append(number(t.data[offset + i]));
            else appendTensor(sb, t, dim + 1, offset + i * stride, limit);
        }
        sb.append(']');
    }

    /** Four significant digits, without trailing zeros: 6, 0.9093, -2.5e-07. */
    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return Double.toString(x);
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e6) {
            return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.3e", x);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + s.substring(e);
    }

    /** Text for a DOT string: backslashes and quotes escaped, line breaks as DOT's {@code \n}. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
