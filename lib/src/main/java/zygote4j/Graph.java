package zygote4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture of one recorded computation, as Graphviz DOT text: what {@code graph(f, args...)}
 * returns. There is a box per tape entry: the arguments (labelled by position, {@code arg 0},
 * and by component for records, lists and maps, {@code arg 0.w}, {@code arg 1[2]}), then each
 * operation with its name ({@code sin}, {@code times}, {@code matmul}, {@code get[3]}), its
 * shape ({@code scalar} or {@code [2, 3]}), its value and, when f returns a scalar, the
 * cotangent the backward pass (seeded with 1) sent to it: the gradient of the output with
 * respect to that value, or {@code nothing} when no path leads from it to the output.
 * Arrows go from operands to operations; the output has a double border.
 *
 * <pre>{@code
 * Graph g = graph((a, b) -> a.times(b).plus(a.sin()), 2, 3);
 * g.toDot().startsWith("digraph zygote4j");   // true
 * g.toDot().contains("cotangent: 2.584");   // true: a's gradient, 3 + cos 2
 * // write g.toDot() to f.dot, then: dot -Tsvg f.dot -o f.svg
 * }</pre>
 *
 * <p>Drawing records the names and values of scalar operations, which {@code gradient}
 * does not keep; it is meant for small functions (a picture of a long loop has one box per
 * iteration).
 */
public final class Graph {
    private final String dot;

    private Graph(String dot) {
        this.dot = dot;
    }

    /**
     * The graph as Graphviz DOT text (render with {@code dot -Tsvg}).
     *
     * <pre>{@code graph(x -> x.sin(), 1).toDot().startsWith("digraph");   // true}</pre>
     *
     * @return the DOT text
     */
    public String toDot() {
        return dot;
    }

    /**
     * The DOT text, as {@link #toDot()}.
     *
     * <pre>{@code graph(x -> x.sin(), 1).toString().equals(graph(x -> x.sin(), 1).toDot());   // true}</pre>
     *
     * @return the DOT text
     */
    @Override
    public String toString() {
        return dot;
    }

    /** Runs f on tracked arguments with the tape's recording mode on, then draws the tape. */
    static Graph record(String op, FnN f, Object[] args) {
        Pullback p = Reverse.pullback(op, f, args, true);
        Tape tape = p.tape();
        Tape.Recorded recorded = tape.stopRecording();
        Object out = p.output();
        if (!(out instanceof Real) && !(out instanceof Tensor)) {
            throw new IllegalArgumentException(op + ": the function must return a Real or a Tensor, but it returned "
                    + Values.describe(out));
        }
        List<Object> leaves = p.leaves();
        String[] leafNames = leafNames(args, leaves.size());
        int outId = Values.level(out) == tape ? Values.id(out) : -1;
        Object[] cotangents = null;
        String caption = null;
        if (outId < 0) {
            caption = "the output does not depend on the arguments: " + DotWriter.value(out);
        } else if (out instanceof Tensor t && t.length() != 1) {
            caption = "no cotangents: the output has shape " + Shapes.str(t.shape)
                    + " (the backward pass runs from a scalar output)";
        } else {
            int[] all = new int[tape.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            Object seed = out instanceof Real ? Real.ONE : Tensor.ones(((Tensor) out).shape);
            cotangents = tape.backward(outId, seed, all);
        }
        return new Graph(new DotWriter(tape, recorded, leaves, leafNames, outId, cotangents, caption).write());
    }

    /** "arg 0", or "arg 0.w", "arg 0[2]" for the parts of a record, list or map argument. */
    private static String[] leafNames(Object[] args, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < args.length; i++) Args.paths("arg " + i, args[i], names);
        // The walk is Args.track's; should they ever disagree, number the leaves instead.
        if (names.size() != count) {
            names.clear();
            for (int j = 0; j < count; j++) names.add("input " + j);
        }
        return names.toArray(new String[0]);
    }
}
