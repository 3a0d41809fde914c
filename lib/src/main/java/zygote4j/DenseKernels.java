package zygote4j;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * The plain numerical kernels behind the linear algebra primitives, on row-major
 * {@code double[]} arrays, computed with EJML. Our arrays are wrapped, never copied,
 * where EJML only reads them.
 *
 * <p>Measured on a 256x784 by 784x256 product, EJML's {@code mult} and
 * {@code multTransA} (about 6 GFLOP/s on one core) beat a hand-written blocked loop
 * (about 5 GFLOP/s), but its {@code multTransB} works by dot products and runs at half
 * that speed: so A·Bᵀ transposes B first (O(kn) extra work) and calls {@code mult}.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /** Below this many rows of the product, transposing B first does not pay. */
    private static final int TRANSPOSE_B_MIN_ROWS = 8;

    /**
     * {@code op(A) op(B)} for a batch of matrix pairs stored one after the other, where
     * op(X) is X or Xᵀ. op(A) is m x k, op(B) is k x n; A is stored as m x k (or k x m
     * when transposed), B as k x n (or n x k).
     */
    static double[] mult(int batch, double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n) {
        double[] c = new double[batch * m * n];
        if (m == 0 || n == 0 || k == 0) return c;
        int sa = m * k, sb = k * n, sc = m * n;
        if (batch == 1) {
            mult1(a, ta, b, tb, m, k, n, c);
            return c;
        }
        double[] ai = new double[sa], bi = new double[sb], ci = new double[sc];
        for (int q = 0; q < batch; q++) {
            System.arraycopy(a, q * sa, ai, 0, sa);
            System.arraycopy(b, q * sb, bi, 0, sb);
            mult1(ai, ta, bi, tb, m, k, n, ci);
            System.arraycopy(ci, 0, c, q * sc, sc);
        }
        return c;
    }

    private static void mult1(double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n, double[] c) {
        DMatrixRMaj am = ta ? DMatrixRMaj.wrap(k, m, a) : DMatrixRMaj.wrap(m, k, a);
        DMatrixRMaj bm = tb ? DMatrixRMaj.wrap(n, k, b) : DMatrixRMaj.wrap(k, n, b);
        DMatrixRMaj cm = DMatrixRMaj.wrap(m, n, c);
        if (!ta && !tb) {
            CommonOps_DDRM.mult(am, bm, cm);
        } else if (ta && !tb) {
            CommonOps_DDRM.multTransA(am, bm, cm);
        } else if (!ta) {
            if (m < TRANSPOSE_B_MIN_ROWS) {
                CommonOps_DDRM.multTransB(am, bm, cm);
            } else {
                CommonOps_DDRM.mult(am, CommonOps_DDRM.transpose(bm, null), cm);
            }
        } else {
            // Aᵀ Bᵀ = (B A)ᵀ: one fast product and one transpose.
            DMatrixRMaj ba = new DMatrixRMaj(n, m);
            CommonOps_DDRM.mult(bm, am, ba);
            CommonOps_DDRM.transpose(ba, cm);
        }
    }

    /** The transpose of an m x n matrix. */
    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[a.length];
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) t[j * m + i] = a[row + j];
        }
        return t;
    }

    /** An LU factorization with partial pivoting of a square matrix, and what it gives. */
    static final class Lu {
        private final int n;
        private final LinearSolverLu_DDRM solver;
        private final double[] lu;
        private final int[] pivot;
        private final double scale;

        Lu(double[] a, int n) {
            this.n = n;
            LUDecompositionAlt_DDRM decomposition = new LUDecompositionAlt_DDRM();
            solver = new LinearSolverLu_DDRM(decomposition);
            double s = 0;
            for (double x : a) s = Math.max(s, Math.abs(x));
            scale = s;
            if (n > 0) solver.setA(DMatrixRMaj.wrap(n, n, a));
            lu = n > 0 ? decomposition.getLU().data : new double[0];
            pivot = n > 0 ? decomposition.getPivot() : new int[0];
        }

        /**
         * Singular to working precision: a pivot of U at most n·ε times the largest
         * entry of A (an exact zero included), where an inverse would be noise.
         */
        boolean singular() {
            double tol = n * Math.ulp(1.0) * scale;
            for (int i = 0; i < n; i++) {
                double u = Math.abs(lu[i * n + i]);
                if (!(u > tol)) return true;
            }
            return false;
        }

        /** The determinant (0 for an exactly singular matrix; 1 for a 0 x 0 one). */
        double det() {
            double d = permutationSign();
            for (int i = 0; i < n; i++) d *= lu[i * n + i];
            return d;
        }

        /** log|det|, without overflow or underflow on the way. */
        double logAbsDet() {
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.log(Math.abs(lu[i * n + i]));
            return s;
        }

        /** The sign of the determinant: -1, 0 or 1. */
        double detSign() {
            double s = permutationSign();
            for (int i = 0; i < n; i++) s *= Math.signum(lu[i * n + i]);
            return s;
        }

        private double permutationSign() {
            // The pivot array maps each row of LU to its row of A; its parity is the sign.
            boolean[] seen = new boolean[n];
            double sign = 1;
            for (int i = 0; i < n; i++) {
                if (seen[i]) continue;
                int len = 0;
                for (int j = i; !seen[j]; j = pivot[j]) {
                    seen[j] = true;
                    len++;
                }
                if (len % 2 == 0) sign = -sign;
            }
            return sign;
        }

        /** A⁻¹ B for B of n x r. */
        double[] solve(double[] b, int r) {
            double[] x = new double[n * r];
            if (n == 0 || r == 0) return x;
            DMatrixRMaj bm = DMatrixRMaj.wrap(n, r, solver.modifiesB() ? b.clone() : b);
            solver.solve(bm, DMatrixRMaj.wrap(n, r, x));
            return x;
        }

        /** A⁻¹. */
        double[] inverse() {
            double[] x = new double[n * n];
            if (n > 0) solver.invert(DMatrixRMaj.wrap(n, n, x));
            return x;
        }
    }

    /**
     * The lower-triangular Cholesky factor L of a symmetric n x n matrix (only its lower
     * triangle is read), or null when the matrix is not positive definite.
     */
    static double[] cholesky(double[] a, int n) {
        if (n == 0) return new double[0];
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        DMatrixRMaj am = DMatrixRMaj.wrap(n, n, a.clone());
        if (!chol.decompose(am)) return null;
        double[] l = chol.getT(null).data;
        for (int i = 0; i < n; i++) {
            double d = l[i * n + i];
            if (!(d > 0) || Double.isInfinite(d)) return null;
            for (int j = i + 1; j < n; j++) l[i * n + j] = 0;
        }
        return l;
    }
}
