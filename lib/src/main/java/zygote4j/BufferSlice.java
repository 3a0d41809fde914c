package zygote4j;

import java.util.Arrays;

/**
 * The elements a {@link Buffer} write selects with one {@link Index} per dimension: their
 * row-major positions in the buffer, in the selection's own row-major order, and the
 * selection's shape ({@code at(i)} drops its dimension).
 */
final class BufferSlice {
    final int[] shape;
    final int[] positions;

    private BufferSlice(int[] shape, int[] positions) {
        this.shape = shape;
        this.positions = positions;
    }

    static BufferSlice of(int[] bufferShape, Index[] index) {
        int rank = bufferShape.length;
        if (index.length != rank) {
            throw new IllegalArgumentException("Buffer.set: " + index.length + " indices " + Arrays.toString(index)
                    + " for a buffer of shape " + Shapes.str(bufferShape) + "; give one index per dimension "
                    + "(all(), at(i) or range(a, b))");
        }
        int[] from = new int[rank], size = new int[rank];
        int kept = 0;
        for (int d = 0; d < rank; d++) {
            Index ix = index[d];
            if (ix == null) throw new IllegalArgumentException("Buffer.set: index " + d + " is null");
            int n = bufferShape[d];
            from[d] = ix.kind == Index.Kind.ALL ? 0 : ix.from;
            int to = ix.kind == Index.Kind.ALL ? n : ix.to;
            if (from[d] < 0 || to > n) {
                throw new IndexOutOfBoundsException("Buffer.set: " + ix + " is out of range for dimension " + d
                        + " of size " + n + " (buffer shape " + Shapes.str(bufferShape) + "; indices start at 0)");
            }
            size[d] = to - from[d];
            if (ix.kind != Index.Kind.AT) kept++;
        }
        int[] shape = new int[kept];
        for (int d = 0, k = 0; d < rank; d++) {
            if (index[d].kind != Index.Kind.AT) shape[k++] = size[d];
        }
        int[] stride = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            stride[d] = s;
            s *= bufferShape[d];
        }
        int[] positions = new int[Shapes.count(size)];
        int[] counter = new int[rank];
        for (int k = 0; k < positions.length; k++) {
            int p = 0;
            for (int d = 0; d < rank; d++) p += (from[d] + counter[d]) * stride[d];
            positions[k] = p;
            for (int d = rank - 1; d >= 0; d--) {
                if (++counter[d] < size[d]) break;
                counter[d] = 0;
            }
        }
        return new BufferSlice(shape, positions);
    }

    /** Whether values of {@code valueShape} fill this selection: equal shapes once sizes of 1 are dropped. */
    boolean fits(int[] valueShape) {
        return Shapes.count(valueShape) == positions.length
                && Arrays.equals(withoutOnes(valueShape), withoutOnes(shape));
    }

    private static int[] withoutOnes(int[] s) {
        return Arrays.stream(s).filter(d -> d != 1).toArray();
    }
}
