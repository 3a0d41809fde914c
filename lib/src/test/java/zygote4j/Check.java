package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Derivative checks against central finite differences, in reverse and forward mode and
 * at second order (reverse-over-reverse and forward-over-reverse), plus the dot-product
 * test that ties the two modes together.
 */
final class Check {
    private Check() {
    }

    /** Central difference of f at x with a step scaled to x. */
    static double fd(DoubleUnaryOperator f, double x) {
        double h = 1e-6 * Math.max(1, Math.abs(x));
        // Richardson extrapolation of two central differences: error O(h^4).
        double d1 = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double d2 = (f.applyAsDouble(x + 2 * h) - f.applyAsDouble(x - 2 * h)) / (4 * h);
        return (4 * d1 - d2) / 3;
    }

    static void close(double expected, double actual, double tol, String what) {
        double scale = Math.max(1, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol * scale)) {
            fail(what + ": expected " + expected + " but got " + actual + " (tolerance " + tol + " relative)");
        }
    }

    /** Argument 0's gradient as a number, 0 where there is none (a constant derivative). */
    static double grad0(Fn1<Real> f, double x) {
        Object g = Zygote.gradient(f, x).get(0);
        return g == null ? 0 : ((Real) g).value();
    }

    /** Argument 0's gradient of a tensor function, zeros where there is none. */
    static Tensor tgrad0(Fn1<Tensor> f, Tensor x) {
        Object g = Zygote.gradient(f, x).get(0);
        return g == null ? Tensor.zeros(x.shape) : (Tensor) g;
    }

    /** The gradient of f at a (possibly tracked) y, the constant 0 where there is none. */
    static Real gradOrZero(UnaryOperator<Real> f, Real y) {
        Object g = Zygote.gradient(f::apply, y).get(0);
        return g == null ? Real.ZERO : (Real) g;
    }

    static Tensor plainOf(double[] d, int[] shape) {
        return Tensor.plain(shape.clone(), d);
    }

    /** Finite-difference gradient of a scalar function of a tensor. */
    static double[] fdGradient(Function<Tensor, Real> f, Tensor x) {
        double[] base = x.toDoubleArray(), g = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            final int k = i;
            g[i] = fd(t -> {
                double[] d = base.clone();
                d[k] = t;
                return f.apply(plainOf(d, x.shape)).value();
            }, base[i]);
        }
        return g;
    }

    /**
     * Checks f's gradient at x against finite differences (reverse mode), its directional
     * derivative along a random direction (forward mode), and its Hessian-vector product by
     * reverse-over-reverse and forward-over-reverse against finite differences of the
     * gradient.
     */
    static void tensorFunction(String name, Function<Tensor, Real> f, Tensor x, Random r, double tol) {
        int n = x.length();
        double[] fdg = fdGradient(f, x);
        Tensor g = tgrad0(f::apply, x);
        for (int i = 0; i < n; i++) close(fdg[i], g.data[i], tol, name + ": reverse gradient[" + i + "]");

        Tensor v = Prop.tensor(r, -1, 1, x.shape);
        double expectDir = 0;
        for (int i = 0; i < n; i++) expectDir += fdg[i] * v.data[i];
        Jvp<Real> j = Zygote.jvp(f, x, v);
        close(f.apply(x).value(), j.val().value(), 1e-12, name + ": jvp value");
        close(expectDir, j.tangent().value(), tol, name + ": forward directional derivative");

        // Hessian-vector product by finite differences of the (reverse) gradient.
        double[] base = x.toDoubleArray();
        double[] hv = new double[n];
        for (int i = 0; i < n; i++) {
            final int k = i;
            hv[i] = fd(t -> {
                double[] d = base.clone();
                for (int q = 0; q < n; q++) d[q] += t * v.data[q];
                return tgrad0(f::apply, plainOf(d, x.shape)).data[k];
            }, 0);
        }
        Function<Tensor, Real> gv = y -> tgrad0(f::apply, y).times(v).sum();
        Tensor rr = tgrad0(gv::apply, x);
        for (int i = 0; i < n; i++) close(hv[i], rr.data[i], 10 * tol, name + ": reverse-over-reverse Hv[" + i + "]");
        Tensor fr = Zygote.jvp((Tensor y) -> tgrad0(f::apply, y), x, v).tangent();
        for (int i = 0; i < n; i++) close(hv[i], fr.data[i], 10 * tol, name + ": forward-over-reverse Hv[" + i + "]");
    }

    /** The same checks for a scalar function of a scalar, up to the third derivative by nesting. */
    static void scalarFunction(String name, UnaryOperator<Real> f, double x, double tol) {
        double d1 = fd(t -> f.apply(Real.of(t)).value(), x);
        assertEquals(d1, grad0(f::apply, x), tol * Math.max(1, Math.abs(d1)),
                name + ": reverse derivative at " + x);
        assertEquals(d1, Zygote.derivative(f, x), tol * Math.max(1, Math.abs(d1)), name + ": forward derivative at " + x);
        UnaryOperator<Real> df = y -> gradOrZero(f, y);
        double d2 = fd(t -> df.apply(Real.of(t)).value(), x);
        close(d2, grad0(df::apply, x), 10 * tol, name + ": reverse-over-reverse at " + x);
        close(d2, Zygote.derivative(df, x), 10 * tol, name + ": forward-over-reverse at " + x);
        UnaryOperator<Real> dfFwd = y -> Zygote.jvp(f, y, Real.ONE).tangent();
        close(d2, grad0(dfFwd::apply, x), 10 * tol, name + ": reverse-over-forward at " + x);
        close(d2, Zygote.derivative(dfFwd, x), 10 * tol, name + ": forward-over-forward at " + x);
    }
}
