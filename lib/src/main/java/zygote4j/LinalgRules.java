package zygote4j;

import static zygote4j.MatmulRule.mm;

/**
 * Primitives of linear algebra on matrices: transpose (internal), determinant, log
 * determinant, inverse, solve, trace, norm and Cholesky factor. Plain values are
 * computed by {@link DenseKernels} (EJML); both rules are written with differentiable
 * operations (products, solves, inverses of tracked values), so they differentiate again.
 */
final class LinalgRules {
    private LinalgRules() {
    }

    /** Throws unless x is a square matrix. */
    static void requireSquare(String op, Tensor x) {
        if (x.shape.length != 2 || x.shape[0] != x.shape[1]) {
            throw new IllegalArgumentException(op + ": needs a square matrix, got a tensor of shape " + Shapes.str(x.shape)
                    + (x.shape.length == 2 ? "" : "; reshape it to n x n first"));
        }
    }

    private static int n(Object x) {
        return ((Tensor) x).shape[0];
    }

    private static DenseKernels.Lu nonsingularLu(String op, Tensor a) {
        DenseKernels.Lu lu = new DenseKernels.Lu(a.data, a.shape[0]);
        if (lu.singular()) {
            throw new ArithmeticException(op + ": the " + a.shape[0] + "x" + a.shape[0]
                    + " matrix is singular (to working precision) or has entries that are not finite, so it has no inverse;"
                    + " check the matrix or regularise it,"
                    + " e.g. add a small multiple of the identity");
        }
        return lu;
    }

