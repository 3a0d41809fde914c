package zygote4j.bench.adbench;

import static zygote4j.Zygote.all;
import static zygote4j.Zygote.range;

import zygote4j.Real;
import zygote4j.Tensor;

/**
 * ADBench's GMM objective with whole-array operations over all points and components at
 * once, laid out [K, n, d]: the centred points of every component are one broadcast
 * difference, their products with each component's Q one batched {@code matmul}, and the
 * mixture's log-likelihood one {@code logsumexp} over K. The same function as
 * {@link GmmPlain} (sums are taken in a different order, so values agree to rounding).
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
        int d = in.d(), k = in.k(), n = in.n(), icfSz = in.icfSize();
        Tensor x = Tensor.of(in.x()).reshape(1, n, d);
        Tensor qs = icf.slice(all(), range(0, d)), lower = icf.slice(all(), range(d, icfSz));
        Tensor qdiags = qs.exp();
        Tensor sumQs = qs.sum(1);
        // (x_i - mu_k) Q_k^T for every point and component: [K, n, d].
        Tensor xc = x.minus(means.reshape(k, 1, d));
        Tensor qx = xc.matmul(transposedQ(qdiags, lower, d, k));
        Tensor sq = qx.square().sum(2);
        Tensor main = alphas.plus(sumQs).reshape(k, 1).minus(sq.times(0.5));
        Real slse = main.logsumexp(0).sum();
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        Real err = slse.plus(constant).minus(alphas.logsumexp().times(n));
        // As ADBench: the squared norms of Q's diagonal and lower part, then the log-determinants.
        Real frob = qdiags.square().sum().plus(lower.square().sum());
        Real prior = frob.times(0.5 * in.gamma() * in.gamma()).minus(sumQs.sum().times(in.m()))
                .minus(k * GmmPlain.wishartConstant(d, in.gamma(), in.m()));
        return err.plus(prior);
    }

    /**
     * Q_k^T for every component, [K, d, d]: upper triangular, exp(q) on the diagonal and
     * icf's strictly-lower entries (stored column by column, so column i of Q is one
     * contiguous run) above it. Row i of Q^T is column i of Q: i zeros, the diagonal
     * entry, then the run.
     */
    private static Tensor transposedQ(Tensor qdiags, Tensor lower, int d, int k) {
        Tensor[] parts = new Tensor[3 * d];
        int run = 0, p = 0;
        for (int i = 0; i < d; i++) {
            int len = d - 1 - i;
            if (i > 0) parts[p++] = Tensor.zeros(k, i);
            parts[p++] = qdiags.slice(all(), range(i, i + 1));
            if (len > 0) parts[p++] = lower.slice(all(), range(run, run + len));
            run += len;
        }
        return Tensor.concat(1, java.util.Arrays.copyOf(parts, p)).reshape(k, d, d);
    }
}
