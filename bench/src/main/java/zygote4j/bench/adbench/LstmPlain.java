package zygote4j.bench.adbench;

/**
 * ADBench's LSTM objective on doubles, as ADBench's C++ reference computes it: each step
 * runs the stacked LSTM on the current character, scores the prediction of the next one
 * with a log-softmax whose normaliser is ADBench's {@code log(sum exp(y) + 2)}, and the
 * loss is minus the mean score. The state starts from the instance's state at each call.
 *
 * <pre>{@code LstmPlain.objective(LstmInput.read(Path.of("data/lstm/lstm_l2_c1024.txt")));   // 0.66666518...}</pre>
 */
public final class LstmPlain {
    private LstmPlain() {
    }

    /**
     * The loss at the instance's parameters.
     *
     * <pre>{@code double loss = LstmPlain.objective(in);}</pre>
     *
     * @param in the instance
     * @return the loss
     */
    public static double objective(LstmInput in) {
        return objective(in, in.mainParams(), in.extraParams());
    }

    /**
     * The loss at the given parameters (sizes, state and sequence from {@code in}).
     *
     * <pre>{@code LstmPlain.objective(in, main, extra);}</pre>
     *
     * @param in sizes, initial state and sequence
     * @param main main parameters, 2l x 4b
     * @param extra extra parameters, 3 x b
     * @return the loss
     */
    public static double objective(LstmInput in, double[] main, double[] extra) {
        int l = in.l(), c = in.c(), b = in.b();
        double[] state = in.state().clone(), seq = in.sequence();
        double[] ypred = new double[b], gates = new double[4 * b];
        double total = 0;
        int count = 0;
        int input = 0;
        for (int t = 0; t < (c - 1) * b; t += b) {
            predict(l, b, main, extra, state, seq, input, ypred, gates);
            double lse = logsumexp(ypred);
            int gold = t + b;
            for (int i = 0; i < b; i++) total += seq[gold + i] * (ypred[i] - lse);
            count += b;
            input = gold;
        }
        return -total / count;
    }

    /** The stacked LSTM on the character at {@code seq[input..]}, then the output layer. */
    private static void predict(int l, int b, double[] w, double[] w2, double[] s, double[] seq, int input,
            double[] x2, double[] gates) {
        for (int i = 0; i < b; i++) x2[i] = seq[input + i] * w2[i];
        double[] xp = x2;
        int xpOff = 0;
        for (int layer = 0; layer < l; layer++) {
            int wOff = 2 * layer * 4 * b, bOff = wOff + 4 * b;
            int hOff = 2 * layer * b, cOff = hOff + b;
            model(b, w, wOff, bOff, s, hOff, cOff, xp, xpOff, gates);
            xp = s;
            xpOff = hOff;
        }
        for (int i = 0; i < b; i++) x2[i] = xp[xpOff + i] * w2[b + i] + w2[2 * b + i];
    }

    /** One LSTM layer, updating hidden and cell state in place. */
    private static void model(int h, double[] w, int wOff, int bOff, double[] s, int hOff, int cOff, double[] in,
            int inOff, double[] gates) {
        for (int i = 0; i < h; i++) {
            gates[i] = sigmoid(in[inOff + i] * w[wOff + i] + w[bOff + i]);
            gates[h + i] = sigmoid(s[hOff + i] * w[wOff + h + i] + w[bOff + h + i]);
            gates[2 * h + i] = sigmoid(in[inOff + i] * w[wOff + 2 * h + i] + w[bOff + 2 * h + i]);
            gates[3 * h + i] = Math.tanh(s[hOff + i] * w[wOff + 3 * h + i] + w[bOff + 3 * h + i]);
        }
        for (int i = 0; i < h; i++) s[cOff + i] = s[cOff + i] * gates[i] + gates[h + i] * gates[3 * h + i];
        for (int i = 0; i < h; i++) s[hOff + i] = gates[2 * h + i] * Math.tanh(s[cOff + i]);
    }

    /**
     * ADBench's sigmoid, {@code 1 / (1 + exp(-x))}.
     *
     * <pre>{@code LstmPlain.sigmoid(0);   // 0.5}</pre>
     *
     * @param x the argument
     * @return the sigmoid
     */
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * ADBench's LSTM normaliser: {@code log(sum exp(y) + 2)} (the 2 is part of ADBench's
     * definition, and is kept so that the values agree).
     *
     * <pre>{@code LstmPlain.logsumexp(new double[] {0, 0});   // log 4}</pre>
     *
     * @param y the scores
     * @return the normaliser
     */
    public static double logsumexp(double[] y) {
        double s = 0;
        for (double v : y) s += Math.exp(v);
        s += 2;
        return Math.log(s);
    }
}
