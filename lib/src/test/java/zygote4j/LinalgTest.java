package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Linear algebra: values against Hipparchus, derivatives against finite differences
 * (first and second order, both modes) and against closed forms, and the errors.
 */
class LinalgTest {
    private static final double TOL = 1e-6;

    /** A well-conditioned n x n matrix with positive determinant that is not symmetric: R Rᵀ + n I plus a skew part. */
    static Tensor wellConditioned(Random r, int n) {
        Tensor spd = spd(r, n);
        Tensor s = Prop.tensor(r, -0.5, 0.5, n, n);
        return spd.plus(s.minus(s.t2()));
    }

    /** A symmetric positive definite matrix R Rᵀ + n I. */
    static Tensor spd(Random r, int n) {
        Tensor rr = Prop.tensor(r, -1, 1, n, n);
        return rr.matmul(rr.t2()).plus(LinalgRules.eye(n).times(n));
    }

    static RealMatrix hip(Tensor a) {
        int m = a.shape[0], n = a.shape[1];
        double[][] d = new double[m][n];
        for (int i = 0; i < m; i++) System.arraycopy(a.data, i * n, d[i], 0, n);
        return MatrixUtils.createRealMatrix(d);
    }

    static double[] flat(RealMatrix m) {
        double[] d = new double[m.getRowDimension() * m.getColumnDimension()];
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < m.getColumnDimension(); j++) d[i * m.getColumnDimension() + j] = m.getEntry(i, j);
        }
        return d;
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) Check.close(expected[i], actual[i], tol, what + "[" + i + "]");
    }

    // ------------------------------------------------------------------ matmul

    /** The NumPy matmul by definition: promote vectors, broadcast batches, sum over k. */
    static Tensor referenceMatmul(Tensor x, Tensor y) {
        int[] sa = x.shape.length == 1 ? new int[] {1, x.shape[0]} : x.shape;
        int[] sb = y.shape.length == 1 ? new int[] {y.shape[0], 1} : y.shape;
        int[] ba = java.util.Arrays.copyOf(sa, sa.length - 2), bb = java.util.Arrays.copyOf(sb, sb.length - 2);
        int[] batch = Shapes.broadcast("ref", ba, bb);
        int m = sa[sa.length - 2], k = sa[sa.length - 1], n = sb[sb.length - 1];
        int nb = Shapes.count(batch);
        int[] ia = Shapes.broadcastIndex(ba, batch), ib = Shapes.broadcastIndex(bb, batch);
        double[] c = new double[nb * m * n];
        for (int q = 0; q < nb; q++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += x.data[ia[q] * m * k + i * k + p] * y.data[ib[q] * k * n + p * n + j];
                    c[q * m * n + i * n + j] = s;
                }
            }
        }
        int[] out = batch;
        if (x.shape.length > 1) out = concat(out, m);
        if (y.shape.length > 1) out = concat(out, n);
        return Tensor.plain(out, c);
    }

    static int[] concat(int[] a, int b) {
        int[] s = java.util.Arrays.copyOf(a, a.length + 1);
        s[a.length] = b;
        return s;
    }

    /** Pairs of shapes covering every NumPy case, with the result's shape. */
    private static final int[][][] MATMUL_CASES = {
        {{2, 3}, {3, 4}, {2, 4}},
        {{2, 3}, {3}, {2}},
        {{3}, {3, 4}, {4}},
        {{3}, {3}, {}},
        {{1, 1}, {1, 1}, {1, 1}},
        {{5, 2, 3}, {3, 4}, {5, 2, 4}},
        {{2, 3}, {5, 3, 4}, {5, 2, 4}},
        {{5, 2, 3}, {5, 3, 4}, {5, 2, 4}},
        {{2, 1, 2, 3}, {4, 3, 2}, {2, 4, 2, 2}},
        {{3}, {5, 3, 4}, {5, 4}},
        {{5, 2, 3}, {3}, {5, 2}},
        {{0, 3}, {3, 2}, {0, 2}},
        {{2, 0}, {0, 3}, {2, 3}},
    };

    @Test
    void matmulFollowsNumPyForEveryShapeCase() {
        Prop.forAll("matmul shapes", 3, r -> {
            for (int[][] c : MATMUL_CASES) {
                Tensor x = Prop.tensor(r, -2, 2, c[0]), y = Prop.tensor(r, -2, 2, c[1]);
                Tensor z = x.matmul(y);
                String what = "matmul " + Shapes.str(c[0]) + " @ " + Shapes.str(c[1]);
                assertArrayEquals(c[2], z.shape(), what + ": shape");
                assertClose(referenceMatmul(x, y).data, z.data, 1e-12, what);
            }
        });
    }

    @Test
    void matmulMatchesAKnownProduct() {
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {7, 10, 15, 22}, a.matmul(a).toDoubleArray());
        assertArrayEquals(new double[] {3, 7}, a.matmul(Tensor.of(1, 1)).toDoubleArray());
        assertArrayEquals(new double[] {4, 6}, Tensor.of(1, 1).matmul(a).toDoubleArray());
        assertEquals(11.0, Tensor.of(1, 2).matmul(Tensor.of(3, 4)).get().value());
    }

    @Test
    void largeProductsAgreeWithTheDefinitionInEveryTransposeVariant() {
        // Sizes that are not multiples of the 4x4 block, a long k that splits the columns
        // into several cache panels, vectors (their own paths), and batches.
        int[][] sizes = {{40, 30, 20}, {5, 1200, 30}, {1, 50, 9}, {9, 50, 1}, {1, 7, 1}, {7, 3, 6}};
        Random r = new Random(7);
        for (int[] s : sizes) {
            int m = s[0], k = s[1], n = s[2];
            for (int batch = 1; batch <= 2; batch++) {
                Tensor a = Prop.tensor(r, -1, 1, batch, m, k), b = Prop.tensor(r, -1, 1, batch, k, n);
                Tensor at = Prop.tensor(r, -1, 1, batch, k, m), bt = Prop.tensor(r, -1, 1, batch, n, k);
                String what = batch + " x " + m + "x" + k + "x" + n;
                assertClose(referenceMatmul(a, b).data, MatmulRule.mm(a, b).data, 1e-12, "A B " + what);
                assertClose(referenceMatmul(a, transposeLast(bt)).data, MatmulRule.mm(a, bt, false, true).data, 1e-12,
                        "A Bᵀ " + what);
                assertClose(referenceMatmul(transposeLast(at), b).data, MatmulRule.mm(at, b, true, false).data, 1e-12,
                        "Aᵀ B " + what);
                assertClose(referenceMatmul(transposeLast(at), transposeLast(bt)).data,
                        MatmulRule.mm(at, bt, true, true).data, 1e-12, "Aᵀ Bᵀ " + what);
            }
            // The kernel without hardware fma, used where Math.fma would be slow.
            Tensor a = Prop.tensor(r, -1, 1, m, k), bt = Prop.tensor(r, -1, 1, n, k);
            for (boolean fma : new boolean[] {true, false}) {
                double[] c = new double[m * n];
                DenseKernels.multABt(a.data, 0, bt.data, 0, c, 0, m, k, n, fma);
                assertClose(referenceMatmul(a, bt.t2()).data, c, 1e-12, "kernel fma=" + fma + " " + m + "x" + k + "x" + n);
            }
        }
    }

    /** Each matrix of a stack transposed, by definition. */
    static Tensor transposeLast(Tensor x) {
        int r = x.shape.length, m = x.shape[r - 2], n = x.shape[r - 1], batch = x.length() / (m * n);
        double[] t = new double[x.length()];
        for (int q = 0; q < batch; q++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) t[q * m * n + j * m + i] = x.data[q * m * n + i * n + j];
            }
        }
        int[] s = x.shape.clone();
        s[r - 2] = n;
        s[r - 1] = m;
        return Tensor.plain(s, t);
    }

    @Test
    void matmulGradientsMatchFiniteDifferences() {
        Prop.forAll("matmul gradients", 2, r -> {
            Tensor b = Prop.tensor(r, -1, 1, 3, 2), a = Prop.tensor(r, -1, 1, 2, 3);
            Check.tensorFunction("A @ B (A)", x -> x.matmul(b).sin().sum(), Prop.tensor(r, -1, 1, 2, 3), r, TOL);
            Check.tensorFunction("A @ B (B)", x -> a.matmul(x).sin().sum(), Prop.tensor(r, -1, 1, 3, 2), r, TOL);
            Check.tensorFunction("A @ A", x -> x.matmul(x).tanh().sum(), Prop.tensor(r, -1, 1, 3, 3), r, TOL);
            Check.tensorFunction("A @ Aᵀ (transposed copies)", x -> x.matmul(x.t2()).matmul(x).sin().sum(),
                    Prop.tensor(r, -1, 1, 2, 3), r, TOL);
            Tensor v = Prop.tensor(r, -1, 1, 3);
            Check.tensorFunction("M @ v (M)", x -> x.matmul(v).sin().sum(), Prop.tensor(r, -1, 1, 2, 3), r, TOL);
            Check.tensorFunction("M @ v (v)", x -> a.matmul(x).sin().sum(), Prop.tensor(r, -1, 1, 3), r, TOL);
            Check.tensorFunction("v @ M (v)", x -> x.matmul(b).sin().sum(), Prop.tensor(r, -1, 1, 3), r, TOL);
            Check.tensorFunction("v @ M (M)", x -> v.matmul(x).sin().sum(), Prop.tensor(r, -1, 1, 3, 2), r, TOL);
            Check.tensorFunction("v @ w", x -> x.matmul(x.sin()).get().square(), Prop.tensor(r, -1, 1, 3), r, TOL);
        });
    }

    @Test
    void batchedMatmulGradientsMatchFiniteDifferences() {
        Prop.forAll("batched matmul gradients", 1, r -> {
            Tensor b = Prop.tensor(r, -1, 1, 3, 2), sb = Prop.tensor(r, -1, 1, 2, 3, 2);
            Tensor sa = Prop.tensor(r, -1, 1, 2, 2, 3);
            Check.tensorFunction("stack @ matrix (stack)", x -> x.matmul(b).sin().sum(), Prop.tensor(r, -1, 1, 2, 2, 3), r, TOL);
            Check.tensorFunction("stack @ matrix (matrix)", x -> sa.matmul(x).sin().sum(), Prop.tensor(r, -1, 1, 3, 2), r, TOL);
            Check.tensorFunction("matrix @ stack (matrix)", x -> x.matmul(sb).sin().sum(), Prop.tensor(r, -1, 1, 2, 3), r, TOL);
            Check.tensorFunction("stack @ stack", x -> x.matmul(sb).sin().sum(), Prop.tensor(r, -1, 1, 2, 2, 3), r, TOL);
            Check.tensorFunction("vector @ stack", x -> x.matmul(sb).sin().sum(), Prop.tensor(r, -1, 1, 3), r, TOL);
        });
    }

    @Test
    void matmulReverseRuleSkipsConstantOperands() {
        // Only the tracked operand gets a gradient; the constant's is never needed.
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}), w = Tensor.of(new double[][] {{1, 0}, {0, 2}});
        Grads g = Zygote.gradient(ww -> x.matmul(ww).sum(), w);
        assertArrayEquals(new double[] {4, 4, 6, 6}, g.tensor(0).toDoubleArray());
    }

    // ------------------------------------------------------------------ det, logdet

    @Test
    void detAndLogdetMatchHipparchusAndTheirClosedFormGradients() {
        Prop.forAll("det closed forms", 4, r -> {
            int n = 1 + r.nextInt(4);
            Tensor a = wellConditioned(r, n);
            LUDecomposition lu = new LUDecomposition(hip(a));
            double det = lu.getDeterminant();
            double[] invT = flat(lu.getSolver().getInverse().transpose());
            Check.close(det, a.det().value(), 1e-12, "det");
            Check.close(Math.log(det), a.logdet().value(), 1e-12, "logdet");
            Check.close(Math.log(det), a.logabsdet().value(), 1e-12, "logabsdet");
            double[] detGrad = invT.clone();
            for (int i = 0; i < detGrad.length; i++) detGrad[i] *= det;
            assertClose(detGrad, Zygote.gradient(Tensor::det, a).tensor(0).data, 1e-10, "d det/dA = det A⁻ᵀ");
            assertClose(invT, Zygote.gradient(Tensor::logdet, a).tensor(0).data, 1e-10, "d logdet/dA = A⁻ᵀ");
        });
    }

    @Test
    void detOfKnownMatrices() {
        assertEquals(-2.0, Tensor.of(new double[][] {{1, 2}, {3, 4}}).det().value(), 1e-14);
        // A row swap flips the sign; the permutation parity must be right for 3x3 and up.
        assertEquals(-6.0, Tensor.of(new double[][] {{0, 0, 1}, {0, 2, 0}, {3, 0, 0}}).det().value(), 1e-14);
        assertEquals(6.0, Tensor.of(new double[][] {{0, 1, 0}, {0, 0, 2}, {3, 0, 0}}).det().value(), 1e-14);
        assertEquals(0.0, Tensor.of(new double[][] {{1, 2}, {2, 4}}).det().value(), 1e-14);
        assertEquals(1.0, Tensor.zeros(0, 0).det().value());
        assertEquals(Math.log(6), Tensor.of(new double[][] {{-2, 0}, {0, -3}}).logdet().value(), 1e-14);
        assertEquals(Math.log(6), Tensor.of(new double[][] {{-2, 0}, {0, 3}}).logabsdet().value(), 1e-14);
        // Far beyond the range of a double: logdet does not overflow.
        Tensor big = LinalgRules.eye(200).times(1e10);
        assertEquals(200 * Math.log(1e10), big.logdet().value(), 1e-9);
    }

    @Test
    void detAndLogdetMatchFiniteDifferences() {
        Prop.forAll("det fd", 2, r -> {
            Check.tensorFunction("det", Tensor::det, wellConditioned(r, 3), r, TOL);
            Check.tensorFunction("logdet", Tensor::logdet, wellConditioned(r, 3), r, TOL);
            Tensor neg = wellConditioned(r, 3).times(-1);   // negative determinant
            Check.tensorFunction("logabsdet", Tensor::logabsdet, neg, r, TOL);
            Check.tensorFunction("det of a product", x -> x.matmul(x).det().sqrt(), wellConditioned(r, 2), r, TOL);
        });
    }

    // ------------------------------------------------------------------ inv, solve

    @Test
    void invAndSolveMatchHipparchus() {
        Prop.forAll("inv solve values", 3, r -> {
            int n = 1 + r.nextInt(4);
            Tensor a = wellConditioned(r, n), b = Prop.tensor(r, -1, 1, n), bm = Prop.tensor(r, -1, 1, n, 2);
            LUDecomposition lu = new LUDecomposition(hip(a));
            assertClose(flat(lu.getSolver().getInverse()), a.inv().data, 1e-12, "inv");
            assertClose(lu.getSolver().solve(MatrixUtils.createRealVector(b.data)).toArray(), a.solve(b).data, 1e-12, "solve vector");
            assertClose(flat(lu.getSolver().solve(hip(bm))), a.solve(bm).data, 1e-12, "solve matrix");
            assertArrayEquals(new int[] {n}, a.solve(b).shape());
            assertArrayEquals(new int[] {n, 2}, a.solve(bm).shape());
        });
    }

    @Test
    void invAndSolveMatchFiniteDifferences() {
        Prop.forAll("inv solve fd", 2, r -> {
            Tensor w = Prop.tensor(r, -1, 1, 3, 3), c = Prop.tensor(r, -1, 1, 3), a0 = wellConditioned(r, 3);
            Check.tensorFunction("inv", x -> x.inv().times(w).sum(), wellConditioned(r, 3), r, TOL);
            Check.tensorFunction("solve (A)", x -> x.solve(c).times(c).sum(), wellConditioned(r, 3), r, TOL);
            Check.tensorFunction("solve (b)", x -> a0.solve(x.sin()).square().sum(), Prop.tensor(r, -1, 1, 3), r, TOL);
            Check.tensorFunction("solve (B matrix)", x -> a0.solve(x.sin()).times(w).sum(), Prop.tensor(r, -1, 1, 3, 3), r, TOL);
            Check.tensorFunction("solve (A and b)", x -> x.solve(x.matmul(c).sin()).sum(), wellConditioned(r, 3), r, TOL);
        });
    }

    @Test
    void invOfAKnownMatrix() {
        assertArrayEquals(new double[] {-2, 1, 1.5, -0.5}, Tensor.of(new double[][] {{1, 2}, {3, 4}}).inv().data, 1e-14);
    }

    // ------------------------------------------------------------------ trace, norm

    @Test
    void traceAndNormMatchFiniteDifferences() {
        Prop.forAll("trace norm fd", 2, r -> {
            Check.tensorFunction("trace", x -> x.matmul(x).trace(), Prop.tensor(r, -1, 1, 3, 3), r, TOL);
            Check.tensorFunction("trace squared", x -> x.trace().square(), Prop.tensor(r, -1, 1, 2, 2), r, TOL);
            Check.tensorFunction("norm", Tensor::norm, Prop.tensor(r, -1, 1, 2, 3), r, TOL);
            Check.tensorFunction("norm of a vector", x -> x.norm().square(), Prop.tensor(r, -1, 1, 4), r, TOL);
        });
    }

    @Test
    void traceAndNormValues() {
        assertEquals(5.0, Tensor.of(new double[][] {{1, 2}, {3, 4}}).trace().value());
        assertEquals(5.0, Tensor.of(3, 4).norm().value());
        assertEquals(Math.sqrt(30), Tensor.of(new double[][] {{1, 2}, {3, 4}}).norm().value(), 1e-14);
        assertEquals(Math.sqrt(2) * 1e200, Tensor.of(1e200, 1e200).norm().value(), 1e186);
        assertEquals(Math.sqrt(2) * 1e-200, Tensor.of(1e-200, 1e-200).norm().value(), 1e-214);
        assertArrayEquals(new double[] {1, 0, 0, 1}, Zygote.gradient(Tensor::trace, Tensor.zeros(2, 2)).tensor(0).data);
    }

    @Test
    void normGradientAtZeroIsZero() {
        assertArrayEquals(new double[] {0, 0, 0}, Zygote.gradient(Tensor::norm, Tensor.zeros(3)).tensor(0).data);
        assertEquals(0.0, Zygote.jvp(Tensor::norm, Tensor.zeros(3), Tensor.of(1, 2, 3)).tangent().value());
        assertArrayEquals(new double[] {0.6, 0.8}, Zygote.gradient(Tensor::norm, Tensor.of(3, 4)).tensor(0).data, 1e-15);
    }

    // ------------------------------------------------------------------ cholesky

    @Test
    void choleskyMatchesHipparchus() {
        Prop.forAll("cholesky values", 3, r -> {
            int n = 1 + r.nextInt(4);
            Tensor a = spd(r, n);
            Tensor l = a.cholesky();
            assertClose(flat(new CholeskyDecomposition(hip(a)).getL()), l.data, 1e-12, "L");
            assertClose(a.data, l.matmul(l.t2()).data, 1e-12, "L Lᵀ = A");
        });
        assertArrayEquals(new double[] {2, 0, 1, 1}, Tensor.of(new double[][] {{4, 2}, {2, 2}}).cholesky().data, 1e-15);
    }

    @Test
    void choleskyMatchesFiniteDifferences() {
        Prop.forAll("cholesky fd", 2, r -> {
            Tensor w = Prop.tensor(r, -1, 1, 3, 3);
            Check.tensorFunction("cholesky", x -> x.cholesky().times(w).sum(), spd(r, 3), r, TOL);
            Check.tensorFunction("cholesky diagonal", x -> logDiagonal(x.cholesky()), spd(r, 3), r, TOL);
        });
    }

    @Test
    void choleskyGradientIsSymmetricAndGivesLogdet() {
        // 2 Σ log L_ii = logdet A, so the gradient is A⁻¹ (symmetric).
        Random r = new Random(3);
        Tensor a = spd(r, 4);
        Tensor g = Zygote.gradient(x -> logDiagonal(x.cholesky()).times(2), a).tensor(0);
        assertClose(a.inv().data, g.data, 1e-10, "d (2 Σ log L_ii) / dA");
        assertClose(g.data, g.t2().data, 0, "symmetric");
    }

    /** Σ log L_ii, reading the diagonal through a mask (ones off it, so the log stays finite). */
    static Real logDiagonal(Tensor l) {
        int n = l.shape[0];
        Tensor eye = LinalgRules.eye(n);
        return l.times(eye).plus(eye.neg().plus(1)).log().sum();
    }

    // ------------------------------------------------------------------ Hessian through the rules

    @Test
    void hessianOfLogdetIsTheKnownBilinearForm() {
        // d² logdet(A)[E, F] = -tr(A⁻¹ E A⁻¹ F), i.e. H[(ij),(kl)] = -(A⁻¹)_jk (A⁻¹)_li.
        Random r = new Random(11);
        int n = 3;
        Tensor a = wellConditioned(r, n), ai = a.inv();
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                final int fk = k, fl = l;
                double[] e = new double[n * n];
                e[k * n + l] = 1;
                // Column (kl) by forward-over-reverse, row (kl) by reverse-over-reverse (H is symmetric).
                Tensor column = Zygote.jvp((Tensor x) -> Zygote.gradient(Tensor::logdet, x).tensor(0), a,
                        Tensor.plain(new int[] {n, n}, e)).tangent();
                Tensor row = Zygote.gradient(x -> Zygote.gradient(Tensor::logdet, x).tensor(0).get(fk, fl), a).tensor(0);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double expected = -ai.data[j * n + k] * ai.data[l * n + i];
                        String at = "H[" + i + j + "," + k + l + "]";
                        Check.close(expected, column.data[i * n + j], 1e-10, "forward-over-reverse " + at);
                        Check.close(expected, row.data[i * n + j], 1e-10, "reverse-over-reverse " + at);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badShapesAreIllegalArgumentsNamingTheOperationAndShapes() {
        Tensor m23 = Tensor.zeros(2, 3), v = Tensor.zeros(3);
        assertMessage(IllegalArgumentException.class, () -> m23.matmul(Tensor.zeros(4, 5)), "matmul", "[2, 3]", "[4, 5]");
        assertMessage(IllegalArgumentException.class, () -> v.matmul(Tensor.zeros(4)), "matmul", "[3]", "[4]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)),
                "matmul", "[2, 2, 3]", "[3, 3, 4]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.scalar(Real.of(2)).matmul(v), "matmul", "[]");
        assertMessage(IllegalArgumentException.class, m23::det, "det", "[2, 3]", "square");
        assertMessage(IllegalArgumentException.class, m23::logdet, "logdet", "[2, 3]");
        assertMessage(IllegalArgumentException.class, m23::inv, "inv", "[2, 3]");
        assertMessage(IllegalArgumentException.class, m23::trace, "trace", "[2, 3]");
        assertMessage(IllegalArgumentException.class, m23::cholesky, "cholesky", "[2, 3]");
        assertMessage(IllegalArgumentException.class, v::det, "det", "[3]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.ones(3, 3).solve(Tensor.ones(2)), "solve", "[2]", "[3, 3]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.ones(3, 3).solve(Tensor.ones(2, 3)), "solve", "[2, 3]");
        assertMessage(IllegalArgumentException.class, () -> m23.solve(v), "solve", "[2, 3]");
    }

    @Test
    void singularAndIndefiniteMatricesAreArithmeticErrors() {
        Tensor singular = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertMessage(ArithmeticException.class, singular::inv, "inv", "singular");
        assertMessage(ArithmeticException.class, () -> singular.solve(Tensor.ones(3)), "solve", "singular");
        assertMessage(ArithmeticException.class, () -> Tensor.zeros(2, 2).inv(), "inv", "singular");
        assertMessage(ArithmeticException.class, singular::logdet, "logdet", "singular");
        assertMessage(ArithmeticException.class, () -> Zygote.gradient(Tensor::det, singular), "singular");
        assertMessage(ArithmeticException.class, () -> Tensor.of(new double[][] {{1, 0}, {0, -1}}).logdet(),
                "logdet", "negative", "logabsdet");
        assertMessage(ArithmeticException.class, () -> Tensor.of(new double[][] {{1, 2}, {2, 1}}).cholesky(),
                "cholesky", "not positive definite");
        // A tiny but regular matrix is not singular: the test is relative to its scale.
        assertArrayEquals(new double[] {1e20, 0, 0, 1e20}, LinalgRules.eye(2).times(1e-20).inv().data, 1e6);
    }

    static void assertMessage(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable run, String... parts) {
        Throwable e = assertThrows(type, run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention " + p);
    }
}
