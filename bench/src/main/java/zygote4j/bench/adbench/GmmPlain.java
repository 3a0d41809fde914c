package zygote4j.bench.adbench;

/**
 * ADBench's GMM objective on doubles, written as ADBench's C++ reference computes it:
 * for each point and component the centred point is multiplied by Q (diagonal exp(q),
 * strictly-lower part from icf), the log-likelihood terms are combined with a
 * max-shifted log-sum-exp, and the Wishart prior is added.
 *
 * <pre>{@code GmmPlain.objective(GmmInput.read(Path.of("data/gmm/test.txt")));   // 8.0738040800497579}</pre>
 */
public final class GmmPlain {
    private GmmPlain() {
    }

    /**
     * The objective.
     *
     * <pre>{@code double f = GmmPlain.objective(in);}</pre>
     *
     * @param in the instance
     * @return ADBench's objective value
     */
    public static double objective(GmmInput in) {
        return objective(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m());
    }

    /**
     * The objective for explicit parameters (so that the benchmark can vary them).
     *
     * <pre>{@code GmmPlain.objective(d, k, n, alphas, means, icf, x, 1.0, 0);}</pre>
     *
     * @return the objective
     */
    public static double objective(int d, int k, int n, double[] alphas, double[] means, double[] icf, double[] x,
            double gamma, int m) {
        int icfSz = d * (d + 1) / 2;
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        double[] qdiags = new double[d * k];
        double[] sumQs = new double[k];
        for (int ik = 0; ik < k; ik++) {
            double s = 0;
            for (int id = 0; id < d; id++) {
                double q = icf[ik * icfSz + id];
                s += q;
                qdiags[ik * d + id] = Math.exp(q);
            }
            sumQs[ik] = s;
        }
        double[] xc = new double[d], qx = new double[d], mainTerm = new double[k];
        double slse = 0;
        for (int ix = 0; ix < n; ix++) {
            for (int ik = 0; ik < k; ik++) {
                for (int id = 0; id < d; id++) xc[id] = x[ix * d + id] - means[ik * d + id];
                // Q times xc: diagonal, then the strictly-lower part column by column.
                for (int id = 0; id < d; id++) qx[id] = qdiags[ik * d + id] * xc[id];
                int li = ik * icfSz + d;
                for (int i = 0; i < d; i++) {
                    for (int j = i + 1; j < d; j++) {
                        qx[j] = qx[j] + icf[li] * xc[i];
                        li++;
                    }
                }
                double sq = 0;
                for (int id = 0; id < d; id++) sq += qx[id] * qx[id];
                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * sq;
            }
            slse += logsumexp(mainTerm, k);
        }
        double lseAlphas = logsumexp(alphas, k);
        double err = constant + slse - n * lseAlphas;
        return err + logWishartPrior(d, k, gamma, m, sumQs, qdiags, icf);
    }

    /**
     * log(sum exp(v)), shifted by the maximum as ADBench does.
     *
     * <pre>{@code GmmPlain.logsumexp(new double[] {0, 0}, 2);   // log 2}</pre>
     *
     * @param v the values
     * @param len how many of them
     * @return the log-sum-exp
     */
    public static double logsumexp(double[] v, int len) {
        double mx = v[0];
        for (int i = 1; i < len; i++) if (v[i] > mx) mx = v[i];
        double s = 0;
        for (int i = 0; i < len; i++) s += Math.exp(v[i] - mx);
        return Math.log(s) + mx;
    }

    /**
     * The log of the multivariate gamma function's normalising part used by the Wishart
     * prior: {@code 0.25 p (p-1) log(pi) + sum_{j=1}^{p} lgamma(a + (1-j)/2)}.
     *
     * <pre>{@code GmmPlain.logGammaDistrib(1.5, 2);}</pre>
     *
     * @param a the argument
     * @param p the dimension
     * @return the value
     */
    public static double logGammaDistrib(double a, int p) {
        double out = 0.25 * p * (p - 1) * Math.log(Math.PI);
        for (int j = 1; j <= p; j++) out += SpecialFunctions.lgamma(a + 0.5 * (1 - j));
        return out;
    }

    /**
     * The constant part of the Wishart prior per component, {@code n p (log gamma -
     * log(2)/2) - logGammaDistrib(n/2, p)} with {@code n = p + m + 1}.
     *
     * <pre>{@code GmmPlain.wishartConstant(2, 1.0, 0);}</pre>
     *
     * @param p the dimension d
     * @param gamma Wishart gamma
     * @param m Wishart m
     * @return the constant C
     */
    public static double wishartConstant(int p, double gamma, int m) {
        int n = p + m + 1;
        return n * p * (Math.log(gamma) - 0.5 * Math.log(2)) - logGammaDistrib(0.5 * n, p);
    }

    private static double logWishartPrior(int p, int k, double gamma, int m, double[] sumQs, double[] qdiags,
            double[] icf) {
        int icfSz = p * (p + 1) / 2;
        double c = wishartConstant(p, gamma, m);
        double out = 0;
        for (int ik = 0; ik < k; ik++) {
            // As ADBench: the two squared norms are summed separately, then added.
            double sqDiag = 0, sqLower = 0;
            for (int id = 0; id < p; id++) sqDiag += qdiags[ik * p + id] * qdiags[ik * p + id];
            for (int i = p; i < icfSz; i++) sqLower += icf[ik * icfSz + i] * icf[ik * icfSz + i];
            double frob = sqDiag + sqLower;
            out = out + 0.5 * gamma * gamma * frob - m * sumQs[ik];
        }
        return out - k * c;
    }
}
