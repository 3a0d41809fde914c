package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zygote4j.Zygote.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ordinary Java control flow inside a differentiated function: branches on values, loops,
 * recursion, closures and try/catch; exceptions from the user's code reach the caller
 * unchanged and leave the thread's level stack empty.
 */
class ControlFlowTest {
    /** A branch on the value: x^2 for x > 0, else -x^3. */
    static Real piecewise(Real x) {
        return x.value() > 0 ? x.square() : x.pow(3).neg();
    }

    @Test
    void branchesOnValues() {
        assertEquals(2 * 1.5, gradient(ControlFlowTest::piecewise, 1.5).real(0).value(), 0);
        assertEquals(-3 * 4.0, gradient(ControlFlowTest::piecewise, -2).real(0).value(), 0);
        assertEquals(-12.0, derivative(ControlFlowTest::piecewise, -2), 0);
        // second derivative on each side
        assertEquals(2.0, gradient(x -> gradient(ControlFlowTest::piecewise, x).real(0), 1.5).real(0).value(), 0);
        assertEquals(12.0, gradient(x -> gradient(ControlFlowTest::piecewise, x).real(0), -2).real(0).value(), 0);
    }

    /** Newton's iteration for sqrt(a): the loop count depends on the value. */
    static Real newtonSqrt(Real a) {
        Real x = Real.of(1);
        for (int i = 0; i < 100 && Math.abs(x.value() * x.value() - a.value()) > 1e-15 * a.value(); i++) {
            x = x.plus(a.div(x)).times(0.5);
        }
        return x;
    }

    @Test
    void loopsWithValueDependentLength() {
        // Differentiating through the iterations converges to d sqrt(a)/da = 1 / (2 sqrt a).
        double a = 2.0;
        assertEquals(Math.sqrt(a), newtonSqrt(Real.of(a)).value(), 1e-15);
        assertEquals(0.5 / Math.sqrt(a), gradient(ControlFlowTest::newtonSqrt, a).real(0).value(), 1e-12);
        assertEquals(0.5 / Math.sqrt(a), derivative(ControlFlowTest::newtonSqrt, a), 1e-12);
    }

    @Test
    void loopsOverTensorElements() {
        // sum_i x_i^i by element reads in a loop
        Tensor x = Tensor.of(2, 3, 4);
        Grads g = gradient((Tensor v) -> {
            Real s = Real.of(0);
            for (int i = 0; i < v.length(); i++) s = s.plus(v.get(i).pow(i + 1));
            return s;
        }, x);
        assertEquals("([1.0, 6.0, 48.0],)", g.toString());
    }

    /** x^n by recursion: x^n = x * x^(n-1). */
    static Real power(Real x, int n) {
        return n == 0 ? Real.of(1) : x.times(power(x, n - 1));
    }

    /** A recursion whose depth depends on the value: halve until below 1, then square. */
    static Real halveThenSquare(Real x) {
        return x.value() < 1 ? x.square() : halveThenSquare(x.times(0.5));
    }

    @Test
    void recursion() {
        assertEquals(5 * Math.pow(1.3, 4), gradient(x -> power(x, 5), 1.3).real(0).value(), 1e-12);
        assertEquals(20 * Math.pow(1.3, 3), gradient(x -> gradient(y -> power(y, 5), x).real(0), 1.3).real(0).value(), 1e-12);
        // x = 5 is halved three times: f = (x/8)^2, f' = 2x/64
        assertEquals(10.0 / 64, gradient(ControlFlowTest::halveThenSquare, 5).real(0).value(), 1e-15);
    }

