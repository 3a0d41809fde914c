package zygote4j;

/**
 * The scalar primitives of {@link ScalarRules} lifted to tensors, elementwise, with
 * NumPy broadcasting for the binary ones. The derivatives are the scalar rules' own
 * formulas, applied to whole tensors, so that the rules differentiate again.
 *
 * <p>When everything is plain (first order, the common case) the rules run plain loops
 * instead ({@link ElementwiseKernels}, compiled per rule): the reverse rule fuses
 * cotangent and derivative into one pass per operand that needs a cotangent (constant
 * operands get none), sums a broadcast operand's cotangent in the same pass, and hands
 * the output's cotangent on unchanged where the partial derivative is 1; the forward rule
 * of a chunk of directions computes the derivative once for all of them.
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

    /** Whether every tangent of the chunk (null entries aside) is a plain tensor. */
    static boolean plainTangents(Object[][] t) {
        for (Object[] tk : t) {
            if (tk == null) continue;
            for (Object x : tk) if (x != null && ((Tensor) x).level != null) return false;
        }
        return true;
    }

    static final class Unary extends Primitive {
        private final UnaryRule r;
        /**
         * f'(x) on plain numbers, kept by the first plain backward pass when it costs a
         * function call per element ({@link #costlyDerivative}), for the pullback's later
         * passes (one per row of a Jacobian); null until then. One primitive serves one
         * operation, so it belongs to one x. Volatile: passes may run on several threads.
         */
        private volatile double[] derivative;

        Unary(UnaryRule r) {
            super(r.name);
            this.r = r;
        }

        /** Whether f' costs as much as f (a transcendental function of x, not a formula of y). */
        private boolean costlyDerivative() {
            return r == ScalarRules.SIN || r == ScalarRules.COS || r == ScalarRules.SINH || r == ScalarRules.COSH
                    || r == ScalarRules.SOFTPLUS;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            double[] o = new double[x.data.length];
            ElementwiseKernels.map(r, x.data, o);
            return Tensor.plain(x.shape, o);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).times(r.deriv((Tensor) in[0], (Tensor) out));
        }

        /** Plain values and tangents: the derivative once, then one product per direction. */
        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            Tensor x = (Tensor) in[0], y = (Tensor) out;
            if (x.level != null || y.level != null || !plainTangents(t)) return super.jvpChunk(in, out, t);
            double[] d = new double[x.data.length];
            ElementwiseKernels.derivative(r, x.data, y.data, d);
            Object[] res = new Object[t.length];
            for (int k = 0; k < t.length; k++) {
                if (t[k] == null) continue;
                double[] o = new double[d.length];
                ElementwiseKernels.multiply(((Tensor) t[k][0]).data, d, o);
                res[k] = Tensor.plain(x.shape, o);
            }
            return res;
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return vjpFor(in, out, ct, new boolean[] {true});
        }

        @Override
        Object[] vjpFor(Object[] in, Object out, Object ct, boolean[] needed) {
            if (!needed[0]) return new Object[1];
            Tensor x = (Tensor) in[0], y = (Tensor) out, c = (Tensor) ct;
            if (x.level == null && y.level == null && c.level == null) {
                double[] g = ScratchArrays.take(x.data.length);
                if (costlyDerivative()) {
                    double[] d = derivative;
                    if (d == null) {
                        d = new double[x.data.length];
                        ElementwiseKernels.derivative(r, x.data, y.data, d);
                        derivative = d;
                    }
                    ElementwiseKernels.multiply(c.data, d, g);
                } else {
                    ElementwiseKernels.deriv(r, x.data, y.data, c.data, g);
                }
                return new Object[] {Tensor.plain(x.shape, g)};
            }
            return new Object[] {c.times(r.deriv(x, y))};
        }

        /** The plain reverse rule returns a new array and keeps nothing. */
        @Override
        boolean freshPlainCotangents() {
            return true;
        }
    }

    static final class Binary extends Primitive {
        private final BinaryRule r;
        /**
         * The plan of the last operands' shapes: one primitive serves one operation, whose
         * rules see operands of the shapes it was evaluated on, so the plan is made once.
         */
        private BroadcastPlan plan;
        private int[] planA, planB;

        Binary(BinaryRule r) {
            super(r.name);
            this.r = r;
        }

        private BroadcastPlan plan(int[] a, int[] b) {
            BroadcastPlan p = plan;
            if (p != null && planA == a && planB == b) return p;
            p = BroadcastPlan.of(name(), a, b);
            plan = p;
            planA = a;
            planB = b;
            return p;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1];
            BroadcastPlan p = plan(a.shape, b.shape);
            double[] o = new double[p.count];
            ElementwiseKernels.zip(r, p, a.data, b.data, o);
            return Tensor.plain(p.shape, o);
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

        /** Plain values and tangents: both partials once, then one fused loop per direction. */
        @Override
        Object[] jvpChunk(Object[] in, Object out, Object[][] t) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1], z = (Tensor) out;
            if (a.level != null || b.level != null || z.level != null || !plainTangents(t)) {
                return super.jvpChunk(in, out, t);
            }
            boolean anyA = false, anyB = false;
            for (Object[] tk : t) {
                if (tk == null) continue;
                anyA |= tk[0] != null;
                anyB |= tk[1] != null;
            }
            BroadcastPlan p = plan(a.shape, b.shape);
            double[] da = anyA ? new double[p.count] : null, db = anyB ? new double[p.count] : null;
            ElementwiseKernels.partials(r, p, a.data, b.data, z.data, da, db);
            Object[] res = new Object[t.length];
            for (int k = 0; k < t.length; k++) {
                if (t[k] == null) continue;
                double[] ta = t[k][0] == null ? null : ((Tensor) t[k][0]).data;
                double[] tb = t[k][1] == null ? null : ((Tensor) t[k][1]).data;
                double[] o = new double[p.count];
                ElementwiseKernels.combine(p, ta, da, tb, db, o);
                res[k] = Tensor.plain(p.shape, o);
            }
            return res;
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return vjpFor(in, out, ct, new boolean[] {true, true});
        }

        @Override
        Object[] vjpFor(Object[] in, Object out, Object ct, boolean[] needed) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1], z = (Tensor) out, c = (Tensor) ct;
            if (a.level == null && b.level == null && z.level == null && c.level == null) {
                return plainVjp(a, b, z, c, needed);
            }
            // Where the partial is the constant 1 the cotangent passes through (no product by ones).
            Tensor ga = !needed[0] ? null : passesA() ? c.sumTo(a.shape) : c.times(r.da(a, b, z)).sumTo(a.shape);
            Tensor gb = !needed[1] ? null : passesB() ? c.sumTo(b.shape) : c.times(r.db(a, b, z)).sumTo(b.shape);
            return new Object[] {ga, gb};
        }

        /**
         * The plain reverse rule returns new arrays, or the output's cotangent array itself
         * where the partial is 1, and keeps nothing.
         */
        @Override
        boolean freshPlainCotangents() {
            return true;
        }

        /** Whether df/da is the constant 1 (plus, minus). */
        private boolean passesA() {
            return r == ScalarRules.PLUS || r == ScalarRules.MINUS;
        }

        /** Whether df/db is the constant 1 (plus). */
        private boolean passesB() {
            return r == ScalarRules.PLUS;
        }

        /**
         * First order on plain arrays: one fused loop per operand over the broadcast runs,
         * summing into a broadcast operand as it goes. Where the partial derivative is the
         * constant 1 (both operands of plus, the left one of minus) and the operand has the
         * output's shape, its cotangent is the output's, shared (arrays are never mutated).
         */
        private Object[] plainVjp(Tensor a, Tensor b, Tensor z, Tensor c, boolean[] needed) {
            BroadcastPlan p = plan(a.shape, b.shape);
            boolean passA = passesA() && a.data.length == p.count, passB = passesB() && b.data.length == p.count;
            Object[] g = new Object[2];
            if (needed[0] && passA) g[0] = Tensor.plain(a.shape, c.data);
            if (needed[1] && passB) g[1] = Tensor.plain(b.shape, c.data);
            boolean wantA = needed[0] && !passA, wantB = needed[1] && !passB;
            if (wantA && wantB && p.same()) {
                double[] ga = ScratchArrays.take(p.count), gb = ScratchArrays.take(p.count);
                ElementwiseKernels.gradBoth(r, a.data, b.data, z.data, c.data, ga, gb);
                return new Object[] {Tensor.plain(a.shape, ga), Tensor.plain(b.shape, gb)};
            }
            // One run along which the operand varies: the loop writes every element (a
            // broadcast operand instead sums into zeros, and needs a zeroed array).
            boolean oneRun = p.blocks() == 1;
            if (wantA) {
                double[] ga = oneRun && p.aVaries ? ScratchArrays.take(a.data.length) : new double[a.data.length];
                ElementwiseKernels.gradA(r, p, a.data, b.data, z.data, c.data, ga);
                g[0] = Tensor.plain(a.shape, ga);
            }
            if (wantB) {
                double[] gb = oneRun && p.bVaries ? ScratchArrays.take(b.data.length) : new double[b.data.length];
                ElementwiseKernels.gradB(r, p, a.data, b.data, z.data, c.data, gb);
                g[1] = Tensor.plain(b.shape, gb);
            }
            return g;
        }
    }
}
