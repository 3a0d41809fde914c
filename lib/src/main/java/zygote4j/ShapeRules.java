package zygote4j;

import java.util.Arrays;

/** Primitives that move elements around without arithmetic: reshape, broadcast, stack. */
final class ShapeRules {
    private ShapeRules() {
    }

    /**
     * The forward rule of a linear primitive over a chunk of directions: its tangent is the
     * primitive applied to the input tangents, so plain tangents go straight to
     * {@code evaluate} (no dispatch per direction); others take the primitive's own rule.
     * Directions where some input's tangent is null (zero) take the rule too.
     */
    static Object[] linearChunk(Primitive p, Object[] in, Object out, Object[][] t) {
        Object[] res = new Object[t.length];
        for (int k = 0; k < t.length; k++) {
            Object[] tk = t[k];
            if (tk == null) continue;
            boolean plain = true;
            for (Object x : tk) plain &= x != null && Values.isPlain(x);
            res[k] = plain ? p.evaluate(tk) : p.jvp(in, out, tk);
        }
        return res;
    }

    /** Same elements, new shape. */
    static final class Reshape extends Primitive {
        private final int[] shape;

        Reshape(int[] shape) {
            super("reshape");
            this.shape = shape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            return Tensor.plain(shape, ((Tensor) in[0]).data);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).reshape(shape);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {((Tensor) ct).reshape(((Tensor) in[0]).shape)};
        }
    }

    /** NumPy broadcast to a larger shape; its adjoint is {@link SumTo}. */
    static final class BroadcastTo extends Primitive {
        private final int[] shape;

        BroadcastTo(int[] shape) {
            super("broadcastTo");
            this.shape = shape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            int n = Shapes.count(shape);
            double[] o = new double[n];
            if (x.data.length == 1) {
                Arrays.fill(o, x.data[0]);
            } else {
                // Runs of the output: copied from x where x varies along them, filled where it repeats.
                BroadcastPlan p = BroadcastPlan.of(name(), x.shape, shape);
                for (int q = 0, oo = 0; q < p.blocks(); q++, oo += p.len) {
                    if (p.aVaries) System.arraycopy(x.data, p.aOff[q], o, oo, p.len);
                    else Arrays.fill(o, oo, oo + p.len, x.data[p.aOff[q]]);
                }
            }
            return Tensor.plain(shape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).broadcastTo(shape);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {((Tensor) ct).sumTo(((Tensor) in[0]).shape)};
        }
    }

    /** Sums a broadcast tensor back down to {@code shape}; the adjoint of {@link BroadcastTo}. */
    static final class SumTo extends Primitive {
        private final int[] shape;

        SumTo(int[] shape) {
            super("sumTo");
            this.shape = shape;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            double[] o = new double[Shapes.count(shape)];
            if (o.length == 1) {
                double s = 0;
                for (double d : x.data) s += d;
                o[0] = s;
            } else {
                // Runs of x: added in place where the target varies along them, summed where it repeats.
                BroadcastPlan p = BroadcastPlan.of(name(), shape, x.shape);
                double[] d = x.data;
                for (int q = 0, xo = 0; q < p.blocks(); q++, xo += p.len) {
                    int t = p.aOff[q];
                    if (p.aVaries) {
                        for (int i = 0; i < p.len; i++) o[t + i] += d[xo + i];
                    } else {
                        double s = 0;
                        for (int i = 0; i < p.len; i++) s += d[xo + i];
                        o[t] += s;
                    }
                }
            }
            return Tensor.plain(shape, o);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).sumTo(shape);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {((Tensor) ct).broadcastTo(((Tensor) in[0]).shape)};
        }
    }

    /** A vector built from scalars: {@code Tensor.of(Real...)}. */
    static final class Stack extends Primitive {
        Stack() {
            super("Tensor.of");
        }

        @Override
        protected Object evaluate(Object[] in) {
            double[] o = new double[in.length];
            for (int i = 0; i < o.length; i++) o[i] = ((Real) in[i]).v;
            return Tensor.plain(new int[] {o.length}, o);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Real[] r = new Real[t.length];
            for (int i = 0; i < r.length; i++) r[i] = t[i] == null ? Real.ZERO : (Real) t[i];
            return Tensor.of(r);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor c = (Tensor) ct;
            Object[] g = new Object[in.length];
            for (int i = 0; i < g.length; i++) g[i] = c.get(i);
            return g;
        }
    }

    /** A 0-d tensor holding one scalar. */
    static final class FromReal extends Primitive {
        FromReal() {
            super("Tensor.scalar");
        }

        @Override
        protected Object evaluate(Object[] in) {
            return Tensor.plain(new int[0], new double[] {((Real) in[0]).v});
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return Tensor.scalar((Real) t[0]);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {((Tensor) ct).get()};
        }
    }

    /** The sum of all elements, a scalar. */
    static final class Sum extends Primitive {
        Sum() {
            super("sum");
        }

        @Override
        protected Object evaluate(Object[] in) {
            double s = 0;
            for (double d : ((Tensor) in[0]).data) s += d;
            return Real.of(s);
        }

        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            return linearChunk(this, in, out, t);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).sum();
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor x = (Tensor) in[0];
            Real c = (Real) ct;
            if (c.level == null) {
                double[] g = ScratchArrays.take(x.data.length);
                java.util.Arrays.fill(g, c.v);
                return new Object[] {Tensor.plain(x.shape, g)};
            }
            return new Object[] {Tensor.scalar(c).broadcastTo(x.shape)};
        }

        /** On a plain cotangent the rule returns a new array. */
        @Override
        boolean freshPlainCotangents() {
            return true;
        }
    }
}
