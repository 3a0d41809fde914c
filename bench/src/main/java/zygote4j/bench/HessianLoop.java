package zygote4j.bench;

import static zygote4j.Zygote.range;

import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.Zygote;

/**
 * W5 hessian: f(x) = sum_i tanh(x_i x_{(i+1) mod n}) + (sum_i x_i^2)^2 / n, and its full
 * n x n Hessian by forward-over-reverse.
 *
 * <p>f is written with whole-array operations (the roll is two slices joined by
 * {@code concat}) and the Hessian is Zygote's {@code hessian(f, x, chunk)}: a forward
 * level carrying {@link #CHUNK} tangent directions at once over the reverse-mode
 * gradient, so n / CHUNK passes of f give the whole matrix.
 *
 * <pre>{@code Zygote.hessian(HessianLoop::f, Tensor.of(1, 2, 3), HessianLoop.CHUNK);   // 3x3}</pre>
 */
public final class HessianLoop extends Workload {
    static final int N = 100;
    /** Tangent directions per pass: all of them, so the Hessian takes one pass of f. */
    public static final int CHUNK = N;
    private double[] x;
    private Tensor xt;

    @Override
    public String id() {
        return "W5";
    }

    @Override
    public String name() {
        return "hessian";
    }

    @Override
    public String size() {
        return "n = " + N + " (Hessian " + N + "x" + N + ")";
    }

    @Override
    public String libStyle() {
        return "whole-array f; hessian(f, x, chunk " + CHUNK + ")";
    }

    @Override
    public Reference reference() {
        return Reference.of(11.32787812117396, 289.846884617642);
    }

    @Override
    public void setUp() {
        x = new SplitMix64().doubles(N);
        xt = Tensor.of(x);
    }

    @Override
    public void tearDown() {
        x = null;
        xt = null;
    }

    /**
     * f by hand.
     *
     * <pre>{@code HessianLoop.plain(new double[] {1, 1});}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static double plain(double[] x) {
        int n = x.length;
        double s = 0, q = 0;
        for (int i = 0; i < n; i++) {
            s += Math.tanh(x[i] * x[(i + 1) % n]);
            q += x[i] * x[i];
        }
        return s + q * q / n;
    }

    /**
     * f with whole-array operations: {@code sum(tanh(x * roll(x))) + sum(x^2)^2 / n}, where
     * {@code roll(x)_i = x_{(i+1) mod n}}.
     *
     * <pre>{@code HessianLoop.f(Tensor.of(1, 1)).value();}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static Real f(Tensor x) {
        int n = x.length();
        Tensor roll = Tensor.concat(0, x.slice(range(1, n)), x.slice(range(0, 1)));
        return x.times(roll).tanh().sum().plus(x.square().sum().square().div(n));
    }

    @Override
    public double primalPlain() {
        return plain(x);
    }

    @Override
    public double primalLib() {
        return f(xt).value();
    }

    @Override
    public GradResult grad() {
        return new GradResult(f(xt).value(), Zygote.hessian(HessianLoop::f, xt, CHUNK).toDoubleArray());
    }
}
