package zygote4j;

/**
 * One dimension of a slice: every index ({@link #all()}), a single index
 * ({@link #at(int)}, which drops the dimension) or a half-open range
 * ({@link #range(int, int)}, like Java's ranges). Reachable through
 * {@code import static zygote4j.Zygote.*}.
 *
 * <pre>{@code
 * Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
 * m.slice(all(), at(1));          // [2.0, 5.0]
 * m.slice(at(0), range(1, 3));    // [2.0, 3.0]
 * }</pre>
 */
public final class Index {
    /** What kind of selection this is. */
    enum Kind { ALL, AT, RANGE }

    final Kind kind;
    final int from;
    final int to;

    private Index(Kind kind, int from, int to) {
        this.kind = kind;
        this.from = from;
        this.to = to;
    }

    private static final Index ALL = new Index(Kind.ALL, 0, 0);

    /**
     * Every index of a dimension (Julia's {@code :}).
     *
     * <pre>{@code m.slice(all(), at(0));   // [1.0, 4.0], the first column}</pre>
     *
     * @return the selection
     */
    public static Index all() {
        return ALL;
    }

    /**
     * A single index; the dimension is dropped from the result.
     *
     * <pre>{@code m.slice(at(1), all());   // [4.0, 5.0, 6.0], the second row as a vector}</pre>
     *
     * @param i the index, from 0
     * @return the selection
     */
    public static Index at(int i) {
        return new Index(Kind.AT, i, i + 1);
    }

    /**
     * The indices {@code from} (inclusive) to {@code to} (exclusive).
     *
     * <pre>{@code Tensor.of(1, 2, 3, 4).slice(range(1, 3));   // [2.0, 3.0]}</pre>
     *
     * @param from the first index
     * @param to one past the last index
     * @return the selection
     * @throws IllegalArgumentException if {@code to < from}
     */
    public static Index range(int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException("range(" + from + ", " + to + "): the end is before the start");
        }
        return new Index(Kind.RANGE, from, to);
    }

    /**
     * The selection as it is written: {@code all()}, {@code at(2)}, {@code range(1, 3)}.
     *
     * <pre>{@code range(1, 3).toString();   // "range(1, 3)"}</pre>
     *
     * @return the call that makes this selection
     */
    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all()";
            case AT -> "at(" + from + ")";
            case RANGE -> "range(" + from + ", " + to + ")";
        };
    }
}