    /** The identity matrix. */
    static Tensor eye(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) d[i * n + i] = 1;
        return Tensor.plain(new int[] {n, n}, d);
    }

    /** The transpose of a matrix (the package's own; the public one lives elsewhere). */
    static final class Transpose2 extends Primitive {
        static final Transpose2 INSTANCE = new Transpose2();

        private Transpose2() {
            super("transpose2");
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor x = (Tensor) in[0];
            if (x.shape.length != 2) {
                throw new IllegalArgumentException("transpose2: needs a matrix, got shape " + Shapes.str(x.shape));
            }
            int m = x.shape[0], n = x.shape[1];
            return Tensor.plain(new int[] {n, m}, DenseKernels.transpose(x.data, m, n));
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).t2();
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {((Tensor) ct).t2()};
        }
    }

    /** det(A); d det = det · tr(A⁻¹ dA), so its cotangent is det · ct · A⁻ᵀ. */
    static final class Det extends Primitive {
        static final Det INSTANCE = new Det();

        private Det() {
            super("det");
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0];
            return Real.of(new DenseKernels.Lu(a.data, a.shape[0]).det());
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Tensor a = (Tensor) in[0];
            return ((Real) out).times(a.solve((Tensor) t[0]).trace());
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor a = (Tensor) in[0];
            return new Object[] {a.inv().t2().times(((Real) out).times((Real) ct))};
        }
    }

    /**
     * log det(A) (or log|det(A)| with {@code abs}); its differential is tr(A⁻¹ dA), so its
     * cotangent is ct · A⁻ᵀ.
     */
    static final class LogDet extends Primitive {
        static final LogDet LOGDET = new LogDet(false), LOGABSDET = new LogDet(true);
        private final boolean abs;

        private LogDet(boolean abs) {
            super(abs ? "logabsdet" : "logdet");
            this.abs = abs;
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0];
            DenseKernels.Lu lu = new DenseKernels.Lu(a.data, a.shape[0]);
            if (lu.singular()) {
                throw new ArithmeticException(name() + ": the " + a.shape[0] + "x" + a.shape[0]
                        + " matrix is singular (to working precision): its determinant is 0 and the logarithm is -infinity");
            }
            if (!abs && lu.detSign() < 0) {
                throw new ArithmeticException("logdet: the determinant is negative, so its logarithm is not real;"
                        + " use logabsdet() for log|det|, or check that the matrix is meant to be positive definite");
            }
            return Real.of(lu.logAbsDet());
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) in[0]).solve((Tensor) t[0]).trace();
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return new Object[] {((Tensor) in[0]).inv().t2().times((Real) ct)};
        }
    }

    /** X = A⁻¹; dX = -X dA X, so Ā = -Xᵀ C̄ Xᵀ. */
    static final class Inv extends Primitive {
        static final Inv INSTANCE = new Inv();

        private Inv() {
            super("inv");
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0];
            return Tensor.plain(a.shape, nonsingularLu("inv", a).inverse());
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Tensor x = (Tensor) out;
            return mm(mm(x, (Tensor) t[0]), x).neg();
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor x = (Tensor) out;
            return new Object[] {mm(mm(x, (Tensor) ct, true, false), x, false, true).neg()};
        }
    }

    /**
     * X = A⁻¹ B for a matrix B (vectors are reshaped by {@link Tensor#solve});
     * dX = A⁻¹ (dB - dA X), so B̄ = A⁻ᵀ X̄ and Ā = -B̄ Xᵀ.
     */
    static final class Solve extends Primitive {
        static final Solve INSTANCE = new Solve();

        private Solve() {
            super("solve");
        }

        static Tensor solve(Tensor a, Tensor b) {
            return (Tensor) INSTANCE.apply(a, b);
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0], b = (Tensor) in[1];
            return Tensor.plain(b.shape, nonsingularLu("solve", a).solve(b.data, b.shape[1]));
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Tensor a = (Tensor) in[0], x = (Tensor) out;
            Tensor rhs = t[1] == null ? null : (Tensor) t[1];
            if (t[0] != null) {
                Tensor u = mm((Tensor) t[0], x);
                rhs = rhs == null ? u.neg() : rhs.minus(u);
            }
            return solve(a, rhs);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            return vjpFor(in, out, ct, new boolean[] {true, true});
        }

        @Override
        Object[] vjpFor(Object[] in, Object out, Object ct, boolean[] needed) {
            Tensor a = (Tensor) in[0], x = (Tensor) out;
            Tensor gb = solve(a.t2(), (Tensor) ct);
            Tensor ga = needed[0] ? mm(gb, x, false, true).neg() : null;
            return new Object[] {ga, needed[1] ? gb : null};
        }
    }

    /** The sum of the diagonal; its cotangent is ct · I. */
    static final class Trace extends Primitive {
        static final Trace INSTANCE = new Trace();

        private Trace() {
            super("trace");
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0];
            int n = a.shape[0];
            double s = 0;
            for (int i = 0; i < n; i++) s += a.data[i * n + i];
            return Real.of(s);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).trace();
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Real c = (Real) ct;
            int n = n(in[0]);
            if (c.level == null) {
                double[] d = new double[n * n];
                for (int i = 0; i < n; i++) d[i * n + i] = c.v;
                return new Object[] {Tensor.plain(new int[] {n, n}, d)};
            }
            return new Object[] {eye(n).times(c)};
        }
    }

    /**
     * The 2-norm of all elements, y = sqrt(Σ x²); dy = Σ x dx / y, so x̄ = ct · x / y. At
     * x = 0, where the norm has no derivative, both rules give 0 (as ChainRules does).
     */
    static final class Norm extends Primitive {
        static final Norm INSTANCE = new Norm();

        private Norm() {
            super("norm");
        }

        @Override
        protected Object evaluate(Object[] in) {
            double[] d = ((Tensor) in[0]).data;
            double max = 0;
            for (double v : d) max = Math.max(max, Math.abs(v));
            if (max == 0 || Double.isInfinite(max)) return Real.of(max);
            // Scaled by the largest element so that squares neither overflow nor underflow.
            double s = 0;
            for (double v : d) {
                double q = v / max;
                s += q * q;
            }
            return Real.of(max * Math.sqrt(s));
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Real y = (Real) out;
            if (y.v == 0) return null;
            return ((Tensor) in[0]).times((Tensor) t[0]).sum().div(y);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor x = (Tensor) in[0];
            Real y = (Real) out;
            if (y.v == 0) return new Object[] {Tensor.zeros(x.shape)};
            return new Object[] {x.times(((Real) ct).div(y))};
        }
    }

    /**
     * The lower-triangular L with L Lᵀ = S, S = (A + Aᵀ)/2 the symmetric part of A (as in
     * JAX, so that the gradient is symmetric and agrees with finite differences in every
     * entry). With Φ(X) the lower triangle of X with its diagonal halved:
     * dL = L Φ(L⁻¹ dS L⁻ᵀ), and Ā = sym(L⁻ᵀ Φ(Lᵀ L̄) L⁻¹) (Murray 2016).
     */
    static final class Cholesky extends Primitive {
        static final Cholesky INSTANCE = new Cholesky();

        private Cholesky() {
            super("cholesky");
        }

        @Override
        protected Object evaluate(Object[] in) {
            Tensor a = (Tensor) in[0];
            int n = a.shape[0];
            double[] s = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) s[i * n + j] = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
            }
            double[] l = DenseKernels.cholesky(s, n);
            if (l == null) {
                throw new ArithmeticException("cholesky: the " + n + "x" + n + " matrix is not positive definite"
                        + " (a pivot was not positive); check that it is symmetric positive definite, or add a small"
                        + " multiple of the identity");
            }
            return Tensor.plain(a.shape, l);
        }

        /** Φ: the lower triangle with the diagonal halved, as an elementwise mask. */
        private static Tensor phi(Tensor x) {
            int n = x.shape[0];
            double[] mask = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) mask[i * n + j] = 1;
                mask[i * n + i] = 0.5;
            }
            return x.times(Tensor.plain(new int[] {n, n}, mask));
        }

        private static Tensor sym(Tensor x) {
            return x.plus(x.t2()).times(0.5);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Tensor l = (Tensor) out, linv = l.inv();
            Tensor ds = sym((Tensor) t[0]);
            return mm(l, phi(mm(mm(linv, ds), linv, false, true)));
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor l = (Tensor) out, linv = l.inv();
            Tensor p = phi(mm(l, (Tensor) ct, true, false));
            return new Object[] {sym(mm(mm(linv, p, true, false), linv))};
        }
    }
}
