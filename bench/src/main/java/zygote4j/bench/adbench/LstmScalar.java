package zygote4j.bench.adbench;

import zygote4j.Real;
import zygote4j.Tensor;

/**
 * ADBench's LSTM objective on Zygote4j scalars, the same loops as {@link LstmPlain}:
 * differentiable with respect to the main parameters [2l, 4b] and the extra parameters
 * [3, b]. The parameters are read into scalars once; the state and the sequence are
 * constants.
 *
 * <pre>{@code
 * LstmInput in = LstmInput.read(Path.of("data/lstm/lstm_l2_c1024.txt"));
 * gradient((m, e) -> LstmScalar.objective(m, e, in), LstmScalar.main(in), LstmScalar.extra(in));
 * }</pre>
 */
public final class LstmScalar {
    private LstmScalar() {
    }

    /**
     * The main parameters as a tensor [2l, 4b].
     *
     * <pre>{@code LstmScalar.main(in).shape();   // [2l, 4b]}</pre>
     *
     * @param in the instance
     * @return a plain tensor
     */
    public static Tensor main(LstmInput in) {
        return Tensor.of(in.mainParams()).reshape(2 * in.l(), 4 * in.b());
    }

    /**
     * The extra parameters as a tensor [3, b].
     *
     * <pre>{@code LstmScalar.extra(in).shape();   // [3, b]}</pre>
     *
     * @param in the instance
     * @return a plain tensor
     */
    public static Tensor extra(LstmInput in) {
        return Tensor.of(in.extraParams()).reshape(3, in.b());
    }

    /**
     * The loss.
     *
     * <pre>{@code LstmScalar.objective(main, extra, in).value();}</pre>
     *
     * @param main [2l, 4b]
     * @param extra [3, b]
     * @param in sizes, initial state and sequence
     * @return the loss
     */
    public static Real objective(Tensor main, Tensor extra, LstmInput in) {
        int l = in.l(), c = in.c(), b = in.b();
        Real[] w = flat(main), w2 = flat(extra);
        double[] seq = in.sequence();
        Real[] s = new Real[2 * l * b];
        for (int i = 0; i < s.length; i++) s[i] = Real.of(in.state()[i]);
        Real total = Real.ZERO;
        int count = 0, input = 0;
        for (int t = 0; t < (c - 1) * b; t += b) {
            Real[] ypred = predict(l, b, w, w2, s, seq, input);
            Real lse = logsumexp(ypred);
            int gold = t + b;
            for (int i = 0; i < b; i++) total = total.plus(ypred[i].minus(lse).times(seq[gold + i]));
            count += b;
            input = gold;
        }
        return total.neg().div(count);
    }

    private static Real[] flat(Tensor t) {
        Real[] r = new Real[t.length()];
        int cols = t.shape()[1];
        for (int i = 0; i < r.length; i++) r[i] = t.get(i / cols, i % cols);
        return r;
    }

    private static Real[] predict(int l, int b, Real[] w, Real[] w2, Real[] s, double[] seq, int input) {
        Real[] x = new Real[b];
        for (int i = 0; i < b; i++) x[i] = w2[i].times(seq[input + i]);
        Real[] xp = x;
        int xpOff = 0;
        for (int layer = 0; layer < l; layer++) {
            int wOff = 2 * layer * 4 * b, bOff = wOff + 4 * b, hOff = 2 * layer * b, cOff = hOff + b;
            model(b, w, wOff, bOff, s, hOff, cOff, xp, xpOff);
            xp = s;
            xpOff = hOff;
        }
        Real[] y = new Real[b];
        for (int i = 0; i < b; i++) y[i] = xp[xpOff + i].times(w2[b + i]).plus(w2[2 * b + i]);
        return y;
    }

    private static void model(int h, Real[] w, int wOff, int bOff, Real[] s, int hOff, int cOff, Real[] in, int inOff) {
        Real[] forget = new Real[h], ingate = new Real[h], outgate = new Real[h], change = new Real[h];
        for (int i = 0; i < h; i++) {
            forget[i] = in[inOff + i].times(w[wOff + i]).plus(w[bOff + i]).sigmoid();
            ingate[i] = s[hOff + i].times(w[wOff + h + i]).plus(w[bOff + h + i]).sigmoid();
            outgate[i] = in[inOff + i].times(w[wOff + 2 * h + i]).plus(w[bOff + 2 * h + i]).sigmoid();
            change[i] = s[hOff + i].times(w[wOff + 3 * h + i]).plus(w[bOff + 3 * h + i]).tanh();
        }
        for (int i = 0; i < h; i++) s[cOff + i] = s[cOff + i].times(forget[i]).plus(ingate[i].times(change[i]));
        for (int i = 0; i < h; i++) s[hOff + i] = outgate[i].times(s[cOff + i].tanh());
    }

    /**
     * ADBench's LSTM normaliser {@code log(sum exp(y) + 2)}.
     *
     * <pre>{@code LstmScalar.logsumexp(ys);}</pre>
     *
     * @param y the scores
     * @return the normaliser
     */
    public static Real logsumexp(Real[] y) {
        Real s = Real.ZERO;
        for (Real v : y) s = s.plus(v.exp());
        return s.plus(2).log();
    }
}
