package zygote4j;

/**
 * {@code softmax(axis)}: {@code y = exp(x - m) / sum(exp(x - m))} along one axis, with
 * {@code m} the largest element of each slice so that large inputs do not overflow.
 * Both rules use the output: {@code dy = y * (dx - sum(dx * y))} going forward and
 * {@code dx = y * (c - sum(c * y))} going back, the sums along the axis.
 */
final class SoftmaxRules {
    private SoftmaxRules() {
    }

    static final class Softmax extends Primitive {
        private final int axis;

        Softmax(int axis) {
            super("softmax");
            this.axis = axis;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            int outer = Axes.outer(x.shape, axis), len = x.shape[axis], inner = Axes.inner(x.shape, axis);
            double[] d = x.data, o = new double[d.length];
            for (int q = 0; q < outer; q++) {
                for (int i = 0; i < inner; i++) {
                    int off = q * len * inner + i;
                    double m = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < len; j++) m = Math.max(m, d[off + j * inner]);
                    double s = 0;
                    for (int j = 0; j < len; j++) {
                        double e = Math.exp(d[off + j * inner] - m);
                        o[off + j * inner] = e;
                        s += e;
                    }
                    for (int j = 0; j < len; j++) o[off + j * inner] /= s;
                }
            }
            return Tensor.plain(x.shape, o);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return project((Tensor) out, (Tensor) t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor y = (Tensor) out, c = (Tensor) ct;
            if (y.level == null && c.level == null) {
                int outer = Axes.outer(y.shape, axis), len = y.shape[axis], inner = Axes.inner(y.shape, axis);
                double[] yd = y.data, cd = c.data, g = new double[yd.length];
                for (int q = 0; q < outer; q++) {
                    for (int i = 0; i < inner; i++) {
                        int off = q * len * inner + i;
                        double s = 0;
                        for (int j = 0; j < len; j++) s += cd[off + j * inner] * yd[off + j * inner];
                        for (int j = 0; j < len; j++) {
                            int p = off + j * inner;
                            g[p] = yd[p] * (cd[p] - s);
                        }
                    }
                }
                return new Object[] {Tensor.plain(y.shape, g)};
            }
            return new Object[] {project(y, c)};
        }

        /** {@code y * (v - sum(v * y, axis))}: the softmax Jacobian (symmetric) applied to v. */
        private Tensor project(Tensor y, Tensor v) {
            Tensor s = v.times(y).sum(axis).reshape(Axes.keep(y.shape, axis));
            return y.times(v.minus(s));
        }
    }
}
