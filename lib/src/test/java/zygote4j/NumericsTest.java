package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The numerical edge cases documented in docs/numerics.md: kinks, infinities, overflow,
 * NaN propagation, precise functions near 0, and Zygote's "nothing" against a zero.
 */
class NumericsTest {
    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    /** f'(x) by reverse mode. */
    static double rev(UnaryOperator<Real> f, double x) {
        return gradient(f::apply, x).real(0).value();
    }

    /** f'(x) by forward mode. */
    static double fwd(UnaryOperator<Real> f, double x) {
        return derivative(f, x);
    }

    /** f'(x) for a one-element tensor, elementwise (the tensor rules). */
    static double tensorRev(UnaryOperator<Real> f, UnaryOperator<Tensor> ft, double x) {
        return gradient((Tensor v) -> ft.apply(v).sum(), Tensor.of(x)).tensor(0).get(0).value();
    }

    /**
     * f'(x) computed with the differentiable (generic) form of the rules: the inner
     * gradient runs on a value tracked by an outer level.
     */
    static double generic(UnaryOperator<Real> f, double x) {
        return ((Real) withgradient(y -> gradient(f::apply, y).real(0), x).val()).value();
    }

    /** f''(x) by reverse-over-reverse; 0 where the first derivative is a constant (nothing). */
    static double second(UnaryOperator<Real> f, double x) {
        Object g = gradient(y -> gradient(f::apply, y).real(0), x).get(0);
        return g == null ? 0 : ((Real) g).value();
    }

    /** Runs {@code body} inside an unrelated forward level, so that its backward passes run tracked. */
    static <T> T underOuterLevel(Supplier<T> body) {
        Object[] out = new Object[1];
        jvp((Real t) -> {
            out[0] = body.get();
            return t;
        }, Real.of(0), Real.ONE);
        @SuppressWarnings("unchecked")
        T r = (T) out[0];
        return r;
    }

    /** Asserts d/dx f at x is {@code expected} in reverse, forward, tensor, generic and tracked-backward form. */
    static void derivativeEverywhere(String what, UnaryOperator<Real> f, UnaryOperator<Tensor> ft, double x,
                                     double expected) {
        assertSame(what + " reverse", expected, rev(f, x));
        assertSame(what + " forward", expected, fwd(f, x));
        if (ft != null) assertSame(what + " tensor", expected, tensorRev(f, ft, x));
        assertSame(what + " generic form", expected, generic(f, x));
        assertSame(what + " tracked backward pass", expected, underOuterLevel(() -> rev(f, x)));
    }

    /** Exactly equal (these are closed forms at special points), NaN equal to NaN. */
    static void assertSame(String what, double expected, double actual) {
        assertTrue(expected == actual || Double.isNaN(expected) && Double.isNaN(actual),
                what + ": expected " + expected + " but got " + actual);
    }

    @Test
    void sqrtAtZero() {
        assertEquals(0.0, Real.of(0).sqrt().value(), 0);
        derivativeEverywhere("sqrt'(0)", Real::sqrt, Tensor::sqrt, 0, INF);
        assertSame("sqrt''(0)", Double.NEGATIVE_INFINITY, second(Real::sqrt, 0));
        derivativeEverywhere("sqrt'(-1)", Real::sqrt, Tensor::sqrt, -1, NAN);
    }

    @Test
    void absAtZero() {
        derivativeEverywhere("abs'(0)", Real::abs, Tensor::abs, 0, 0);
        derivativeEverywhere("abs'(-0.0)", Real::abs, Tensor::abs, -0.0, 0);
        derivativeEverywhere("abs'(-2)", Real::abs, Tensor::abs, -2, -1);
        assertSame("abs''(0)", 0, second(Real::abs, 0));
    }

    @Test
    void maxAndMinAtATieGiveTheGradientToTheReceiver() {
        assertEquals("(1.0, 0.0)", gradient((a, b) -> a.max(b), 2, 2).toString());
        assertEquals("(1.0, 0.0)", gradient((a, b) -> a.min(b), 2, 2).toString());
        assertEquals("(0.0, 1.0)", gradient((a, b) -> a.max(b), 1, 2).toString());
        assertEquals("(0.0, 1.0)", gradient((a, b) -> a.min(b), 3, 2).toString());
        // relu at its kink: max(x, 0) at x = 0 has derivative 1
        derivativeEverywhere("relu'(0)", x -> x.max(0), x -> x.maximum(0), 0, 1);
        derivativeEverywhere("min(x, 0)'(0)", x -> x.min(0), x -> x.minimum(0), 0, 1);
        assertEquals("([1.0, 0.0], [0.0, 1.0])",
                gradient((Tensor a, Tensor b) -> a.maximum(b).sum(), Tensor.of(1, 1), Tensor.of(1, 2)).toString());
        assertEquals("([1.0, 1.0], [0.0, 0.0])",
                gradient((Tensor a, Tensor b) -> a.minimum(b).sum(), Tensor.of(1, 1), Tensor.of(1, 2)).toString());
    }

