package zygote4j.bench;

import static zygote4j.Zygote.range;
import static zygote4j.Zygote.withgradient;

import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;

/**
 * W2 rosenbrock: f(x) = sum_{i=0}^{n-2} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2.
 *
 * <p>The Zygote4j version is written with whole-array operations, as WORKLOADS.md asks:
 * {@code x[1:]} and {@code x[:-1]} are slices, and the sum is one expression over them.
 *
 * <pre>{@code Rosenbrock.plain(new double[] {1, 1});   // 0.0}</pre>
 */
public final class Rosenbrock extends Workload {
    static final int N = 1_000_000;
    private double[] x;
    private Tensor xt;

    @Override
    public String id() {
        return "W2";
    }

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public String size() {
        return "n = " + N;
    }

    @Override
    public String libStyle() {
        return "whole-array, x[1:] and x[:-1] as slices";
    }

    @Override
    public Reference reference() {
        return Reference.of(54708254.286060095, -68617122.24740234);
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
     * The hand-written loop.
     *
     * <pre>{@code Rosenbrock.plain(new double[] {0, 0});   // 1.0}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static double plain(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i], t = x[i + 1] - a * a, u = 1 - a;
            s += 100 * t * t + u * u;
        }
        return s;
    }

    /**
     * The same function with whole-array operations: {@code sum(100 (x[1:] - x[:-1]^2)^2
     * + (1 - x[:-1])^2)}.
     *
     * <pre>{@code gradient(Rosenbrock::f, Tensor.of(0, 0));   // ([-2.0, 0.0],)}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static Real f(Tensor x) {
        int n = x.length();
        Tensor head = x.slice(range(0, n - 1)), tail = x.slice(range(1, n));
        Tensor t = tail.minus(head.square()), u = head.neg().plus(1);
        return t.square().times(100).plus(u.square()).sum();
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
        WithGradient r = withgradient(Rosenbrock::f, xt);
        return new GradResult(((Real) r.val()).value(), r.grad().tensor(0).toDoubleArray());
    }
}
