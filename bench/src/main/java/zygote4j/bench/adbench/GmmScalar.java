package zygote4j.bench.adbench;

import zygote4j.Real;
import zygote4j.Tensor;

/**
 * ADBench's GMM objective on Zygote4j scalars, the same loops as {@link GmmPlain}:
 * differentiable with respect to alphas [K], means [K, d] and icf [K, d(d+1)/2].
 * Every scalar operation is one tape entry, so this suits small instances (d = 10,
 * K = 25 records about 3.5 million entries); a whole-array version is in
 * {@link GmmArrays}.
 *
 * <pre>{@code
 * GmmInput in = GmmInput.read(Path.of("data/gmm/test.txt"));
 * gradient((a, m, q) -> GmmScalar.objective(a, m, q, in), GmmScalar.alphas(in), GmmScalar.means(in), GmmScalar.icf(in));
 * }</pre>
 */
public final class GmmScalar {
    private GmmScalar() {
    }

    /**
     * The alphas of an instance as a tensor [K].
     *
     * <pre>{@code GmmScalar.alphas(in).shape();   // [K]}</pre>
     *
     * @param in the instance
     * @return a plain tensor
     */
    public static Tensor alphas(GmmInput in) {
        return Tensor.of(in.alphas());
    }

    /**
     * The means as a tensor [K, d].
     *
     * <pre>{@code GmmScalar.means(in).shape();   // [K, d]}</pre>
     *
     * @param in the instance
     * @return a plain tensor
     */
    public static Tensor means(GmmInput in) {
        return Tensor.of(in.means()).reshape(in.k(), in.d());
    }

    /**
     * The icf parameters as a tensor [K, d(d+1)/2].
     *
     * <pre>{@code GmmScalar.icf(in).shape();   // [K, d(d+1)/2]}</pre>
     *
     * @param in the instance
     * @return a plain tensor
     */
    public static Tensor icf(GmmInput in) {
        return Tensor.of(in.icf()).reshape(in.k(), in.icfSize());
    }

    /**
     * The objective at the given parameters, with the points, d, K, n and the prior of
     * {@code in}.
     *
     * <pre>{@code GmmScalar.objective(alphas, means, icf, in).value();}</pre>
     *
     * @param alphas [K]
     * @param means [K, d]
     * @param icf [K, d(d+1)/2]
     * @param in the data and sizes
     * @return the objective
     */
    public static Real objective(Tensor alphas, Tensor means, Tensor icf, GmmInput in) {
        int d = in.d(), k = in.k(), n = in.n(), icfSz = in.icfSize();
        double[] x = in.x();
        Real[] a = new Real[k];
        Real[][] mu = new Real[k][d], qdiag = new Real[k][d], l = new Real[k][icfSz - d];
        Real[] sumQs = new Real[k];
        for (int ik = 0; ik < k; ik++) {
            a[ik] = alphas.get(ik);
            Real s = Real.ZERO;
            for (int id = 0; id < d; id++) {
                mu[ik][id] = means.get(ik, id);
                Real q = icf.get(ik, id);
                s = s.plus(q);
                qdiag[ik][id] = q.exp();
            }
            sumQs[ik] = s;
            for (int j = d; j < icfSz; j++) l[ik][j - d] = icf.get(ik, j);
        }
        Real[] xc = new Real[d], qx = new Real[d], mainTerm = new Real[k];
        Real slse = Real.ZERO;
        for (int ix = 0; ix < n; ix++) {
            for (int ik = 0; ik < k; ik++) {
                for (int id = 0; id < d; id++) xc[id] = Real.of(x[ix * d + id]).minus(mu[ik][id]);
                for (int id = 0; id < d; id++) qx[id] = qdiag[ik][id].times(xc[id]);
                int li = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = i + 1; j < d; j++) {
                        qx[j] = qx[j].plus(l[ik][li].times(xc[i]));
                        li++;
                    }
                }
                Real sq = Real.ZERO;
                for (int id = 0; id < d; id++) sq = sq.plus(qx[id].square());
                mainTerm[ik] = a[ik].plus(sumQs[ik]).minus(sq.times(0.5));
            }
            slse = slse.plus(logsumexp(mainTerm));
        }
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        Real err = slse.plus(constant).minus(logsumexp(a).times(n));
        return err.plus(logWishartPrior(d, k, in.gamma(), in.m(), sumQs, qdiag, l));
    }

    /**
     * log(sum exp(v)) shifted by the largest element, as ADBench computes it.
     *
     * <pre>{@code GmmScalar.logsumexp(new Real[] {Real.of(0), Real.of(0)});   // log 2}</pre>
     *
     * @param v the values
     * @return the log-sum-exp
     */
    public static Real logsumexp(Real[] v) {
        Real mx = v[0];
        for (int i = 1; i < v.length; i++) if (v[i].value() > mx.value()) mx = v[i];
        Real s = Real.ZERO;
        for (Real vi : v) s = s.plus(vi.minus(mx).exp());
        return s.log().plus(mx);
    }

    private static Real logWishartPrior(int p, int k, double gamma, int m, Real[] sumQs, Real[][] qdiag, Real[][] l) {
        double c = GmmPlain.wishartConstant(p, gamma, m);
        Real out = Real.ZERO;
        for (int ik = 0; ik < k; ik++) {
            // As ADBench: the two squared norms are summed separately, then added.
            Real sqDiag = Real.ZERO, sqLower = Real.ZERO;
            for (Real q : qdiag[ik]) sqDiag = sqDiag.plus(q.square());
            for (Real li : l[ik]) sqLower = sqLower.plus(li.square());
            Real frob = sqDiag.plus(sqLower);
            out = out.plus(frob.times(0.5 * gamma * gamma)).minus(sumQs[ik].times(m));
        }
        return out.minus(k * c);
    }
}