    @Test
    void maxAndMinWithANaNOperand() {
        assertTrue(Double.isNaN(Real.of(NAN).max(1).value()));
        assertTrue(Double.isNaN(Real.of(1).max(NAN).value()));
        assertEquals("(NaN, NaN)", gradient((a, b) -> a.max(b), NAN, 1).toString());
        assertEquals("(NaN, NaN)", gradient((a, b) -> a.min(b), 1, NAN).toString());
        derivativeEverywhere("relu'(NaN)", x -> x.max(0), x -> x.maximum(0), NAN, NAN);
        derivativeEverywhere("min(x, 1)'(NaN)", x -> x.min(1), x -> x.minimum(1), NAN, NAN);
    }

    @Test
    void logAtZero() {
        assertEquals(Double.NEGATIVE_INFINITY, Real.of(0).log().value(), 0);
        derivativeEverywhere("log'(0)", Real::log, Tensor::log, 0, INF);
        assertSame("log''(0)", Double.NEGATIVE_INFINITY, second(Real::log, 0));
        // outside the domain the value is NaN and the derivative formula 1/x is still evaluated
        assertTrue(Double.isNaN(Real.of(-1).log().value()));
        derivativeEverywhere("log'(-1)", Real::log, Tensor::log, -1, -1);
        derivativeEverywhere("log1p'(-1)", Real::log1p, Tensor::log1p, -1, INF);
    }

    @Test
    void powWithANegativeBaseAndAnIntegerExponent() {
        assertEquals(9.0, Real.of(-3).pow(2).value(), 0);
        derivativeEverywhere("d/dx x^2 at -3", x -> x.pow(2), x -> x.pow(2), -3, -6);
        derivativeEverywhere("d/dx x^3 at -2", x -> x.pow(3), x -> x.pow(3), -2, 12);
        derivativeEverywhere("d/dx x^-1 at -2", x -> x.pow(-1), x -> x.pow(-1), -2, -0.25);
        assertSame("d2/dx2 x^2 at -3", 2, second(x -> x.pow(2), -3));
        assertSame("d2/dx2 x^3 at -2", -12, second(x -> x.pow(3), -2));
        // a non-integer power of a negative base is NaN, and so is its derivative
        derivativeEverywhere("d/dx x^0.5 at -4", x -> x.pow(0.5), x -> x.pow(0.5), -4, NAN);
    }

    @Test
    void powWithAZeroBase() {
        derivativeEverywhere("d/dx x^3 at 0", x -> x.pow(3), x -> x.pow(3), 0, 0);
        derivativeEverywhere("d/dx x^2 at 0", x -> x.pow(2), x -> x.pow(2), 0, 0);
        derivativeEverywhere("d/dx x^1 at 0", x -> x.pow(1), x -> x.pow(1), 0, 1);
        derivativeEverywhere("d/dx x^0 at 0", x -> x.pow(0), x -> x.pow(0), 0, 0);
        derivativeEverywhere("d/dx x^0.5 at 0", x -> x.pow(0.5), x -> x.pow(0.5), 0, INF);
        // every order of x^3 at 0: 0, 0, 6, 0
        assertSame("d2/dx2 x^3 at 0", 0, second(x -> x.pow(3), 0));
        UnaryOperator<Real> d2 = y -> gradient(z -> gradient(w -> w.pow(3), z).real(0), y).real(0);
        assertSame("d3/dx3 x^3 at 0", 6, rev(d2, 0));
        UnaryOperator<Real> d3 = y -> gradient(d2::apply, y).real(0);
        assertSame("d4/dx4 x^3 at 0", 0, rev(d3, 0));
        assertSame("d4/dx4 x^3 at 0, forward outside", 0, fwd(d3, 0));
        // a polynomial with exponents 0..3 at x = 0, as one tensor power: p'(0) = c1
        Tensor c = Tensor.of(5, 7, 11, 13), k = Tensor.of(0, 1, 2, 3);
        assertEquals("(7.0,)", gradient(x -> Tensor.scalar(x).pow(k).times(c).sum(), 0).toString());
        assertEquals(22.0, gradient(y -> gradient(x -> Tensor.scalar(x).pow(k).times(c).sum(), y).real(0), 0)
                .real(0).value(), 0);
    }

