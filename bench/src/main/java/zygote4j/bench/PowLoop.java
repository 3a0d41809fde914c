package zygote4j.bench;

import static zygote4j.Zygote.withgradient;

import zygote4j.Real;
import zygote4j.WithGradient;

/**
 * W6 pow-loop: f(x) = x^n by repeated multiplication (the seed's own example), and its
 * derivative at x = 1.0001.
 *
 * <pre>{@code PowLoop.pow(Real.of(2), 10);   // 1024.0}</pre>
 */
public final class PowLoop extends Workload {
    static final int N = 1_000_000;
    static final double X = 1.0001;

    @Override
    public String id() {
        return "W6";
    }

    @Override
    public String name() {
        return "pow-loop";
    }

    @Override
    public String size() {
        return "n = " + N;
    }

    @Override
    public String libStyle() {
        return "scalar loop on Real";
    }

    @Override
    public Reference reference() {
        return Reference.of(2.6747109931126675e+43, 2.6744435487349853e+49);
    }

    @Override
    public void setUp() {
    }

    /**
     * x^n by n multiplications on doubles.
     *
     * <pre>{@code PowLoop.plain(2, 10);   // 1024.0}</pre>
     *
     * @param x the base
     * @param n the exponent
     * @return x^n
     */
    public static double plain(double x, int n) {
        double r = 1;
        for (int i = 0; i < n; i++) r *= x;
        return r;
    }

    /**
     * x^n by n multiplications on Zygote4j scalars: differentiable.
     *
     * <pre>{@code gradient(x -> PowLoop.pow(x, 3), 2);   // (12.0,)}</pre>
     *
     * @param x the base
     * @param n the exponent
     * @return x^n
     */
    public static Real pow(Real x, int n) {
        Real r = Real.ONE;
        for (int i = 0; i < n; i++) r = r.times(x);
        return r;
    }

    @Override
    public double primalPlain() {
        return plain(X, N);
    }

    @Override
    public double primalLib() {
        return pow(Real.of(X), N).value();
    }

    @Override
    public GradResult grad() {
        WithGradient r = withgradient(x -> pow(x, N), X);
        return new GradResult(((Real) r.val()).value(), new double[] {r.grad().real(0).value()});
    }
}
