package zygote4j;

/**
 * Primitives that pick elements by position: slicing, transposition, the extremal
 * elements of {@code max}/{@code min}, and concatenation.
 *
 * <p>{@link Gather} and {@link Scatter} are each other's adjoint: gathering reads the
 * elements at a list of flat positions, scattering adds values back at those positions
 * into zeros. Slices, permutations and arg-max selections are all gathers with
 * different position lists, so they share one pair of rules that differentiates to any
 * order.
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
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return new Scatter(name(), positions, inShape).apply(t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {new Gather(name(), positions, ((Tensor) in[0]).shape).apply(ct)};
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