    @Test
    void powDerivativeInTheExponent() {
        // d/db a^b = a^b log a
        assertSame("d/db 2^b at 3", 8 * Math.log(2), rev(b -> Real.of(2).pow(b), 3));
        // 0 at a zero base for b >= 0, NaN for b < 0 (0^b is infinite there)
        derivativeEverywhere("d/db 0^b at 2", b -> Real.of(0).pow(b), b -> Tensor.of(0).pow(b), 2, 0);
        derivativeEverywhere("d/db 0^b at 0", b -> Real.of(0).pow(b), b -> Tensor.of(0).pow(b), 0, 0);
        derivativeEverywhere("d/db 0^b at -1", b -> Real.of(0).pow(b), b -> Tensor.of(0).pow(b), -1, NAN);
        // NaN for a negative base: a real power is not differentiable in the exponent there
        derivativeEverywhere("d/db (-2)^b at 2", b -> Real.of(-2).pow(b), b -> Tensor.of(-2).pow(b), 2, NAN);
    }

    @Test
    void expOverflowGivesInfinityNotNaN() {
        assertEquals(INF, Real.of(1000).exp().value(), 0);
        derivativeEverywhere("exp'(1000)", Real::exp, Tensor::exp, 1000, INF);
        derivativeEverywhere("(2 exp)'(1000)", x -> x.exp().times(2), x -> x.exp().times(2), 1000, INF);
        assertSame("exp''(1000)", INF, second(Real::exp, 1000));
        derivativeEverywhere("exp'(-1000)", Real::exp, Tensor::exp, -1000, 0);
        derivativeEverywhere("expm1'(1000)", Real::expm1, Tensor::expm1, 1000, INF);
        derivativeEverywhere("cosh'(1000)", Real::cosh, Tensor::cosh, 1000, INF);
        derivativeEverywhere("sinh'(-1000)", Real::sinh, Tensor::sinh, -1000, INF);
        // the saturating functions stay finite on both sides
        derivativeEverywhere("sigmoid'(1000)", Real::sigmoid, Tensor::sigmoid, 1000, 0);
        derivativeEverywhere("sigmoid'(-1000)", Real::sigmoid, Tensor::sigmoid, -1000, 0);
        derivativeEverywhere("softplus'(1000)", Real::softplus, Tensor::softplus, 1000, 1);
        derivativeEverywhere("softplus'(-1000)", Real::softplus, Tensor::softplus, -1000, 0);
        derivativeEverywhere("tanh'(1000)", Real::tanh, Tensor::tanh, 1000, 0);
        assertEquals(1000.0, Real.of(1000).softplus().value(), 0);
        assertEquals(1.0, Real.of(1000).sigmoid().value(), 0);
        assertEquals(0.0, Real.of(-1000).sigmoid().value(), 0);
    }

    @Test
    void log1pAndExpm1ArePreciseNearZero() {
        double x = 1e-10;
        // log1p(x) = x - x^2/2 + ..., expm1(x) = x + x^2/2 + ...: exact to the last bit here
        assertEquals(x - x * x / 2, Real.of(x).log1p().value(), 0);
        assertEquals(x + x * x / 2, Real.of(x).expm1().value(), 0);
        assertEquals(x - x * x / 2, Tensor.of(x).log1p().get(0).value(), 0);
        assertEquals(x + x * x / 2, Tensor.of(x).expm1().get(0).value(), 0);
        // the naive forms lose most digits
        assertTrue(Math.abs(Real.of(1 + x).log().value() - x) > 1e-8 * x);
        derivativeEverywhere("log1p'(1e-10)", Real::log1p, Tensor::log1p, x, 1 / (1 + x));
        derivativeEverywhere("expm1'(1e-10)", Real::expm1, Tensor::expm1, x, Math.expm1(x) + 1);
        derivativeEverywhere("log1p'(-1e-300)", Real::log1p, Tensor::log1p, -1e-300, 1.0);
        assertSame("log1p''(0)", -1, second(Real::log1p, 0));
        assertSame("expm1''(0)", 1, second(Real::expm1, 0));
    }

    /** Every unary function whose derivative depends on its argument. */
    static final Map<String, UnaryOperator<Real>> DATA_DEPENDENT = Map.ofEntries(
            Map.entry("exp", Real::exp), Map.entry("log", Real::log), Map.entry("sqrt", Real::sqrt),
            Map.entry("sin", Real::sin), Map.entry("cos", Real::cos), Map.entry("tan", Real::tan),
            Map.entry("tanh", Real::tanh), Map.entry("abs", Real::abs), Map.entry("square", Real::square),
            Map.entry("reciprocal", Real::reciprocal), Map.entry("log1p", Real::log1p),
            Map.entry("expm1", Real::expm1), Map.entry("sigmoid", Real::sigmoid), Map.entry("softplus", Real::softplus),
            Map.entry("asin", Real::asin), Map.entry("acos", Real::acos), Map.entry("atan", Real::atan),
            Map.entry("sinh", Real::sinh), Map.entry("cosh", Real::cosh), Map.entry("pow3", x -> x.pow(3)),
            Map.entry("max", x -> x.max(0)), Map.entry("min", x -> x.min(0)));

