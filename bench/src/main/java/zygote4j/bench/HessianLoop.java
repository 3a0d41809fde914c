package zygote4j.bench;

import static zygote4j.Zygote.gradient;
import static zygote4j.Zygote.jvp;

import java.util.function.Function;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * W5 hessian: f(x) = sum_i tanh(x_i x_{(i+1) mod n}) + (sum_i x_i^2)^2 / n, and its full
 * n x n Hessian by forward-over-reverse.
 *
 * <p>The library's {@code hessian} is not in this branch yet, so the Hessian is taken
 * column by column: the forward derivative ({@code jvp}) of the reverse-mode gradient
 * along each unit vector. Replace {@link #hessian} with {@code Zygote.hessian} once it is
 * merged (it pushes a chunk of directions through at once). f is written as a scalar
 * loop; with {@code slice}/{@code concat} it becomes {@code x.times(roll(x)).tanh().sum()}.
 *
 * <pre>{@code HessianLoop.hessian(HessianLoop::f, Tensor.of(1, 2, 3));   // 3x3}</pre>
 */
public final class HessianLoop extends Workload {
    static final int N = 100;
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
        return "scalar loop; jvp of gradient per column (hessian not merged)";
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
     * f on Zygote4j scalars.
     *
     * <pre>{@code HessianLoop.f(Tensor.of(1, 1)).value();}</pre>
     *
     * @param x the point
     * @return f(x)
     */
    public static Real f(Tensor x) {
        int n = x.length();
        Real[] v = new Real[n];
        for (int i = 0; i < n; i++) v[i] = x.get(i);
        Real s = Real.ZERO, q = Real.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.plus(v[i].times(v[(i + 1) % n]).tanh());
            q = q.plus(v[i].square());
        }
        return s.plus(q.square().div(n));
    }

    /**
     * The Hessian of a scalar function of a vector, one column per forward pass through
     * the reverse-mode gradient.
     *
     * <pre>{@code HessianLoop.hessian(v -> v.times(v).sum(), Tensor.of(1, 2));   // [[2, 0], [0, 2]]}</pre>
     *
     * @param f the function
     * @param x the point (a vector)
     * @return the n x n Hessian, row-major (symmetric)
     */
    public static double[] hessian(Function<Tensor, Real> f, Tensor x) {
        int n = x.length();
        double[] h = new double[n * n];
        Function<Tensor, Tensor> grad = v -> gradient(f::apply, v).tensor(0);
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] col = jvp(grad, x, Tensor.of(e)).tangent().toDoubleArray();
            for (int i = 0; i < n; i++) h[i * n + j] = col[i];
        }
        return h;
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
        return new GradResult(f(xt).value(), hessian(HessianLoop::f, xt));
    }
}
