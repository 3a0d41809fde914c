package zygote4j;

/**
 * Axis-wise reductions and scans: {@code sum(axis)}, {@code logsumexp(axis)},
 * {@code cumsum(axis)} as primitives, and {@code prod}, {@code max}, {@code min}
 * built from other primitives (a product tree, and a gather of the extremal elements),
 * which makes them right at every order without rules of their own. Loops follow the
 * outer/len/inner layout of {@link Axes}.
 */
final class ReductionRules {
    private ReductionRules() {
    }

    /** The sum along one axis, which is dropped. Its adjoint broadcasts back along the axis. */
    static final class SumAxis extends Primitive {
        private final int axis;

        SumAxis(int axis) {
            super("sum");
            this.axis = axis;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
            double[] d = x.data, o = new double[outer * inner];
            if (inner == 1) {
                // The last axis: each output is the sum of one contiguous run.
                for (int q = 0; q < outer; q++) {
                    double s = 0;
                    for (int j = 0, base = q * len; j < len; j++) s += d[base + j];
                    o[q] = s;
                }
            } else {
                for (int q = 0; q < outer; q++) {
                    for (int j = 0; j < len; j++) {
                        int base = (q * len + j) * inner;
                        for (int i = 0; i < inner; i++) o[q * inner + i] += d[base + i];
                    }
                }
            }
            return Tensor.plain(Axes.drop(x.shape, axis), o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).sum(axis);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor x = (Tensor) in[0], c = (Tensor) ct;
            if (c.level == null) {
                // Plain: each cotangent element copied along the axis, in place of a broadcast.
                int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
                double[] g = new double[x.data.length], cd = c.data;
                for (int q = 0; q < outer; q++) {
                    for (int j = 0; j < len; j++) {
                        if (inner == 1) g[q * len + j] = cd[q];
                        else System.arraycopy(cd, q * inner, g, (q * len + j) * inner, inner);
                    }
                }
                return new Object[] {Tensor.plain(x.shape, g)};
            }
            return new Object[] {c.reshape(Axes.keep(x.shape, axis)).broadcastTo(x.shape)};
        }
    }

    /**
     * {@code log(sum(exp(x)))} along one axis, computed as {@code m + log(sum(exp(x - m)))}
     * with {@code m} the largest element, so that large inputs do not overflow. Its
     * derivative is the softmax of x along the axis.
     */
    static final class LogSumExp extends Primitive {
        private final int axis;