    @Test
    void nanInTheInputPropagatesToTheGradient() {
        for (var e : DATA_DEPENDENT.entrySet()) {
            derivativeEverywhere(e.getKey() + "'(NaN)", e.getValue(), null, NAN, NAN);
            // abs, max and min have piecewise constant derivatives and square a constant
            // second derivative (2, exact even at NaN): their second derivatives do not depend on x
            if (!Map.of("abs", 0, "max", 0, "min", 0, "square", 0).containsKey(e.getKey())) {
                assertSame(e.getKey() + "''(NaN)", NAN, second(e.getValue(), NAN));
            }
        }
        assertEquals("([NaN, 2.0],)", gradient((Tensor v) -> v.sin().times(Tensor.of(1, 2)).sum(),
                Tensor.of(NAN, 0)).toString());
        // a partial derivative that does not depend on the NaN stays exact: d(a b)/da = b
        assertEquals("(2.0, NaN)", gradient((a, b) -> a.times(b), NAN, 2).toString());
        assertEquals("(-1.0,)", gradient(x -> x.neg(), NAN).toString());
    }

    @Test
    void aZeroCotangentStillMultipliesAnInfiniteOrNaNPartial() {
        // sin(x) * 0 at NaN: the cotangent reaching sin is 0, and 0 * cos(NaN) is NaN
        derivativeEverywhere("d/dx 0 sin(x) at NaN", x -> x.sin().times(0), x -> x.sin().times(0), NAN, NAN);
        // sqrt(x) * 0 at 0: 0 * Inf is NaN, as in IEEE arithmetic, JAX, PyTorch and Zygote
        derivativeEverywhere("d/dx 0 sqrt(x) at 0", x -> x.sqrt().times(0), x -> x.sqrt().times(0), 0, NAN);
        // and in forward mode a zero tangent meets an infinite partial: 0 * Inf
        derivativeEverywhere("d/dx sqrt(0 x) at 0", x -> x.times(0).sqrt(), x -> x.times(0).sqrt(), 0, NAN);
        // a path with a zero cotangent but finite partials contributes an exact 0
        derivativeEverywhere("d/dx 0 sin(x) at 1", x -> x.sin().times(0), x -> x.sin().times(0), 1, 0);
    }

    @Test
    void hypotAndAtan2AtTheOrigin() {
        assertEquals("(NaN, NaN)", gradient((a, b) -> a.hypot(b), 0, 0).toString());
        assertEquals("(NaN, NaN)", gradient((a, b) -> a.atan2(b), 0, 0).toString());
    }

    @Test
    void nothingIsNotZero() {
        // influence through a zero derivative: 0.0
        assertEquals("(0.0,)", gradient(x -> x.times(0), 1).toString());
        assertEquals("(0.0,)", gradient(x -> x.minus(x), 1).toString());
        assertEquals("([0.0, 0.0],)", gradient((Tensor v) -> v.times(0).sum(), Tensor.of(1, 2)).toString());
        // a tensor that is read partly: unread elements are 0 in its dense gradient
        assertEquals("([1.0, 0.0],)", gradient((Tensor v) -> v.get(0), Tensor.of(1, 2)).toString());
        // no influence at all: nothing (null)
        assertEquals("(2.0, nothing)", gradient((a, b) -> a.times(2), 1, 2).toString());
        assertEquals("(nothing,)", gradient(x -> Real.of(3), 1).toString());
        assertEquals("(nothing,)", gradient(x -> dropgrad(x).times(2), 1).toString());
        assertEquals("(nothing,)", gradient((Tensor v) -> Real.of(1), Tensor.of(1, 2)).toString());
        assertEquals("(nothing,)", gradient(x -> ignore(() -> x.square()), 1).toString());
        // the same rules in tracked mode (inside an outer level)
        assertEquals("(0.0,)", underOuterLevel(() -> gradient(x -> x.times(0), 1)).toString());
        assertEquals("(2.0, nothing)", underOuterLevel(() -> gradient((a, b) -> a.times(2), 1, 2)).toString());
        // a record component that does not influence the result
        Grads g = gradient((Pair p) -> p.a().times(3), new Pair(Real.of(1), Real.of(2)));
        Pair gp = (Pair) g.get(0);
        assertEquals(3.0, gp.a().value(), 0);
        assertNull(gp.b());
    }

    /** A record argument. */
    record Pair(Real a, Real b) {
    }
}
