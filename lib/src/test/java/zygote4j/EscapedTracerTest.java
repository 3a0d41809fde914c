package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A tracked value that outlives its gradient (kept in a field) or travels to another
 * thread raises a clear IllegalStateException on every path that would differentiate it:
 * scalar operations, primitives, element reads, and the entry points.
 */
class EscapedTracerTest {
    private static final String AFTER_RETURN = "that has already returned";

    /** Keeps the tracked argument of a finished gradient, as a field would. */
    static Real escapedReal() {
        Real[] kept = new Real[1];
        gradient(x -> {
            kept[0] = x.times(2);
            return x.square();
        }, 3);
        return kept[0];
    }

    static Tensor escapedTensor() {
        Tensor[] kept = new Tensor[1];
        gradient((Tensor v) -> {
            kept[0] = v;
            return v.sum();
        }, Tensor.of(1, 2, 3));
        return kept[0];
    }

    static Real escapedForward() {
        Real[] kept = new Real[1];
        jvp((Real x) -> {
            kept[0] = x;
            return x.sin();
        }, Real.of(1), Real.ONE);
        return kept[0];
    }

    static void assertEscaped(String op, String kind, String why, Executable use) {
        IllegalStateException e = assertThrows(IllegalStateException.class, use);
        String m = e.getMessage();
        assertTrue(m.startsWith("Escaped tracer: " + op + " "), m);
        assertTrue(m.contains(kind), m);
        assertTrue(m.contains(why), m);
        assertEquals(0, Levels.depth());
    }

    @Test
    void scalarOperationsOnAnEscapedReal() {
        Real x = escapedReal();
        String rev = "reverse-mode level (gradient/pullback)";
        assertEscaped("sin", rev, AFTER_RETURN, x::sin);
        assertEscaped("times", rev, AFTER_RETURN, () -> x.times(2));
        assertEscaped("plus", rev, AFTER_RETURN, () -> Real.of(1).plus(x));
        assertEscaped("pow", rev, AFTER_RETURN, () -> x.pow(x));
        // as an operand next to a live tracer of a newer gradient
        assertEscaped("times", rev, AFTER_RETURN, () -> gradient(y -> y.times(x), 1));
        // inside ignore(): a closed level is never a hidden constant
        assertEscaped("exp", rev, AFTER_RETURN, () -> ignore(() -> x.exp()));
        // through primitives: Tensor.of(Real...), a tensor op with a Real operand
        assertEscaped("Tensor.of", rev, AFTER_RETURN, () -> Tensor.of(x, Real.of(1)));
        assertEscaped("Tensor.scalar", rev, AFTER_RETURN, () -> Tensor.of(1, 2).times(x));
        assertEscaped("cube", rev, AFTER_RETURN, () -> GradCheckTest.cube().apply(x));
    }

    @Test
    void tensorOperationsOnAnEscapedTensor() {
        Tensor v = escapedTensor();
        String rev = "reverse-mode level (gradient/pullback)";
        assertEscaped("get", rev, AFTER_RETURN, () -> v.get(0));
        assertEscaped("times", rev, AFTER_RETURN, () -> v.times(2));
        assertEscaped("sum", rev, AFTER_RETURN, v::sum);
        assertEscaped("reshape", rev, AFTER_RETURN, () -> v.reshape(3, 1));
        assertEscaped("exp", rev, AFTER_RETURN, v::exp);
        assertEscaped("plus", rev, AFTER_RETURN, () -> Tensor.of(1, 1, 1).plus(v));
    }

    @Test
    void anEscapedForwardTracer() {
        Real x = escapedForward();
        String fwd = "forward-mode level (jvp/hessian/forwarddiff)";
        assertEscaped("cos", fwd, AFTER_RETURN, x::cos);
        assertEscaped("div", fwd, AFTER_RETURN, () -> x.div(3));
        assertEscaped("times", fwd, AFTER_RETURN, () -> jvp((Real y) -> y.times(x), Real.of(2), Real.ONE));
    }

    @Test
    void escapedValuesGivenToEntryPoints() {
        Real x = escapedReal();
        String rev = "reverse-mode level (gradient/pullback)";
        assertEscaped("gradient", rev, AFTER_RETURN, () -> gradient(y -> y.square(), x));
        assertEscaped("pullback", rev, AFTER_RETURN, () -> pullback(y -> y.square(), x));
        assertEscaped("jvp", rev, AFTER_RETURN, () -> jvp(Real::sin, x, Real.ONE));
        assertEscaped("jvp", rev, AFTER_RETURN, () -> jvp(Real::sin, Real.of(1), x));
        Pullback p = pullback(y -> y.square(), 2);
        assertEscaped("pullback.back", rev, AFTER_RETURN, () -> p.back(x));
        // an escaped Tensor inside a record argument
        assertEscaped("gradient", rev, AFTER_RETURN,
                () -> gradient((Pair q) -> q.a().sum(), new Pair(escapedTensor(), 1.0)));
    }