        LogSumExp(int axis) {
            super("logsumexp");
            this.axis = axis;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
            double[] o = new double[outer * inner];
            for (int q = 0; q < outer; q++) {
                for (int i = 0; i < inner; i++) o[q * inner + i] = lse(x.data, q * len * inner + i, len, inner);
            }
            return Tensor.plain(Axes.drop(x.shape, axis), o);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).times(((Tensor) in[0]).softmax(axis)).sum(axis);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            // The weights are softmax(x) rather than exp(x - out): out is rounded at the
            // scale of the largest element, which would cost accuracy for large inputs.
            Tensor x = (Tensor) in[0], c = (Tensor) ct, w = x.softmax(axis);
            if (w.level == null && c.level == null) {
                int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
                double[] g = w.data;
                for (int q = 0; q < outer; q++) {
                    for (int j = 0; j < len; j++) {
                        int base = (q * len + j) * inner;
                        for (int i = 0; i < inner; i++) g[base + i] *= c.data[q * inner + i];
                    }
                }
                return new Object[] {w};
            }
            return new Object[] {c.reshape(Axes.keep(x.shape, axis)).times(w)};
        }
    }

    /**
     * {@code log(sum(exp(d[off + j*stride])))} for {@code j < len}: shifted by the largest
     * element; {@code -Infinity} for no elements, NaN if any element is NaN.
     */
    static double lse(double[] d, int off, int len, int stride) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) m = Math.max(m, d[off + j * stride]);
        // All -Infinity (or empty): the sum is 0; any +Infinity: the sum is +Infinity. No shift needed.
        if (Double.isInfinite(m)) m = 0;
        if (Double.isNaN(m)) return m;
        double s = 0;
        for (int j = 0; j < len; j++) s += Math.exp(d[off + j * stride] - m);
        return m + Math.log(s);
    }

    /**
     * Running sums along one axis: {@code out[j] = x[0] + ... + x[j]}, or with
     * {@code reverse}, {@code out[j] = x[j] + ... + x[len-1]}. Each direction's adjoint is
     * the other.
     */
    static final class CumSum extends Primitive {
        private final int axis;
        private final boolean reverse;

        CumSum(int axis, boolean reverse) {
            super(reverse ? "cumsum (reverse)" : "cumsum");
            this.axis = axis;
            this.reverse = reverse;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
            double[] d = x.data, o = new double[d.length];
            for (int q = 0; q < outer; q++) {
                for (int i = 0; i < inner; i++) {
                    double s = 0;
                    for (int k = 0; k < len; k++) {
                        int j = reverse ? len - 1 - k : k;
                        int p = (q * len + j) * inner + i;
                        s += d[p];
                        o[p] = s;
                    }
                }
            }
            return Tensor.plain(x.shape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return ShapeRules.linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return new CumSum(axis, reverse).apply(t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {new CumSum(axis, !reverse).apply(ct)};
        }
    }

    /**
     * The product along {@code axis} (dropped), as a tree of elementwise products of the
     * two halves. Made only of primitives, so every derivative (including at zeros, where
     * {@code prod / x} would fail) follows from theirs.
     */
    static Tensor prod(Tensor x, int axis) {
        int n = x.shape[axis];
        if (n == 0) return Tensor.ones(Axes.drop(x.shape, axis));
        Tensor t = x;
        while (n > 1) {
            int h = n / 2;
            Tensor p = t.sliceAxis(axis, Index.range(0, h)).times(t.sliceAxis(axis, Index.range(h, 2 * h)));
            if (n % 2 == 1) p = Tensor.concat(axis, p, t.sliceAxis(axis, Index.range(2 * h, n)));
            t = p;
            n = (n + 1) / 2;
        }
        return t.sliceAxis(axis, Index.at(0));
    }

    /** The product along {@code axis} on plain data. */
    static Tensor prodPlain(Tensor x, int axis) {
        int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
        double[] o = new double[outer * inner];
        java.util.Arrays.fill(o, 1);
        for (int q = 0; q < outer; q++) {
            for (int j = 0; j < len; j++) {
                int base = (q * len + j) * inner;
                for (int i = 0; i < inner; i++) o[q * inner + i] *= x.data[base + i];
            }
        }
        return Tensor.plain(Axes.drop(x.shape, axis), o);
    }

    /**
     * For each slice along {@code axis}, the flat position of its first largest
     * ({@code max}) or smallest element; a NaN counts as extremal, so it propagates.
     */
    static int[] extremal(String op, Tensor x, int axis, boolean max) {
        int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
        if (len == 0) {
            throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + Shapes.str(x.shape)
                    + " is empty; a " + (max ? "maximum" : "minimum") + " needs at least one element");
        }
        int[] pos = new int[outer * inner];
        for (int q = 0; q < outer; q++) {
            for (int i = 0; i < inner; i++) pos[q * inner + i] = extremal(x.data, q * len * inner + i, len, inner, max);
        }
        return pos;
    }

    /** The position of the first extremal element among {@code d[off + j*stride]}, {@code j < len >= 1}. */
    static int extremal(double[] d, int off, int len, int stride, boolean max) {
        int best = off;
        double b = d[off];
        for (int j = 1; j < len && !Double.isNaN(b); j++) {
            int p = off + j * stride;
            double v = d[p];
            if (Double.isNaN(v) || (max ? v > b : v < b)) {
                best = p;
                b = v;
            }
        }
        return best;
    }
}
