package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Derivatives of derivatives, in every mix of modes, and the classic perturbation
 * confusion: d/dx [x * d/dy (x + y) at y = 1] at x = 1 must be 1 (a confused
 * implementation, which lets the inner derivative see x's perturbation, gives 2).
 */
class NestingTest {
    private static final double X = 0.7;

    /** d/dx f by reverse mode, usable on a tracked x. */
    static Real rev(UnaryOperator<Real> f, Real x) {
        return Check.gradOrZero(f, x);
    }

    /** d/dx f by forward mode, usable on a tracked x. */
    static Real fwd(UnaryOperator<Real> f, Real x) {
        return jvp(f, x, Real.ONE).tangent();
    }

    @Test
    void thirdDerivativeOfSineInEveryMixOfModes() {
        UnaryOperator<Real> sin = Real::sin;
        double expected = -Math.cos(X);
        // gradient of gradient of gradient
        assertEquals(expected, gradient(x -> rev(y -> rev(sin, y), x), X).real(0).value(), 1e-15);
        // forward at the outside, reverse inside
        assertEquals(expected, derivative(x -> rev(y -> rev(sin, y), x), X), 1e-15);
        // reverse outside, forward in the middle, reverse inside
        assertEquals(expected, gradient(x -> fwd(y -> rev(sin, y), x), X).real(0).value(), 1e-15);
        // reverse outside, reverse in the middle, forward inside
        assertEquals(expected, gradient(x -> rev(y -> fwd(sin, y), x), X).real(0).value(), 1e-15);
        // forward, forward, forward
        assertEquals(expected, derivative(x -> fwd(y -> fwd(sin, y), x), X), 1e-15);
        // forward outside, reverse, forward
        assertEquals(expected, derivative(x -> rev(y -> fwd(sin, y), x), X), 1e-15);
        // pullback in the middle
        assertEquals(expected, gradient(x -> ((Real) pullback(y -> rev(sin, y), x).back(1).get(0)), X)
                .real(0).value(), 1e-15);
    }

    @Test
    void fourthDerivativeByNestingFourLevels() {
        // d^4/dx^4 sin = sin, through four nested levels alternating modes.
        UnaryOperator<Real> sin = Real::sin;
        double d4 = gradient(x -> fwd(y -> rev(z -> fwd(sin, z), y), x), X).real(0).value();
        assertEquals(Math.sin(X), d4, 1e-14);
        double d4r = gradient(x -> rev(y -> rev(z -> rev(sin, z), y), x), X).real(0).value();
        assertEquals(Math.sin(X), d4r, 1e-14);
    }

    @Test
    void perturbationConfusionReverseInReverse() {
        Grads g = gradient(x -> x.times(gradient(y -> x.plus(y), 1).real(0)), 1);
        assertEquals("(1.0,)", g.toString());
    }

    @Test
    void perturbationConfusionForwardInsideReverse() {
        // jvp inside gradient: the inner tangent must not see x's tape entry.
        Grads g = gradient(x -> x.times(jvp(y -> x.plus(y), Real.of(1), Real.ONE).tangent()), 1);
        assertEquals("(1.0,)", g.toString());
        // derivative (a plain double result) inside gradient
        Grads h = gradient(x -> x.times(derivative(y -> x.plus(y), 1)), 1);
        assertEquals("(1.0,)", h.toString());
    }

    @Test
    void perturbationConfusionReverseInsideForward() {
        double d = derivative(x -> x.times(gradient(y -> x.plus(y), 1).real(0)), 1);
        assertEquals(1.0, d, 0);
        Jvp<Real> j = jvp(x -> x.times(gradient(y -> x.plus(y), Real.of(1)).real(0)), Real.of(1), Real.ONE);
        assertEquals(1.0, j.val().value(), 0);
        assertEquals(1.0, j.tangent().value(), 0);
    }

    @Test
    void perturbationConfusionForwardInsideForward() {
        double d = derivative(x -> x.times(fwd(y -> x.plus(y), Real.of(1))), 1);
        assertEquals(1.0, d, 0);
    }

    @Test
    void innerDerivativeThatDependsOnTheOuterVariable() {
        // d/dx [x * d/dy (x y)] = d/dx x^2 = 2x: the inner derivative is x, tracked outside.
        assertEquals(6.0, gradient(x -> x.times(rev(y -> x.times(y), Real.of(2))), 3).real(0).value(), 0);
        assertEquals(6.0, gradient(x -> x.times(fwd(y -> x.times(y), Real.of(2))), 3).real(0).value(), 0);
        assertEquals(6.0, derivative(x -> x.times(rev(y -> x.times(y), Real.of(2))), 3), 0);
        assertEquals(6.0, derivative(x -> x.times(fwd(y -> x.times(y), Real.of(2))), 3), 0);
    }

    @Test
    void nestedGradientWithRespectToTheSameValueTwice() {
        // y is x itself, passed into the inner gradient: d/dx [d/dy (y^3) at y = x] = 6x.
        assertEquals(6 * X, gradient(x -> rev(y -> y.pow(3), x), X).real(0).value(), 1e-14);
        assertEquals(6 * X, gradient(x -> fwd(y -> y.pow(3), x), X).real(0).value(), 1e-14);
        assertEquals(6 * X, derivative(x -> rev(y -> y.pow(3), x), X), 1e-14);
    }

    @Test
    void tensorElementReadsUnderNesting() {
        // f(v) = v0^2 v1: d/dv0 (d/dv1 f) = 2 v0, through element reads at two levels.
        Tensor v = Tensor.of(1.5, -2);
        Tensor g = gradient((Tensor w) -> gradient((Tensor u) -> u.get(0).square().times(u.get(1)), w)
                .tensor(0).get(1), v).tensor(0);
        assertEquals("[3.0, 0.0]", g.toString());
        Real fo = jvp((Tensor w) -> gradient((Tensor u) -> u.get(0).square().times(u.get(1)), w).tensor(0).get(1),
                v, Tensor.of(1, 0)).tangent();
        assertEquals(3.0, fo.value(), 0);
    }

    @Test
    void aPullbackTakenOutsideDifferentiatedInsideInItsCotangent() {
        // back is linear in its cotangent; differentiating through it gives the partials.
        Pullback p = pullback((a, b) -> a.sin().times(b), 1.0, 2.0);
        Grads g = gradient(s -> p.back(s).real(0).plus(p.back(s).real(1)), 3);
        assertEquals(2 * Math.cos(1) + Math.sin(1), g.real(0).value(), 1e-15);
        Pullback q = pullback((Tensor v) -> v.times(v), Tensor.of(1, 2));
        Grads h = gradient((Tensor s) -> q.back(s).tensor(0).sum(), Tensor.of(5, 7));
        assertEquals("([2.0, 4.0],)", h.toString());
    }

    @Test
    void levelStackIsEmptyAfterNesting() {
        gradient(x -> fwd(y -> rev(z -> fwd(Real::sin, z), y), x), X);
        assertEquals(0, Levels.depth());
    }
}