    @Test
    void closuresOverOuterValues() {
        Real c = Real.of(3);               // a plain constant captured by the closure
        Tensor w = Tensor.of(1, 2);        // a plain tensor captured
        assertEquals("(3.0,)", gradient(x -> x.times(c), 2).toString());
        assertEquals("([1.0, 2.0],)", gradient((Tensor v) -> v.times(w).sum(), Tensor.of(5, 6)).toString());
        // a closure over a value tracked by an outer gradient is a constant inside, tracked outside
        Grads g = gradient((a, b) -> gradient(x -> x.times(a).times(b), 1).real(0).times(a), 2, 3);
        assertEquals("(12.0, 4.0)", g.toString());
        // closures stored in a list and called later, inside the same gradient
        Grads h = gradient(x -> {
            List<java.util.function.UnaryOperator<Real>> fs = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                final int k = i;
                fs.add(y -> y.times(x).times(k));
            }
            Real s = Real.of(0);
            for (var f : fs) s = s.plus(f.apply(x));
            return s;   // 6 x^2
        }, 2);
        assertEquals("(24.0,)", h.toString());
    }

    @Test
    void tryCatchInsideTheFunction() {
        // The function catches an exception of its own and goes on with the tape intact.
        Grads g = gradient((Tensor v) -> {
            Real s = v.get(0);
            try {
                s = s.plus(v.get(7));   // out of range: throws before recording anything
            } catch (IndexOutOfBoundsException e) {
                s = s.times(v.get(1));
            }
            return s;
        }, Tensor.of(2, 3));
        assertEquals("([3.0, 2.0],)", g.toString());
        // It catches an exception from a nested gradient and goes on; the inner level is gone.
        int[] depthInside = new int[1];
        Grads h = gradient(x -> {
            Real r;
            try {
                r = gradient(y -> {
                    throw new ArithmeticException("inner");
                }, x).real(0);
            } catch (ArithmeticException e) {
                depthInside[0] = Levels.depth();
                r = x.square();
            }
            return r.times(x);
        }, 2);
        assertEquals("(12.0,)", h.toString());
        assertEquals(1, depthInside[0]);
        assertEquals(0, Levels.depth());
    }

    @Test
    void exceptionsReachTheCallerUnchangedAndTheStackIsClean() {
        IllegalStateException mine = new IllegalStateException("mine");
        assertSame(mine, assertThrows(IllegalStateException.class, () -> gradient(x -> {
            throw mine;
        }, 1)));
        assertEquals(0, Levels.depth());
        assertSame(mine, assertThrows(IllegalStateException.class, () -> jvp((Real x) -> {
            throw mine;
        }, Real.of(1), Real.ONE)));
        assertEquals(0, Levels.depth());
        assertSame(mine, assertThrows(IllegalStateException.class, () -> derivative(x -> {
            throw mine;
        }, 1)));
        assertEquals(0, Levels.depth());
        assertSame(mine, assertThrows(IllegalStateException.class, () -> pullback(x -> {
            throw mine;
        }, 1)));
        assertEquals(0, Levels.depth());
        // an Error, not only a RuntimeException
        AssertionError err = new AssertionError("err");
        assertSame(err, assertThrows(AssertionError.class, () -> withgradient(x -> {
            throw err;
        }, 1)));
        assertEquals(0, Levels.depth());
    }

    @Test
    void exceptionInsideANestedGradientLeavesEveryLevelClosed() {
        RuntimeException mine = new RuntimeException("deep");
        int[] depthAtThrow = new int[1];
        RuntimeException got = assertThrows(RuntimeException.class, () -> gradient(x -> jvp((Real y) ->
                gradient(z -> {
                    depthAtThrow[0] = Levels.depth();
                    throw mine;
                }, y).real(0), x, Real.ONE).tangent(), 1));
        assertSame(mine, got);
        assertEquals(3, depthAtThrow[0]);
        assertEquals(0, Levels.depth());
        // The thread works normally afterwards.
        assertEquals("(6.0,)", gradient(x -> x.square(), 3).toString());
    }

    @Test
    void exceptionInsideTheBackwardPassReachesTheCaller() {
        RuntimeException mine = new RuntimeException("hook");
        Pullback p = pullback(x -> hook((Real g) -> {
            throw mine;
        }, x).square(), 3);
        assertSame(mine, assertThrows(RuntimeException.class, () -> p.back(1)));
        assertEquals(0, Levels.depth());
        // Inside an outer gradient the backward pass is tracked; the outer level stays usable.
        // (The hook is recorded at both levels, and the outer one runs with no cotangent.)
        Grads g = gradient(x -> {
            try {
                gradient(y -> hook((Real c) -> {
                    if (c != null) throw mine;
                    return c;
                }, y).times(x), x);
            } catch (RuntimeException e) {
                assertSame(mine, e);
            }
            return x.square();
        }, 3);
        assertEquals("(6.0,)", g.toString());
        assertEquals(0, Levels.depth());
    }

    @Test
    void unusedArgumentGivesNothingAfterBranches() {
        // b only matters on the branch not taken
        Grads g = gradient((a, b) -> a.value() > 0 ? a.square() : a.times(b), 2, 5);
        assertEquals(4.0, g.real(0).value(), 0);
        assertNull(g.get(1));
    }
}
