package zygote4j.bench;

import static zygote4j.Zygote.withgradient;

import java.util.List;
import zygote4j.Grads;
import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;

/**
 * W3 mlp: a three-layer perceptron on a batch of 256 inputs of 784, tanh hidden layers
 * of 256, 10 outputs, mean cross-entropy against labels i mod 10; gradient with respect
 * to all weights and biases.
 *
 * <p>The Zygote4j version uses whole-array operations: {@code matmul} for the layers,
 * {@code logsumexp(1)} for each row's normaliser, and a one-hot mask to pick each row's
 * score of its label, {@code z_{i,y_i}}.
 *
 * <pre>{@code new Mlp().grad().checksum();}</pre>
 */
public final class Mlp extends Workload {
    static final int B = 256, IN = 784, H = 256, OUT = 10;
    private double[] x, w1, b1, w2, b2, w3, b3;
    /** The weight matrices as arrays of rows, the layout the hand-written version reads. */
    private double[][] w1Rows, w2Rows, w3Rows;
    private Tensor xt, onehot;
    private List<Tensor> params;

    @Override
    public String id() {
        return "W3";
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String size() {
        return "256x784 -> 256 -> 256 -> 10";
    }

    @Override
    public String libStyle() {
        return "whole-array: matmul, logsumexp(1), one-hot mask";
    }

    @Override
    public Reference reference() {
        return Reference.of(2.3797517132697825, -0.12910588376743098);
    }

    @Override
    public void setUp() {
        SplitMix64 g = new SplitMix64();
        x = g.doubles(B * IN);
        w1 = g.doubles(IN * H, 0.1);
        b1 = g.doubles(H, 0.1);
        w2 = g.doubles(H * H, 0.1);
        b2 = g.doubles(H, 0.1);
        w3 = g.doubles(H * OUT, 0.1);
        b3 = g.doubles(OUT, 0.1);
        w1Rows = rows(w1, IN, H);
        w2Rows = rows(w2, H, H);
        w3Rows = rows(w3, H, OUT);
        xt = Tensor.of(x).reshape(B, IN);
        double[] oh = new double[B * OUT];
        for (int i = 0; i < B; i++) oh[i * OUT + i % OUT] = 1;
        onehot = Tensor.of(oh).reshape(B, OUT);
        params = List.of(Tensor.of(w1).reshape(IN, H), Tensor.of(b1), Tensor.of(w2).reshape(H, H), Tensor.of(b2),
                Tensor.of(w3).reshape(H, OUT), Tensor.of(b3));
    }

    @Override
    public void tearDown() {
        x = w1 = b1 = w2 = b2 = w3 = b3 = null;
        w1Rows = w2Rows = w3Rows = null;
        xt = onehot = null;
        params = null;
    }

    @Override
    public double primalPlain() {
        double[] h1 = dense(x, B, IN, w1Rows, b1, H, true);
        double[] h2 = dense(h1, B, H, w2Rows, b2, H, true);
        double[] z = dense(h2, B, H, w3Rows, b3, OUT, false);
        double loss = 0;
        for (int i = 0; i < B; i++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < OUT; j++) mx = Math.max(mx, z[i * OUT + j]);
            double s = 0;
            for (int j = 0; j < OUT; j++) s += Math.exp(z[i * OUT + j] - mx);
            loss += Math.log(s) + mx - z[i * OUT + i % OUT];
        }
        return loss / B;
    }

    /**
     * tanh(a w + b) (or without tanh) for a [m, k], w [k, n] as k rows, b [n], by hand:
     * each output row is accumulated in its own array from the rows of w scaled by that
     * row of a, a loop over whole arrays that the JIT vectorises.
     */
    private static double[] dense(double[] a, int m, int k, double[][] w, double[] b, int n, boolean tanh) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            double[] acc = b.clone();
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                double[] wp = w[p];
                for (int j = 0; j < n; j++) acc[j] += aip * wp[j];
            }
            if (tanh) for (int j = 0; j < n; j++) acc[j] = Math.tanh(acc[j]);
            System.arraycopy(acc, 0, out, i * n, n);
        }
        return out;
    }

    private static double[][] rows(double[] w, int k, int n) {
        double[][] r = new double[k][];
        for (int p = 0; p < k; p++) r[p] = java.util.Arrays.copyOfRange(w, p * n, (p + 1) * n);
        return r;
    }

    /**
     * The loss on Zygote4j tensors.
     *
     * <pre>{@code gradient(p -> mlp.loss(p), params);}</pre>
     *
     * @param p W1, b1, W2, b2, W3, b3
     * @return the mean cross-entropy
     */
    Real loss(List<Tensor> p) {
        Tensor h1 = xt.matmul(p.get(0)).plus(p.get(1)).tanh();
        Tensor h2 = h1.matmul(p.get(2)).plus(p.get(3)).tanh();
        Tensor z = h2.matmul(p.get(4)).plus(p.get(5));
        return z.logsumexp(1).sum().minus(z.times(onehot).sum()).div(B);
    }

    @Override
    public double primalLib() {
        return loss(params).value();
    }

    @SuppressWarnings("unchecked")
    @Override
    public GradResult grad() {
        WithGradient r = withgradient(this::loss, params);
        Grads g = r.grad();
        List<Tensor> gs = (List<Tensor>) g.get(0);
        int n = 0;
        for (Tensor t : gs) n += t.length();
        double[] all = new double[n];
        int k = 0;
        for (Tensor t : gs) {
            double[] d = t.toDoubleArray();
            System.arraycopy(d, 0, all, k, d.length);
            k += d.length;
        }
        return new GradResult(((Real) r.val()).value(), all);
    }
}
