package zygote4j.bench;

import static zygote4j.Zygote.withgradient;

import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;

/**
 * W1 scalar-loop: f(x) = sum_{i=0}^{n-2} sin(x_i) cos(x_{i+1}) + x_i^2 / (1 + x_{i+1}^2),
 * a plain loop over scalars; it measures the cost of each recorded operation.
 *
 * <pre>{@code ScalarLoop.f(Tensor.of(0.1, 0.2));   // sin(0.1) cos(0.2) + 0.01 / 1.04}</pre>
 */
public final class ScalarLoop extends Workload {
    static final int N = 10_000;
    private double[] x;
    private Tensor xt;

    @Override
    public String id() {
        return "W1";
    }

    @Override
    public String name() {
        return "scalar-loop";
    }

    @Override
    public String size() {
        return "n = " + N;
    }

    @Override
    public String libStyle() {
        return "scalar loop on Real (Tensor.get)";
    }

    @Override
    public Reference reference() {
        return Reference.of(2630.8121741291843, 7149.541058265523);
    }

    @Override
    public void setUp() {
        x = new SplitMix64().doubles(N);
        xt = Tensor.of(x);
    }

    @Override
    public double primalPlain() {
        return plain(x);
    }

    /**
     * The hand-written loop.
     *
     * <pre>{@code ScalarLoop.plain(new double[] {0.1, 0.2});}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static double plain(double[] x) {
        double s = 0;
        double a = x[0];
        for (int i = 0; i + 1 < x.length; i++) {
            double b = x[i + 1];
            s += Math.sin(a) * Math.cos(b) + a * a / (1 + b * b);
            a = b;
        }
        return s;
    }

    /**
     * The same loop on Zygote4j scalars: differentiable.
     *
     * <pre>{@code gradient(ScalarLoop::f, Tensor.of(0.1, 0.2));}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static Real f(Tensor x) {
        Real s = Real.ZERO;
        Real a = x.get(0);
        int n = x.length();
        for (int i = 0; i + 1 < n; i++) {
            Real b = x.get(i + 1);
            s = s.plus(a.sin().times(b.cos()).plus(a.square().div(b.square().plus(1))));
            a = b;
        }
        return s;
    }

    @Override
    public double primalLib() {
        return f(xt).value();
    }

    @Override
    public GradResult grad() {
        WithGradient r = withgradient(ScalarLoop::f, xt);
        return new GradResult(((Real) r.val()).value(), r.grad().tensor(0).toDoubleArray());
    }

    @Override
    public void tearDown() {
        x = null;
        xt = null;
    }
}
