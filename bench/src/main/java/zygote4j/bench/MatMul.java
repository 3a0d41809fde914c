package zygote4j.bench;

import zygote4j.Primitive;
import zygote4j.Tensor;

/**
 * A stand-in for {@code Tensor.matmul} while that operation is not in this branch: the
 * matrix product {@code op(A) op(B)} where {@code op} is the identity or the transpose,
 * as a {@link Primitive} (Zygote4j's public way of adding an operation with its own
 * rules). Both rules are products of the same kind, so the operation differentiates
 * again (second order and beyond). Replace the calls with {@code a.matmul(b)} and
 * {@code transpose()} once the library has them.
 *
 * <pre>{@code
 * Tensor c = MatMul.of(a, b);          // a b
 * Tensor d = MatMul.of(a, b, false, true);   // a b^T
 * }</pre>
 */
public final class MatMul extends Primitive {
    private final boolean ta, tb;

    private MatMul(boolean ta, boolean tb) {
        super("matmul" + (ta ? "T" : "N") + (tb ? "T" : "N"));
        this.ta = ta;
        this.tb = tb;
    }

    private static final MatMul NN = new MatMul(false, false), NT = new MatMul(false, true),
            TN = new MatMul(true, false), TT = new MatMul(true, true);

    private static MatMul get(boolean ta, boolean tb) {
        return ta ? (tb ? TT : TN) : (tb ? NT : NN);
    }

    /**
     * The matrix product {@code a b}.
     *
     * <pre>{@code MatMul.of(Tensor.ones(2, 3), Tensor.ones(3, 4)).shape();   // [2, 4]}</pre>
     *
     * @param a [m, k]
     * @param b [k, n]
     * @return [m, n]
     */
    public static Tensor of(Tensor a, Tensor b) {
        return of(a, b, false, false);
    }

    /**
     * The matrix product {@code op(a) op(b)}, {@code op} transposing when its flag is set.
     *
     * <pre>{@code MatMul.of(x, w, false, true);   // x w^T}</pre>
     *
     * @param a a matrix
     * @param b a matrix
     * @param transposeA use a^T
     * @param transposeB use b^T
     * @return the product
     * @throws IllegalArgumentException when an operand is not a matrix or the inner dimensions differ
     */
    public static Tensor of(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return (Tensor) get(transposeA, transposeB).apply(a, b);
    }

    @Override
    protected Object evaluate(Object[] in) {
        Tensor a = (Tensor) in[0], b = (Tensor) in[1];
        int[] sa = a.shape(), sb = b.shape();
        if (sa.length != 2 || sb.length != 2) {
            throw new IllegalArgumentException(name() + ": both operands must be matrices, got shapes "
                    + java.util.Arrays.toString(sa) + " and " + java.util.Arrays.toString(sb));
        }
        int m = ta ? sa[1] : sa[0], k = ta ? sa[0] : sa[1], k2 = tb ? sb[1] : sb[0], n = tb ? sb[0] : sb[1];
        if (k != k2) {
            throw new IllegalArgumentException(name() + ": inner dimensions differ: op(A) is " + m + "x" + k
                    + ", op(B) is " + k2 + "x" + n);
        }
        double[] ad = ta ? transpose(a.toDoubleArray(), sa[0], sa[1]) : a.toDoubleArray();
        double[] bd = tb ? transpose(b.toDoubleArray(), sb[0], sb[1]) : b.toDoubleArray();
        double[] c = new double[m * n];
        multiply(ad, bd, c, m, k, n);
        return Tensor.of(c).reshape(m, n);
    }

    /**
     * {@code c += a b} for row-major a [m, k], b [k, n], c [m, n]; the inner loop runs
     * along rows of b and c, which the JIT vectorises.
     *
     * <pre>{@code MatMul.multiply(a, b, c, m, k, n);}</pre>
     *
     * @param a left operand
     * @param b right operand
     * @param c the output, accumulated into
     * @param m rows of a
     * @param k columns of a
     * @param n columns of b
     */
    public static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                if (aip == 0) continue;
                int bp = p * n;
                for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
            }
        }
    }

    /**
     * The transpose of a row-major r x c matrix.
     *
     * <pre>{@code MatMul.transpose(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);   // {1, 4, 2, 5, 3, 6}}</pre>
     *
     * @param x the matrix
     * @param r rows
     * @param c columns
     * @return a new c x r matrix
     */
    public static double[] transpose(double[] x, int r, int c) {
        double[] t = new double[x.length];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) t[j * r + i] = x[i * c + j];
        return t;
    }

    @Override
    protected Object jvp(Object[] in, Object out, Object[] t) {
        Tensor s = null;
        if (t[0] != null) s = of((Tensor) t[0], (Tensor) in[1], ta, tb);
        if (t[1] != null) {
            Tensor u = of((Tensor) in[0], (Tensor) t[1], ta, tb);
            s = s == null ? u : s.plus(u);
        }
        return s;
    }

    @Override
    protected Object[] vjp(Object[] in, Object out, Object ct) {
        // C = op(A) op(B): dop(A) = dC op(B)^T and dop(B) = op(A)^T dC, each written as
        // one more product so that the rule differentiates again.
        Tensor a = (Tensor) in[0], b = (Tensor) in[1], c = (Tensor) ct;
        Tensor ga = ta ? of(b, c, tb, true) : of(c, b, false, !tb);
        Tensor gb = tb ? of(c, a, true, ta) : of(a, c, !ta, false);
        return new Object[] {ga, gb};
    }
}