    /** A record argument. */
    record Pair(Tensor a, double b) {
    }

    @Test
    void anInnerTracerReturnedAsTheResult() {
        // The function returns a tracer of an inner gradient that has already returned: it
        // must not quietly count as a constant (which would give the gradient "nothing").
        String rev = "reverse-mode level (gradient/pullback)";
        assertEscaped("gradient", rev, AFTER_RETURN, () -> gradient(x -> {
            Real[] inner = new Real[1];
            gradient(y -> {
                inner[0] = y.times(x);
                return inner[0];
            }, x);
            return inner[0];
        }, 2));
        assertEscaped("jvp", rev, AFTER_RETURN, () -> jvp((Real x) -> {
            Real[] inner = new Real[1];
            gradient(y -> {
                inner[0] = y.times(x);
                return inner[0];
            }, x);
            return inner[0];
        }, Real.of(2), Real.ONE));
        // a plain result is fine, and so is an inner function's result tracked by an outer level
        assertEquals("(nothing,)", gradient(x -> Real.of(1), 2).toString());
        assertEquals("(4.0,)", gradient(x -> gradient(y -> x.square(), 1).get(0) == null ? x.square() : x, 2)
                .toString());
    }

    @Test
    void readingTheNumberOfAnEscapedValueIsAllowed() {
        Real x = escapedReal();
        assertEquals(6.0, x.value(), 0);
        assertEquals("6.0", x.toString());
        assertEquals(Real.of(6), x);
        assertEquals("(2.0,)", gradient(y -> y.times(dropgrad(x)).div(3), 1).toString());
        Tensor v = escapedTensor();
        assertEquals("[1.0, 2.0, 3.0]", v.toString());
        assertEquals(3, v.length());
        assertEquals(6.0, dropgrad(v).sum().value(), 0);
    }

    /** Runs body on another thread and returns what it threw (null if nothing). */
    static Throwable onAnotherThread(Runnable body) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "other");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return thrown.get();
    }

    static void assertOtherThread(String op, Throwable e) {
        assertTrue(e instanceof IllegalStateException, "expected an IllegalStateException, got " + e);
        String m = e.getMessage();
        assertTrue(m.startsWith("Escaped tracer: " + op + " on thread 'other' was given a value tracked by a "), m);
        assertTrue(m.contains("of thread '" + Thread.currentThread().getName() + "'"), m);
        assertTrue(m.contains("pass plain values between threads"), m);
    }

    @Test
    void aTracerUsedOnAnotherThreadWhileItsGradientRuns() {
        Throwable[] seen = new Throwable[4];
        gradient((Tensor v) -> {
            Real x = v.get(0);
            seen[0] = onAnotherThread(() -> x.sin());
            seen[1] = onAnotherThread(() -> Real.of(2).times(x));
            seen[2] = onAnotherThread(() -> v.get(1));
            seen[3] = onAnotherThread(() -> v.times(2));
            return v.sum();
        }, Tensor.of(1, 2));
        assertOtherThread("sin", seen[0]);
        assertOtherThread("times", seen[1]);
        assertOtherThread("get", seen[2]);
        assertOtherThread("times", seen[3]);
    }

    @Test
    void aHiddenLevelIsNotAConstantOnAnotherThread() {
        // Inside ignore() the owning thread sees x as a constant; another thread must not
        // silently do the same, since the level is not its own.
        Throwable[] seen = new Throwable[3];
        Grads g = gradient((Tensor v) -> {
            Real x = v.get(0);
            ignore(() -> {
                seen[0] = onAnotherThread(() -> x.exp());
                seen[1] = onAnotherThread(() -> v.get(1));
                seen[2] = onAnotherThread(() -> v.square());
                return null;
            });
            return x.times(3);
        }, Tensor.of(1, 2));
        assertOtherThread("exp", seen[0]);
        assertOtherThread("get", seen[1]);
        assertOtherThread("square", seen[2]);
        assertEquals("([3.0, 0.0],)", g.toString());
    }

    @Test
    void anEscapedTracerUsedOnAnotherThreadAfterReturn() {
        Real x = escapedReal();
        Throwable e = onAnotherThread(() -> x.sin());
        assertTrue(e instanceof IllegalStateException && e.getMessage().contains(AFTER_RETURN), String.valueOf(e));
    }

    @Test
    void plainResultsAndPullbacksMayCrossThreads() {
        // Results are plain values, and a finished pullback is plain data: both are fine anywhere.
        Pullback p = pullback(x -> x.square().sin(), 1.5);
        Grads here = p.back(1);
        AtomicReference<Grads> there = new AtomicReference<>();
        assertNull(onAnotherThread(() -> there.set(p.back(1))));
        assertEquals(here.real(0), there.get().real(0));
        Supplier<Real> g = () -> gradient(x -> x.square(), 3).real(0);
        Real r = g.get();
        assertNull(onAnotherThread(() -> r.times(2).sin()));
    }
}
