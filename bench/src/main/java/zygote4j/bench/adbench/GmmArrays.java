package zygote4j.bench.adbench;

import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.bench.MatMul;

/**
 * ADBench's GMM objective with whole-array operations: for each component the centred
 * points [n, d] are multiplied by Q^T in one matrix product, so the tape holds a few
 * dozen entries per component instead of one per scalar operation. The same function as
 * {@link GmmPlain} (sums are taken in a different order, so values agree to rounding).
 *
 * <p>Built from the operations this branch has: element reads gather each component's
 * mean and Q, and {@link MatMul} stands in for {@code Tensor.matmul}. Once the library
 * has {@code matmul}, {@code slice} and {@code logsumexp(axis)}, write it as: {@code Xc =
 * X[:, None, :] - means}, one batched product with Q, {@code logsumexp} over K.
 *
 * <pre>{@code
 * gradient((a, m, q) -> GmmArrays.objective(a, m, q, in), GmmScalar.alphas(in), GmmScalar.means(in), GmmScalar.icf(in));
 * }</pre>
 */
public final class GmmArrays {
    private GmmArrays() {
    }

    /**
     * The objective at the given parameters, with the points, sizes and prior of {@code in}.
     *
     * <pre>{@code GmmArrays.objective(alphas, means, icf, in).value();}</pre>
     *
     * @param alphas [K]
     * @param means [K, d]
     * @param icf [K, d(d+1)/2]
     * @param in the data and sizes
     * @return the objective
     */
    public static Real objective(Tensor alphas, Tensor means, Tensor icf, GmmInput in) {
        int d = in.d(), k = in.k(), n = in.n();
        Tensor x = Tensor.of(in.x()).reshape(n, d);
        Tensor ones = Tensor.ones(d, 1);
        Tensor[] mainTerm = new Tensor[k];
        Real[] a = new Real[k];
        Real frobSum = Real.ZERO, sumQsAll = Real.ZERO;
        for (int ik = 0; ik < k; ik++) {
            Real[] mu = new Real[d];
            for (int j = 0; j < d; j++) mu[j] = means.get(ik, j);
            Real sumQ = Real.ZERO;
            for (int j = 0; j < d; j++) sumQ = sumQ.plus(icf.get(ik, j));
            Tensor q = lowerQ(icf, ik, d);
            Tensor xc = x.minus(Tensor.of(mu));
            Tensor qx = MatMul.of(xc, q, false, true);
            Tensor sq = MatMul.of(qx.square(), ones);
            a[ik] = alphas.get(ik);
            mainTerm[ik] = sq.times(-0.5).plus(a[ik].plus(sumQ));
            frobSum = frobSum.plus(q.square().sum().times(0.5 * in.gamma() * in.gamma()));
            sumQsAll = sumQsAll.plus(sumQ);
        }
        Real slse = logsumexpRows(mainTerm, n).sum();
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        Real err = slse.plus(constant).minus(GmmScalar.logsumexp(a).times(n));
        Real prior = frobSum.minus(sumQsAll.times(in.m())).minus(k * GmmPlain.wishartConstant(d, in.gamma(), in.m()));
        return err.plus(prior);
    }

    /** Q of component ik as a d x d matrix: exp(q) on the diagonal, icf's lower part below. */
    private static Tensor lowerQ(Tensor icf, int ik, int d) {
        Real[] e = new Real[d * d];
        java.util.Arrays.fill(e, Real.ZERO);
        for (int j = 0; j < d; j++) e[j * d + j] = icf.get(ik, j).exp();
        int li = d;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) e[j * d + i] = icf.get(ik, li++);
        }
        return Tensor.of(e).reshape(d, d);
    }

    /**
     * Row-wise log-sum-exp across K column vectors [n, 1], shifted by each row's largest
     * value (a constant: the shift cancels in value and gradient).
     */
    private static Tensor logsumexpRows(Tensor[] cols, int n) {
        double[] mx = new double[n];
        java.util.Arrays.fill(mx, Double.NEGATIVE_INFINITY);
        for (Tensor c : cols) {
            double[] v = c.toDoubleArray();
            for (int i = 0; i < n; i++) mx[i] = Math.max(mx[i], v[i]);
        }
        Tensor shift = Tensor.of(mx).reshape(n, 1);
        Tensor s = null;
        for (Tensor c : cols) {
            Tensor e = c.minus(shift).exp();
            s = s == null ? e : s.plus(e);
        }
        return s.log().plus(shift);
    }
}
