package zygote4j.bench;

import static zygote4j.Zygote.withgradient;

import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;

/**
 * W2 rosenbrock: f(x) = sum_{i=0}^{n-2} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2.
 *
 * <p>WORKLOADS.md asks for whole-array operations; they need {@code slice} (x[1:] and
 * x[:-1]), which is not in this branch yet, so the Zygote4j version is a scalar loop for
 * now. With slices it reads {@code x.slice(range(1, n)).minus(x.slice(range(0, n - 1))
 * .square()).square().times(100).plus(...).sum()}.
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
        return "scalar loop on Real (whole-array version needs slice)";
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
     * The same function on Zygote4j scalars.
     *
     * <pre>{@code gradient(Rosenbrock::f, Tensor.of(0, 0));   // ([-2.0, 0.0],)}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static Real f(Tensor x) {
        Real s = Real.ZERO;
        Real a = x.get(0);
        for (int i = 0; i + 1 < x.length(); i++) {
            Real b = x.get(i + 1);
            Real t = b.minus(a.square()), u = Real.ONE.minus(a);
            s = s.plus(t.square().times(100).plus(u.square()));
            a = b;
        }
        return s;
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
