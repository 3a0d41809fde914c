package zygote4j;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every scalar primitive against finite differences, in both modes and at second order. */
class ScalarRulesTest {
    /** Each function with the interval its random points come from. */
    private static final Map<String, Object[]> UNARY = Map.ofEntries(
            Map.entry("neg", new Object[] {(UnaryOperator<Real>) Real::neg, -3.0, 3.0}),
            Map.entry("exp", new Object[] {(UnaryOperator<Real>) Real::exp, -3.0, 3.0}),
            Map.entry("log", new Object[] {(UnaryOperator<Real>) Real::log, 0.2, 5.0}),
            Map.entry("sqrt", new Object[] {(UnaryOperator<Real>) Real::sqrt, 0.2, 5.0}),
            Map.entry("sin", new Object[] {(UnaryOperator<Real>) Real::sin, -3.0, 3.0}),
            Map.entry("cos", new Object[] {(UnaryOperator<Real>) Real::cos, -3.0, 3.0}),
            Map.entry("tan", new Object[] {(UnaryOperator<Real>) Real::tan, -1.2, 1.2}),
            Map.entry("tanh", new Object[] {(UnaryOperator<Real>) Real::tanh, -3.0, 3.0}),
            Map.entry("abs", new Object[] {(UnaryOperator<Real>) Real::abs, 0.1, 3.0}),
            Map.entry("abs-", new Object[] {(UnaryOperator<Real>) Real::abs, -3.0, -0.1}),
            Map.entry("square", new Object[] {(UnaryOperator<Real>) Real::square, -3.0, 3.0}),
            Map.entry("reciprocal", new Object[] {(UnaryOperator<Real>) Real::reciprocal, 0.3, 3.0}),
            Map.entry("log1p", new Object[] {(UnaryOperator<Real>) Real::log1p, -0.5, 3.0}),
            Map.entry("expm1", new Object[] {(UnaryOperator<Real>) Real::expm1, -3.0, 3.0}),
            Map.entry("sigmoid", new Object[] {(UnaryOperator<Real>) Real::sigmoid, -5.0, 5.0}),
            Map.entry("softplus", new Object[] {(UnaryOperator<Real>) Real::softplus, -5.0, 5.0}),
            Map.entry("asin", new Object[] {(UnaryOperator<Real>) Real::asin, -0.8, 0.8}),
            Map.entry("acos", new Object[] {(UnaryOperator<Real>) Real::acos, -0.8, 0.8}),
            Map.entry("atan", new Object[] {(UnaryOperator<Real>) Real::atan, -3.0, 3.0}),
            Map.entry("sinh", new Object[] {(UnaryOperator<Real>) Real::sinh, -2.0, 2.0}),
            Map.entry("cosh", new Object[] {(UnaryOperator<Real>) Real::cosh, -2.0, 2.0}));

    @Test
    @SuppressWarnings("unchecked")
    void unaryPrimitivesMatchFiniteDifferences() {
        for (var e : UNARY.entrySet()) {
            UnaryOperator<Real> f = (UnaryOperator<Real>) e.getValue()[0];
            double lo = (double) e.getValue()[1], hi = (double) e.getValue()[2];
            Prop.forAll("unary " + e.getKey(), 5, r -> Check.scalarFunction(e.getKey(), f, Prop.uniform(r, lo, hi), 1e-7));
        }
    }

    @Test
    void binaryPrimitivesMatchFiniteDifferencesInEachArgument() {
        Prop.forAll("binary", 5, r -> {
            double a = Prop.uniform(r, 0.5, 2), b = Prop.uniform(r, -2, 2);
            Real cb = Real.of(b), ca = Real.of(a);
            Check.scalarFunction("plus.a", x -> x.plus(cb), a, 1e-7);
            Check.scalarFunction("plus.b", x -> ca.plus(x), b, 1e-7);
            Check.scalarFunction("minus.a", x -> x.minus(cb), a, 1e-7);
            Check.scalarFunction("minus.b", x -> ca.minus(x), b, 1e-7);
            Check.scalarFunction("times.a", x -> x.times(cb).times(x), a, 1e-7);
            Check.scalarFunction("times.b", x -> ca.times(x).times(x), b, 1e-7);
            Check.scalarFunction("div.a", x -> x.div(cb.plus(3)), a, 1e-7);
            Check.scalarFunction("div.b", x -> ca.div(x.plus(3)), b, 1e-7);
            Check.scalarFunction("pow.a", x -> x.pow(cb), a, 1e-7);
            Check.scalarFunction("pow.b", x -> ca.pow(x), b, 1e-7);
            Check.scalarFunction("atan2.a", x -> x.atan2(cb), a, 1e-7);
            Check.scalarFunction("atan2.b", x -> ca.atan2(x), b, 1e-7);
            Check.scalarFunction("hypot.a", x -> x.hypot(cb), a, 1e-7);
            Check.scalarFunction("hypot.b", x -> ca.hypot(x), b, 1e-7);
            Check.scalarFunction("max", x -> x.max(cb).times(x), a, 1e-7);
            Check.scalarFunction("min", x -> x.min(cb).times(x), a, 1e-7);
            Check.scalarFunction("both", x -> x.times(x).pow(x.sin().plus(2)).div(x.hypot(x.cos())), a, 1e-6);
        });
    }
}
