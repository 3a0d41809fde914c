package zygote4j;

import java.util.Arrays;

/**
 * The matrix product {@code op(A) op(B)} of two stacks of matrices with equal leading
 * (batch) dimensions, where op(X) is X or its transpose, chosen by two flags.
 *
 * <p>The flags make the rule closed under differentiation: both cotangents of a product
 * are again products of this family, so no explicit transpose is ever materialised,
 * and the reverse rule differentiates again for Hessians. {@link Tensor#matmul} adds
 * NumPy's promotion of vectors and broadcasting of batch dimensions on top.
 */
final class MatmulRule extends Primitive {
    private final boolean ta, tb;

    private MatmulRule(boolean ta, boolean tb) {
        super(ta ? (tb ? "matmul(Aᵀ,Bᵀ)" : "matmul(Aᵀ,B)") : (tb ? "matmul(A,Bᵀ)" : "matmul"));
        this.ta = ta;
        this.tb = tb;
    }

    private static final MatmulRule NN = new MatmulRule(false, false), TN = new MatmulRule(true, false),
            NT = new MatmulRule(false, true), TT = new MatmulRule(true, true);

    /** {@code op(a) op(b)}, differentiable; a and b have rank 2 or more and equal batch dimensions. */
    static Tensor mm(Tensor a, Tensor b, boolean ta, boolean tb) {
        MatmulRule r = ta ? (tb ? TT : TN) : (tb ? NT : NN);
        return (Tensor) r.apply(a, b);
    }

    static Tensor mm(Tensor a, Tensor b) {
        return mm(a, b, false, false);
    }

    @Override
    protected Object evaluate(Object[] in) {
        Tensor a = (Tensor) in[0], b = (Tensor) in[1];
        int ra = a.shape.length, rb = b.shape.length;
        if (ra < 2 || ra != rb || !Arrays.equals(a.shape, 0, ra - 2, b.shape, 0, rb - 2)) {
            throw new IllegalArgumentException(name() + ": needs two stacks of matrices with equal batch dimensions, got "
                    + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        int m = a.shape[ra - (ta ? 1 : 2)], k = a.shape[ra - (ta ? 2 : 1)];
        int k2 = b.shape[rb - (tb ? 1 : 2)], n = b.shape[rb - (tb ? 2 : 1)];
        if (k != k2) {
            throw new IllegalArgumentException(name() + ": inner dimensions differ: " + Shapes.str(a.shape) + " and "
                    + Shapes.str(b.shape) + " (" + k + " vs " + k2 + ")");
        }
        int[] shape = Arrays.copyOf(a.shape, ra);
        shape[ra - 2] = m;
        shape[ra - 1] = n;
        int batch = Shapes.count(Arrays.copyOf(a.shape, ra - 2));
        return Tensor.plain(shape, DenseKernels.mult(batch, a.data, ta, b.data, tb, m, k, n));
    }

    @Override
    protected Object jvp(Object[] in, Object out, Object[] t) {
        Tensor a = (Tensor) in[0], b = (Tensor) in[1];
        Tensor s = t[0] == null ? null : mm((Tensor) t[0], b, ta, tb);
        if (t[1] != null) {
            Tensor u = mm(a, (Tensor) t[1], ta, tb);
            s = s == null ? u : s.plus(u);
        }
        return s;
    }

    @Override
    protected Object[] vjp(Object[] in, Object out, Object ct) {
        return vjpFor(in, out, ct, new boolean[] {true, true});
    }

    /*
     * With C = op(A) op(B) and cotangent G: the cotangent of op(A) is G op(B)ᵀ and that of
     * op(B) is op(A)ᵀ G; where op is a transpose, the input's cotangent is the transpose of
     * that, which (XY)ᵀ = YᵀXᵀ turns back into one product of the family.
     */
    @Override
    Object[] vjpFor(Object[] in, Object out, Object ct, boolean[] needed) {
        Tensor a = (Tensor) in[0], b = (Tensor) in[1], g = (Tensor) ct;
        Tensor ga = null, gb = null;
        if (needed[0]) ga = ta ? mm(b, g, tb, true) : mm(g, b, false, !tb);
        if (needed[1]) gb = tb ? mm(g, a, true, ta) : mm(a, g, !ta, false);
        return new Object[] {ga, gb};
    }
}
