package zygote4j;

import java.util.function.Function;

/**
 * {@code forwarddiff(f, x)}: {@code f} differentiated in forward mode, recorded as one
 * node. When {@code x} is tracked, {@code f} runs with every level hidden (nothing goes on
 * any tape, and the values it closes over are constants) on x's plain value, pushing
 * chunks of basis tangents through it; that gives the value and the Jacobian J (a row per
 * output element, a column per input element, both row-major). The node's reverse rule
 * is {@code J^T ct}, its forward rule {@code J t}.
 *
 * <p>J is computed on plain numbers, so forwarddiff is differentiable once: the cotangent
 * may be tracked by outer levels, but when x itself is tracked by more than one level (a
 * second derivative through forwarddiff) this throws rather than drop J's own derivative.
 */
final class ForwardDiffRule extends Primitive {
    private final Object value;
    /** The Jacobian, m x n: m output elements, n input elements. */
    private final double[][] jacobian;

    private ForwardDiffRule(Object value, double[][] jacobian) {
        super("forwarddiff");
        this.value = value;
        this.jacobian = jacobian;
    }

    @SuppressWarnings("unchecked")
    static <A, R> R apply(Function<A, R> f, Object x, int chunk) {
        if (x instanceof Number n) x = Real.of(n.doubleValue());
        if (!(x instanceof Real) && !(x instanceof Tensor)) {
            throw new IllegalArgumentException("forwarddiff: x is " + Values.describe(x)
                    + "; forwarddiff takes a Real, a number or a Tensor (build a vector of scalars with Tensor.of(a, b))");
        }
        if (chunk < 1) throw new IllegalArgumentException("forwarddiff: the chunk size must be at least 1, not " + chunk);
        Level level = Values.visibleLevel(x);
        if (level == null) return (R) plainValue(f, x);
        if (Values.visibleLevel(Values.primal(x)) != null) {
            throw new IllegalStateException("forwarddiff: x is tracked by two nested differentiations (a second "
                    + "derivative through forwarddiff); forwarddiff computes its Jacobian on plain numbers and is "
                    + "differentiable once. Call f directly instead of through forwarddiff for higher derivatives");
        }
        Object x0 = Values.plain(x);
        int n = x0 instanceof Tensor t ? t.length() : 1;
        if (n == 0) {
            Object v0 = plainValue(f, x0);
            return (R) new ForwardDiffRule(v0, new double[count(v0)][0]).apply(x);
        }
        Object value = null;
        double[][] jac = null;
        for (int offset = 0; offset < n; offset += chunk) {
            int w = Math.min(chunk, n - offset);
            Object y = pushChunk(f, x0, offset, w);
            Object y0 = Values.level(y) instanceof ForwardLevel ? Values.primal(y) : y;
            if (value == null) {
                value = Values.plain(y0);
                jac = new double[count(value)][n];
            }
            if (!(Values.level(y) instanceof ForwardLevel)) continue;
            for (int k = 0; k < w; k++) {
                Object t = Values.tangent(y, k);
                if (t == null) continue;
                double[] col = t instanceof Real r ? new double[] {r.v} : ((Tensor) t).data;
                for (int i = 0; i < col.length; i++) jac[i][offset + k] = col[i];
            }
        }
        return (R) new ForwardDiffRule(value, jac).apply(x);
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Function<?, ?> f, Object x) {
        Object y;
        try (Levels.Hidden h = Levels.hideAll()) {
            y = ((Function<Object, ?>) f).apply(x);
        }
        checkOutput(y);
        return Values.plain(y);
    }

    /** Runs f with tangent directions offset .. offset+w-1 (basis vectors over x's elements). */
    @SuppressWarnings("unchecked")
    private static Object pushChunk(Function<?, ?> f, Object x0, int offset, int w) {
        try (Levels.Hidden h = Levels.hideAll()) {
            ForwardLevel level = Levels.pushForward(w);
            try {
                Object[] basis = new Object[w];
                for (int k = 0; k < w; k++) basis[k] = unit(x0, offset + k);
                Object y = ((Function<Object, ?>) f).apply(Forward.seed(level, x0, basis));
                checkOutput(y);
                return Values.level(y) == level ? y : Values.plain(y);
            } finally {
                Levels.pop(level);
            }
        }
    }

    private static Object unit(Object x0, int j) {
        if (x0 instanceof Real) return Real.ONE;
        Tensor t = (Tensor) x0;
        double[] d = new double[t.length()];
        d[j] = 1;
        return Tensor.plain(t.shape, d);
    }

    private static void checkOutput(Object y) {
        if (!(y instanceof Real) && !(y instanceof Tensor)) {
            throw new IllegalArgumentException("forwarddiff: the function returned " + Values.describe(y)
                    + "; forwarddiff supports functions returning a Real or a Tensor");
        }
    }

    private static int count(Object v) {
        return v instanceof Tensor t ? t.length() : 1;
    }

    @Override
    protected Object evaluate(Object[] in) {
        return value;
    }

    @Override
    protected Object jvp(Object[] in, Object out, Object[] t) {
        Object dx = t[0];
        int m = jacobian.length, n = count(in[0]);
        if (Values.isPlain(dx)) {
            double[] d = dx instanceof Real r ? new double[] {r.v} : ((Tensor) dx).data, o = new double[m];
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += jacobian[i][j] * d[j];
                o[i] = s;
            }
            return shapedLike(out, o);
        }
        // J t with library operations, so that a tracked tangent stays tracked.
        Tensor tv = asVector(dx).reshape(1, n);
        Tensor jt = jacobianTensor().times(tv).sumTo(m, 1);
        return out instanceof Real ? jt.get(0, 0) : jt.reshape(((Tensor) out).shape);
    }

    @Override
    protected Object[] vjp(Object[] in, Object out, Object ct) {
        int m = jacobian.length, n = count(in[0]);
        if (Values.isPlain(ct)) {
            double[] c = ct instanceof Real r ? new double[] {r.v} : ((Tensor) ct).data, g = new double[n];
            for (int i = 0; i < m; i++) {
                if (c[i] == 0) continue;
                for (int j = 0; j < n; j++) g[j] += c[i] * jacobian[i][j];
            }
            return new Object[] {shapedLike(in[0], g)};
        }
        // J^T ct with library operations, so that a tracked cotangent stays tracked.
        Tensor cv = asVector(ct).reshape(m, 1);
        Tensor g = cv.times(jacobianTensor()).sumTo(n);
        return new Object[] {in[0] instanceof Real ? g.get(0) : g.reshape(((Tensor) in[0]).shape)};
    }

    private Tensor jacobianTensor() {
        int m = jacobian.length, n = m == 0 ? 0 : jacobian[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) System.arraycopy(jacobian[i], 0, d, i * n, n);
        return Tensor.plain(new int[] {m, n}, d);
    }

    private static Tensor asVector(Object v) {
        return v instanceof Real r ? Tensor.scalar(r).reshape(1) : ((Tensor) v).reshape(((Tensor) v).length());
    }

    private static Object shapedLike(Object like, double[] d) {
        return like instanceof Real ? new Real(d[0]) : Tensor.plain(((Tensor) like).shape, d);
    }
}
