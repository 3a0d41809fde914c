package zygote4j;

import java.util.Arrays;

/**
 * The scalar primitives of {@link ScalarRules} lifted to tensors, elementwise, with
 * NumPy broadcasting for the binary ones. The derivatives are the scalar rules' own
 * formulas, applied to whole tensors; when everything is plain (first order) the
 * reverse rule fuses cotangent and derivative into one loop.
 */
final class ElementwiseRules {
    private ElementwiseRules() {
    }

    static Tensor unary(UnaryRule r, Tensor x) {
        return (Tensor) new Unary(r).apply(x);
    }

    static Tensor binary(BinaryRule r, Tensor a, Tensor b) {
        return (Tensor) new Binary(r).apply(a, b);
    }

    static final class Unary extends Primitive {
        private final UnaryRule r;

        Unary(UnaryRule r) {
            super(r.name);
            this.r = r;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            double[] d = x.data, o = new double[d.length];
            for (int i = 0; i < d.length; i++) o[i] = r.apply(d[i]);
            return Tensor.plain(x.shape, o);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).times(r.deriv((Tensor) in[0], (Tensor) out));
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor x = (Tensor) in[0], y = (Tensor) out, c = (Tensor) ct;
            if (x.level == null && y.level == null && c.level == null) {
                double[] xd = x.data, yd = y.data, cd = c.data, g = new double[xd.length];
                for (int i = 0; i < g.length; i++) g[i] = cd[i] * r.deriv(xd[i], yd[i]);
                return new Object[] {Tensor.plain(x.shape, g)};
            }
            return new Object[] {c.times(r.deriv(x, y))};
        }
    }

    static final class Binary extends Primitive {
        private final BinaryRule r;

        Binary(BinaryRule r) {
            super(r.name);
            this.r = r;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1];
            int[] shape = Shapes.broadcast(name(), a.shape, b.shape);
            int n = Shapes.count(shape);
            double[] ad = a.data, bd = b.data, o = new double[n];
            if (ad.length == n && bd.length == n) {
                for (int i = 0; i < n; i++) o[i] = r.apply(ad[i], bd[i]);
            } else if (bd.length == 1 && ad.length == n) {
                double c = bd[0];
                for (int i = 0; i < n; i++) o[i] = r.apply(ad[i], c);
            } else if (ad.length == 1 && bd.length == n) {
                double c = ad[0];
                for (int i = 0; i < n; i++) o[i] = r.apply(c, bd[i]);
            } else {
                int[] ia = Shapes.broadcastIndex(a.shape, shape), ib = Shapes.broadcastIndex(b.shape, shape);
                for (int i = 0; i < n; i++) o[i] = r.apply(ad[ia[i]], bd[ib[i]]);
            }
            return Tensor.plain(shape, o);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1], z = (Tensor) out;
            Tensor s = null;
            if (t[0] != null) s = ((Tensor) t[0]).times(r.da(a, b, z));
            if (t[1] != null) {
                Tensor u = ((Tensor) t[1]).times(r.db(a, b, z));
                s = s == null ? u : s.plus(u);
            }
            return s == null ? null : s.broadcastTo(z.shape);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1], z = (Tensor) out, c = (Tensor) ct;
            boolean plain = a.level == null && b.level == null && z.level == null && c.level == null;
            if (plain && Arrays.equals(a.shape, b.shape)) {
                double[] ad = a.data, bd = b.data, zd = z.data, cd = c.data;
                double[] ga = new double[ad.length], gb = new double[bd.length];
                for (int i = 0; i < ga.length; i++) {
                    ga[i] = cd[i] * r.da(ad[i], bd[i], zd[i]);
                    gb[i] = cd[i] * r.db(ad[i], bd[i], zd[i]);
                }
                return new Object[] {Tensor.plain(a.shape, ga), Tensor.plain(b.shape, gb)};
            }
            Tensor ga = c.times(r.da(a, b, z)).sumTo(a.shape);
            Tensor gb = c.times(r.db(a, b, z)).sumTo(b.shape);
            return new Object[] {ga, gb};
        }
    }
}
