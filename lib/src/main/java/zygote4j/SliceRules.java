package zygote4j;

import java.util.Arrays;

/**
 * Primitives that pick elements by position: slicing, transposition, the extremal
 * elements of {@code max}/{@code min}, and concatenation.
 *
 * <p>{@link Gather} and {@link Scatter} are each other's adjoint: gathering reads the
 * elements at a list of flat positions, scattering adds values back at those positions
 * into zeros. Permutations and arg-max selections are gathers with different position
 * lists, so they share one pair of rules that differentiates to any order. Slices are
 * the same idea with the positions kept as contiguous runs ({@link Slice} and its
 * adjoint {@link Pad}): a slice of a large tensor is a few array copies, with no
 * position per element.
 */
final class SliceRules {
    private SliceRules() {
    }

    /** {@code out[k] = x[positions[k]]}, with the result in {@code outShape}. */
    static Tensor gather(String op, Tensor x, int[] positions, int[] outShape) {
        return (Tensor) new Gather(op, positions, outShape).apply(x);
    }

    static final class Gather extends Primitive {
        private final int[] positions;
        private final int[] outShape;

        Gather(String op, int[] positions, int[] outShape) {
            super(op);
            this.positions = positions;
            this.outShape = outShape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            double[] x = ((Tensor) in[0]).data, o = new double[positions.length];
            for (int k = 0; k < o.length; k++) o[k] = x[positions[k]];
            return Tensor.plain(outShape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return new Gather(name(), positions, outShape).apply(t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {new Scatter(name(), positions, ((Tensor) in[0]).shape).apply(ct)};
        }
    }

    /** Zeros of {@code inShape} with {@code c[k]} added at {@code positions[k]}: the adjoint of {@link Gather}. */
    static final class Scatter extends Primitive {
        private final int[] positions;
        private final int[] inShape;

        Scatter(String op, int[] positions, int[] inShape) {
            super(op + " (adjoint)");
            this.positions = positions;
            this.inShape = inShape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            double[] c = ((Tensor) in[0]).data, o = new double[Shapes.count(inShape)];
            for (int k = 0; k < c.length; k++) o[positions[k]] += c[k];
            return Tensor.plain(inShape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return new Scatter(name(), positions, inShape).apply(t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {new Gather(name(), positions, ((Tensor) in[0]).shape).apply(ct)};
        }
    }

    /**
     * The slice of {@code x} that {@code index} selects (already checked, of shape
     * {@code outShape}), as runs of contiguous elements: the last partly taken dimension
     * and the whole dimensions after it make one run, repeated over the dimensions
     * before it.
     */
    static Tensor slice(Tensor x, Index[] index, int[] outShape) {
        int[] shape = x.shape;
        int rank = shape.length;
        int[] from = new int[rank], len = new int[rank];
        int last = -1;
        for (int d = 0; d < rank; d++) {
            Index ix = d < index.length ? index[d] : Index.all();
            from[d] = ix.kind == Index.Kind.ALL ? 0 : ix.from;
            len[d] = ix.kind == Index.Kind.ALL ? shape[d] : ix.kind == Index.Kind.AT ? 1 : ix.to - ix.from;
            if (len[d] != shape[d]) last = d;
        }
        int run = 1, stride = 1;
        for (int d = rank - 1; d > last; d--) {
            run *= shape[d];
            stride *= shape[d];
        }
        int runs = 1;
        int[] strides = new int[Math.max(last, 0)];
        if (last >= 0) {
            run *= len[last];
            for (int d = last - 1; d >= 0; d--) {
                stride *= shape[d + 1];
                strides[d] = stride;
                runs *= len[d];
            }
        }
        int[] starts = new int[run == 0 ? 0 : runs];
        if (starts.length > 0) {
            int first = 0;
            for (int d = 0; d <= last; d++) first += from[d] * (d == last ? innerCount(shape, d) : strides[d]);
            int[] counter = new int[Math.max(last, 0)];
            int p = first;
            for (int q = 0; q < starts.length; q++) {
                starts[q] = p;
                for (int d = last - 1; d >= 0; d--) {
                    counter[d]++;
                    p += strides[d];
                    if (counter[d] < len[d]) break;
                    p -= strides[d] * counter[d];
                    counter[d] = 0;
                }
            }
        }
        return (Tensor) new Slice(starts, run, shape, outShape).apply(x);
    }

    /** The number of elements after dimension {@code d}: the stride of d. */
    private static int innerCount(int[] shape, int d) {
        int c = 1;
        for (int i = d + 1; i < shape.length; i++) c *= shape[i];
        return c;
    }

    /** Runs of {@code run} contiguous elements starting at {@code starts}, laid end to end. */
    static final class Slice extends Primitive {
        private final int[] starts;
        private final int run;
        private final int[] inShape, outShape;

        Slice(int[] starts, int run, int[] inShape, int[] outShape) {
            super("slice");
            this.starts = starts;
            this.run = run;
            this.inShape = inShape;
            this.outShape = outShape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            double[] x = ((Tensor) in[0]).data;
            // One run is one copy of a range, which the JIT makes without zeroing the array first.
            if (starts.length == 1) return Tensor.plain(outShape, Arrays.copyOfRange(x, starts[0], starts[0] + run));
            double[] o = new double[starts.length * run];
            for (int q = 0; q < starts.length; q++) System.arraycopy(x, starts[q], o, q * run, run);
            return Tensor.plain(outShape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return apply(t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {new Pad(starts, run, inShape, outShape).apply(ct)};
        }
    }

    /** Zeros of {@code inShape} with a slice's runs put back in place: the adjoint of {@link Slice}. */
    static final class Pad extends Primitive {
        private final int[] starts;
        private final int run;
        private final int[] inShape, outShape;

        Pad(int[] starts, int run, int[] inShape, int[] outShape) {
            super("slice (adjoint)");
            this.starts = starts;
            this.run = run;
            this.inShape = inShape;
            this.outShape = outShape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            double[] c = ((Tensor) in[0]).data, o = new double[Shapes.count(inShape)];
            for (int q = 0; q < starts.length; q++) System.arraycopy(c, q * run, o, starts[q], run);
            return Tensor.plain(inShape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return apply(t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {new Slice(starts, run, inShape, outShape).apply(ct)};
        }
    }

    /** The parts laid end to end along {@code axis}; the other dimensions agree. */
    static final class Concat extends Primitive {
        private final int axis;

        Concat(int axis) {
            super("concat");
            this.axis = axis;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor first = (Tensor) in[0];
            int total = 0;
            for (Object p : in) total += ((Tensor) p).shape[axis];
            int[] shape = first.shape.clone();
            shape[axis] = total;
            int outer = Axes.outer(shape, axis), inner = Axes.inner(shape, axis);
            double[] o = new double[Shapes.count(shape)];
            int offset = 0;
            for (Object p : in) {
                Tensor t = (Tensor) p;
                int block = t.shape[axis] * inner;
                for (int q = 0; q < outer; q++) System.arraycopy(t.data, q * block, o, q * total * inner + offset, block);
                offset += block;
            }
            return Tensor.plain(shape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Tensor[] parts = new Tensor[in.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = t[i] != null ? (Tensor) t[i] : Tensor.zeros(((Tensor) in[i]).shape);
            }
            return new Concat(axis).apply((Object[]) parts);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor c = (Tensor) ct;
            Object[] g = new Object[in.length];
            Index[] index = new Index[axis + 1];
            for (int d = 0; d < axis; d++) index[d] = Index.all();
            int from = 0;
            for (int i = 0; i < in.length; i++) {
                int len = ((Tensor) in[i]).shape[axis];
                index[axis] = Index.range(from, from + len);
                g[i] = c.slice(index);
                from += len;
            }
            return g;
        }
    }
}
