package zygote4j;

import java.util.Arrays;

/** Shape arithmetic: element counts, NumPy broadcasting, and their checks. */
final class Shapes {
    private Shapes() {
    }

    static int count(int[] shape) {
        int c = 1;
        for (int s : shape) c *= s;
        return c;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** The NumPy broadcast of two shapes, or an exception naming the operation. */
    static int[] broadcast(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) return a;
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast together (dimension " + i + ": " + da + " vs " + db
                        + "); make the sizes equal or 1, e.g. with reshape");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /**
     * For each element of {@code out} (row-major), the index of the element of a tensor of
     * shape {@code in} that broadcasts onto it.
     */
    static int[] broadcastIndex(int[] in, int[] out) {
        int n = count(out), rank = out.length, off = rank - in.length;
        int[] inStride = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= off; i--) {
            int d = in[i - off];
            inStride[i] = d == 1 ? 0 : s;
            s *= d;
        }
        int[] idx = new int[n];
        int[] counter = new int[rank];
        int pos = 0;
        for (int k = 0; k < n; k++) {
            idx[k] = pos;
            for (int i = rank - 1; i >= 0; i--) {
                counter[i]++;
                pos += inStride[i];
                if (counter[i] < out[i]) break;
                pos -= inStride[i] * counter[i];
                counter[i] = 0;
            }
        }
        return idx;
    }

    /** Row-major flat index of {@code index} in {@code shape}, checked. */
    static int flat(String op, int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices " + Arrays.toString(index)
                    + " for a tensor of shape " + str(shape) + "; give one index per dimension");
        }
        int f = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index) + " is out of range for shape "
                        + str(shape) + " (dimension " + i + " has size " + shape[i] + "; indices start at 0)");
            }
            f = f * shape[i] + index[i];
        }
        return f;
    }

    static int[] checkShape(String op, int... shape) {
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException(op + ": negative dimension in shape " + str(shape));
        }
        return shape.clone();
    }

    // ---------------------------------------------------------------- slicing

    /**
     * The shape of a slice of a tensor of shape {@code shape}: {@code all()} and
     * {@code range(from, to)} keep their dimension (with size {@code to - from} for a
     * range), {@code at(i)} drops it, and dimensions past the last index are kept whole.
     * Checked like {@link #positions}.
     *
     * <pre>{@code sliceShape("slice", new int[] {2, 3, 4}, new Index[] {at(1), range(0, 2)});   // [2, 4]}</pre>
     */
    static int[] sliceShape(String op, int[] shape, Index[] index) {
        int[][] sel = selection(op, shape, index);
        int kept = 0;
        for (int d = 0; d < shape.length; d++) if (sel[2][d] == 0) kept++;
        int[] out = new int[kept];
        for (int d = 0, j = 0; d < shape.length; d++) if (sel[2][d] == 0) out[j++] = sel[1][d];
        return out;
    }

    /**
     * The flat row-major positions, in a tensor of shape {@code shape}, of the elements
     * that {@code index} selects, listed in the row-major order of the slice: element
     * {@code k} of the slice (of shape {@link #sliceShape}) is element
     * {@code positions[k]} of the tensor. Positions are distinct. Fewer indices than
     * dimensions mean {@code all()} for the rest.
     *
     * <pre>{@code
     * // a 2x3 matrix, column 1: elements (0,1) and (1,1)
     * positions("slice", new int[] {2, 3}, new Index[] {all(), at(1)});   // [1, 4]
     * }</pre>
     *
     * @throws IllegalArgumentException for more indices than dimensions or a null index
     * @throws IndexOutOfBoundsException for an index or range outside its dimension
     */
    static int[] positions(String op, int[] shape, Index[] index) {
        int[][] sel = selection(op, shape, index);
        int[] from = sel[0], len = sel[1];
        int rank = shape.length, n = 1;
        for (int d = 0; d < rank; d++) n *= len[d];
        int[] stride = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            stride[d] = s;
            s *= shape[d];
        }
        int start = 0;
        for (int d = 0; d < rank; d++) start += from[d] * stride[d];
        int[] pos = new int[n];
        int[] counter = new int[rank];
        int p = start;
        for (int k = 0; k < n; k++) {
            pos[k] = p;
            // Odometer over the selected block, last dimension fastest.
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                p += stride[d];
                if (counter[d] < len[d]) break;
                p -= stride[d] * counter[d];
                counter[d] = 0;
            }
        }
        return pos;
    }

    /** Per dimension: first index, count, and 1 where the dimension is dropped ({@code at}). */
    private static int[][] selection(String op, int[] shape, Index[] index) {
        if (index.length > shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices " + Arrays.toString(index)
                    + " for a tensor of shape " + str(shape) + "; give at most one index per dimension");
        }
        int rank = shape.length;
        int[] from = new int[rank], len = new int[rank], dropped = new int[rank];
        for (int d = 0; d < rank; d++) {
            Index ix = d < index.length ? index[d] : Index.all();
            if (ix == null) {
                throw new IllegalArgumentException(op + ": index " + d + " is null; use all(), at(i) or range(from, to)");
            }
            switch (ix.kind) {
                case ALL -> len[d] = shape[d];
                case AT -> {
                    if (ix.from < 0 || ix.from >= shape[d]) {
                        throw new IndexOutOfBoundsException(op + ": " + ix + " is out of range in dimension " + d
                                + " of shape " + str(shape) + " (size " + shape[d] + "; indices start at 0)");
                    }
                    from[d] = ix.from;
                    len[d] = 1;
                    dropped[d] = 1;
                }
                case RANGE -> {
                    if (ix.from < 0 || ix.to > shape[d]) {
                        throw new IndexOutOfBoundsException(op + ": " + ix + " is out of range in dimension " + d
                                + " of shape " + str(shape) + " (size " + shape[d] + "; a range is half-open, "
                                + "from 0 up to " + shape[d] + ")");
                    }
                    from[d] = ix.from;
                    len[d] = ix.to - ix.from;
                }
            }
        }
        return new int[][] {from, len, dropped};
    }
}
