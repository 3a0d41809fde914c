package zygote4j;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * The plain numerical kernels behind the linear algebra primitives, on row-major
 * {@code double[]} arrays: our own matrix product, and EJML for the factorizations
 * (LU, Cholesky), with our arrays wrapped, not copied, where EJML only reads them.
 *
 * <p>Why our own product: on a 256x784 by 784x256 product (the hot operation of an MLP)
 * EJML's {@code mult} ran at about 6 GFLOP/s on one core, its {@code multTransB} at
 * about 3, while the 4x4 register-blocked kernel below, with fused multiply-adds, ran
 * at about 13 (and at about 10 with separate multiplies and adds). The kernel computes
 * C = A Bᵀ with both operands read along rows, so the four transpose variants differ
 * only in which operand is first copied into transposed form (O(n²) work for an
 * O(n³) product). With the JDK's vector module present, {@link VectorProduct} (SIMD,
 * about three times faster again) replaces it; {@link KernelSettings} chooses, and
 * {@link ParallelProduct} splits large products over threads.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /**
     * Whether {@link Math#fma} is a hardware instruction here. Without hardware support
     * the JDK computes it in software, hundreds of times slower, so the kernel then uses a
     * multiply and an add. A short timing at class load tells the two apart (the gap is
     * two orders of magnitude, so load on the machine cannot blur it into a wrong choice
     * that matters).
     */
    static final boolean FAST_FMA = measureFma();

    private static boolean measureFma() {
        final int reps = 4000;
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) s = Math.fma(s, 0.5, i);
        long fma = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) s = s * 0.5 + i;
        long plain = System.nanoTime() - t0;
        // A software fma costs about a microsecond; the hardware one, like the plain loop, a few
        // nanoseconds. Reading s keeps the loops from being optimised away.
        return (fma < 2_000_000 || fma < 8 * plain) && s != -1;
    }

    /**
     * {@code op(A) op(B)} for a batch of matrix pairs stored one after the other, where
     * op(X) is X or Xᵀ. op(A) is m x k, op(B) is k x n; A is stored as m x k (or k x m
     * when transposed), B as k x n (or n x k). The kernel and the number of threads
     * come from {@link KernelSettings}.
     */
    static double[] mult(int batch, double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n) {
        if (m == 0 || n == 0 || k == 0 || vectorShaped(m, n, ta, tb)) {
            return mult(batch, a, ta, b, tb, m, k, n, null, 1);
        }
        // The thread setting is read only for products big enough to be split.
        long work = (long) batch * m * k * n;
        int threads = work >= 2 * ParallelProduct.MIN_WORK_PER_THREAD ? KernelSettings.threads() : 1;
        return mult(batch, a, ta, b, tb, m, k, n, KernelSettings.product(m, k, n), threads);
    }

    /** {@link #mult} with the kernel and the number of threads given (the kernel is unused for vector shapes). */
    static double[] mult(int batch, double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n,
            ProductKernel kernel, int threads) {
        double[] c = new double[batch * m * n];
        if (m == 0 || n == 0 || k == 0) return c;
        if (vectorShaped(m, n, ta, tb)) {
            int sa = m * k, sb = k * n, sc = m * n;
            for (int q = 0; q < batch; q++) {
                // A row vector times B: rows of B scaled and added, instead of transposing all of B;
                // Aᵀ times a column vector: the same with the roles of A and B swapped.
                if (m == 1 && !tb) axpyRows(a, q * sa, b, q * sb, c, q * sc, k, n);
                else axpyRows(b, q * sb, a, q * sa, c, q * sc, k, m);
            }
            return c;
        }
        ParallelProduct.run(kernel, new MatrixProduct(batch, a, ta, b, tb, m, k, n, c), threads);
        return c;
    }

    /** Products of a vector and a matrix that {@link #axpyRows} computes, reading both along rows. */
    private static boolean vectorShaped(int m, int n, boolean ta, boolean tb) {
        return (m == 1 && !tb) || (n == 1 && ta);
    }

    /**
     * The pure-Java product: {@link #multAtB} for a thin Aᵀ B, else {@link #multABt} after
     * copying whichever operand needs it into transposed form (once per matrix and thread).
     */
    static final class JavaProduct implements ProductKernel {
        private final boolean fma;

        JavaProduct(boolean fma) {
            this.fma = fma;
        }

        @Override
        public String name() {
            return "java";
        }

        @Override
        public int rowBlock() {
            return 4;
        }

        @Override
        public boolean suits(int m, int k, int n) {
            return true;
        }

        @Override
        public Rows rows(MatrixProduct p) {
            int m = p.m(), k = p.k(), n = p.n();
            if (p.ta() && !p.tb() && Math.min(m, n) <= 16) {
                // Aᵀ B with a thin result (the weight gradient of a narrow layer): both operands
                // are read along their rows as they are, where transposing them first would cost
                // about as much as the product.
                return (q, i0, i1) -> multAtB(p.a(), p.aOffset(q), p.b(), p.bOffset(q), p.c(), p.cOffset(q), m, k, n,
                        i0, i1);
            }
            return new Rows() {
                private int copied = -1;
                private double[] ar, bt;

                @Override
                public void compute(int q, int i0, int i1) {
                    // The kernel wants A as m x k and B as n x k (Bᵀ), both row-major.
                    if (q != copied) {
                        ar = p.ta() ? transpose(p.a(), p.aOffset(q), k, m) : p.a();
                        bt = p.tb() ? p.b() : transpose(p.b(), p.bOffset(q), k, n);
                        copied = q;
                    }
                    int ao = p.ta() ? 0 : p.aOffset(q), bo = p.tb() ? p.bOffset(q) : 0;
                    multABt(ar, ao, bt, bo, p.c(), p.cOffset(q), m, k, n, i0, i1, fma);
                }
            };
        }
    }

    /** c (n) = Σ_p x[p] · row p of M (k x n): a vector times a matrix, by vectorisable row updates. */
    private static void axpyRows(double[] x, int xo, double[] mat, int mo, double[] c, int co, int k, int n) {
        for (int p = 0; p < k; p++) {
            double xp = x[xo + p];
            int row = mo + p * n;
            for (int j = 0; j < n; j++) c[co + j] += xp * mat[row + j];
        }
    }

    /** The transpose of an m x n matrix. */
    static double[] transpose(double[] a, int m, int n) {
        return transpose(a, 0, m, n);
    }

    /** The transpose of the m x n matrix at {@code offset}, in cache-sized tiles. */
    static double[] transpose(double[] a, int offset, int m, int n) {
        double[] t = new double[m * n];
        final int tile = 32;
        for (int i0 = 0; i0 < m; i0 += tile) {
            int i1 = Math.min(m, i0 + tile);
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int row = offset + i * n;
                    for (int j = j0; j < j1; j++) t[j * m + i] = a[row + j];
                }
            }
        }
        return t;
    }

    /**
     * C = A Bᵀ with A (m x k) at {@code ao}, B (n x k) at {@code bo}, C (m x n) at
     * {@code co}, with fused multiply-adds or not. Columns of C go in panels whose rows
     * of B stay in the L2 cache while every row of A passes over them.
     */
    static void multABt(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n, boolean fma) {
        multABt(a, ao, b, bo, c, co, m, k, n, 0, m, fma);
    }

    /** {@link #multABt} for rows {@code i0} to {@code i1} (exclusive) of C only. */
    static void multABt(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n, int i0, int i1,
            boolean fma) {
        int panel = Math.max(4, (32 * 1024 / Math.max(1, k)) & ~3);
        for (int j0 = 0; j0 < n; j0 += panel) {
            int j1 = Math.min(n, j0 + panel);
            if (fma) {
                panelFma(a, ao, b, bo, c, co, k, n, i0, i1, j0, j1);
            } else {
                panelPlain(a, ao, b, bo, c, co, k, n, i0, i1, j0, j1);
            }
        }
    }

    /*
     * The micro-kernel: a 4x4 block of C in sixteen local accumulators, so that each pass
     * over k loads 8 numbers for 16 multiply-adds. Remainders of rows and columns use the
     * same idea at 4x1 and 1x4.
     */
    private static void panelFma(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int n,
            int i0, int i1, int j0, int j1) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            int a0 = ao + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int c0 = co + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            int j = j0;
            for (; j + 3 < j1; j += 4) {
                int b0 = bo + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
                    double y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
                    s00 = Math.fma(x0, y0, s00); s01 = Math.fma(x0, y1, s01); s02 = Math.fma(x0, y2, s02); s03 = Math.fma(x0, y3, s03);
                    s10 = Math.fma(x1, y0, s10); s11 = Math.fma(x1, y1, s11); s12 = Math.fma(x1, y2, s12); s13 = Math.fma(x1, y3, s13);
                    s20 = Math.fma(x2, y0, s20); s21 = Math.fma(x2, y1, s21); s22 = Math.fma(x2, y2, s22); s23 = Math.fma(x2, y3, s23);
                    s30 = Math.fma(x3, y0, s30); s31 = Math.fma(x3, y1, s31); s32 = Math.fma(x3, y2, s32); s33 = Math.fma(x3, y3, s33);
                }
                c[c0 + j] = s00; c[c0 + j + 1] = s01; c[c0 + j + 2] = s02; c[c0 + j + 3] = s03;
                c[c1 + j] = s10; c[c1 + j + 1] = s11; c[c1 + j + 2] = s12; c[c1 + j + 3] = s13;
                c[c2 + j] = s20; c[c2 + j + 1] = s21; c[c2 + j + 2] = s22; c[c2 + j + 3] = s23;
                c[c3 + j] = s30; c[c3 + j + 1] = s31; c[c3 + j + 2] = s32; c[c3 + j + 3] = s33;
            }
            for (; j < j1; j++) {
                int b0 = bo + j * k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0; p < k; p++) {
                    double y = b[b0 + p];
                    s0 = Math.fma(a[a0 + p], y, s0); s1 = Math.fma(a[a1 + p], y, s1);
                    s2 = Math.fma(a[a2 + p], y, s2); s3 = Math.fma(a[a3 + p], y, s3);
                }
                c[c0 + j] = s0; c[c1 + j] = s1; c[c2 + j] = s2; c[c3 + j] = s3;
            }
        }
        for (; i < i1; i++) {
            int a0 = ao + i * k, c0 = co + i * n;
            int j = j0;
            for (; j + 3 < j1; j += 4) {
                int b0 = bo + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[a0 + p];
                    s0 = Math.fma(x, b[b0 + p], s0); s1 = Math.fma(x, b[b1 + p], s1);
                    s2 = Math.fma(x, b[b2 + p], s2); s3 = Math.fma(x, b[b3 + p], s3);
                }
                c[c0 + j] = s0; c[c0 + j + 1] = s1; c[c0 + j + 2] = s2; c[c0 + j + 3] = s3;
            }
            for (; j < j1; j++) {
                int b0 = bo + j * k;
                double s = 0;
                for (int p = 0; p < k; p++) s = Math.fma(a[a0 + p], b[b0 + p], s);
                c[c0 + j] = s;
            }
        }
    }

    /**
     * Rows {@code i0} to {@code i1} (exclusive) of C = Aᵀ B with A (k x m) at {@code ao},
     * B (k x n) at {@code bo}, C (m x n) at {@code co}: the same 4x4 blocks as
     * {@link #panelFma}, each step of the sum reading four adjacent elements of a row of A
     * and of a row of B.
     */
    static void multAtB(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n, int i0,
            int i1) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                int pa = ao + i, pb = bo + j;
                for (int p = 0; p < k; p++, pa += m, pb += n) {
                    double x0 = a[pa], x1 = a[pa + 1], x2 = a[pa + 2], x3 = a[pa + 3];
                    double y0 = b[pb], y1 = b[pb + 1], y2 = b[pb + 2], y3 = b[pb + 3];
                    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
                    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
                    s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
                    s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
                }
                int c0 = co + i * n + j, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
                c[c0] = s00; c[c0 + 1] = s01; c[c0 + 2] = s02; c[c0 + 3] = s03;
                c[c1] = s10; c[c1 + 1] = s11; c[c1 + 2] = s12; c[c1 + 3] = s13;
                c[c2] = s20; c[c2 + 1] = s21; c[c2 + 2] = s22; c[c2 + 3] = s23;
                c[c3] = s30; c[c3 + 1] = s31; c[c3 + 2] = s32; c[c3 + 3] = s33;
            }
            for (; j < n; j++) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int pa = ao + i, pb = bo + j;
                for (int p = 0; p < k; p++, pa += m, pb += n) {
                    double y = b[pb];
                    s0 += a[pa] * y; s1 += a[pa + 1] * y; s2 += a[pa + 2] * y; s3 += a[pa + 3] * y;
                }
                int c0 = co + i * n + j;
                c[c0] = s0; c[c0 + n] = s1; c[c0 + 2 * n] = s2; c[c0 + 3 * n] = s3;
            }
        }
        // The last rows: four columns at a time, then single entries, each with four
        // independent sums (one running sum would wait on the previous addition every step).
        for (; i < i1; i++) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int pa = ao + i, pb = bo + j;
                for (int p = 0; p < k; p++, pa += m, pb += n) {
                    double x = a[pa];
                    s0 += x * b[pb]; s1 += x * b[pb + 1]; s2 += x * b[pb + 2]; s3 += x * b[pb + 3];
                }
                int c0 = co + i * n + j;
                c[c0] = s0; c[c0 + 1] = s1; c[c0 + 2] = s2; c[c0 + 3] = s3;
            }
            for (; j < n; j++) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int pa = ao + i, pb = bo + j, p = 0;
                for (; p + 3 < k; p += 4, pa += 4 * m, pb += 4 * n) {
                    s0 += a[pa] * b[pb];
                    s1 += a[pa + m] * b[pb + n];
                    s2 += a[pa + 2 * m] * b[pb + 2 * n];
                    s3 += a[pa + 3 * m] * b[pb + 3 * n];
                }
                for (; p < k; p++, pa += m, pb += n) s0 += a[pa] * b[pb];
                c[co + i * n + j] = (s0 + s1) + (s2 + s3);
            }
        }
    }

    /** {@link #panelFma} with a multiply and an add, for machines without hardware fma. */
    private static void panelPlain(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int n,
            int i0, int i1, int j0, int j1) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            int a0 = ao + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int c0 = co + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            int j = j0;
            for (; j + 3 < j1; j += 4) {
                int b0 = bo + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
                    double y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
                    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
                    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
                    s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
                    s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
                }
                c[c0 + j] = s00; c[c0 + j + 1] = s01; c[c0 + j + 2] = s02; c[c0 + j + 3] = s03;
                c[c1 + j] = s10; c[c1 + j + 1] = s11; c[c1 + j + 2] = s12; c[c1 + j + 3] = s13;
                c[c2 + j] = s20; c[c2 + j + 1] = s21; c[c2 + j + 2] = s22; c[c2 + j + 3] = s23;
                c[c3 + j] = s30; c[c3 + j + 1] = s31; c[c3 + j + 2] = s32; c[c3 + j + 3] = s33;
            }
            for (; j < j1; j++) {
                int b0 = bo + j * k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0; p < k; p++) {
                    double y = b[b0 + p];
                    s0 += a[a0 + p] * y; s1 += a[a1 + p] * y; s2 += a[a2 + p] * y; s3 += a[a3 + p] * y;
                }
                c[c0 + j] = s0; c[c1 + j] = s1; c[c2 + j] = s2; c[c3 + j] = s3;
            }
        }
        for (; i < i1; i++) {
            int a0 = ao + i * k, c0 = co + i * n;
            int j = j0;
            for (; j + 3 < j1; j += 4) {
                int b0 = bo + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[a0 + p];
                    s0 += x * b[b0 + p]; s1 += x * b[b1 + p]; s2 += x * b[b2 + p]; s3 += x * b[b3 + p];
                }
                c[c0 + j] = s0; c[c0 + j + 1] = s1; c[c0 + j + 2] = s2; c[c0 + j + 3] = s3;
            }
            for (; j < j1; j++) {
                int b0 = bo + j * k;
                double s = 0;
                for (int p = 0; p < k; p++) s += a[a0 + p] * b[b0 + p];
                c[c0 + j] = s;
            }
        }
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
