package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.gradient;
import static zygote4j.Zygote.ignore;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The first-order fast path of scalar operations (both operands on one open tape, or one
 * of them a constant) must give what the general path gives, and must leave every other
 * case (nested levels, hidden levels, escaped tracers) to the general path.
 */
class ScalarFastPathTest {
    @Test
    void constantOnEitherSideGivesTheSameGradientAsTheClosedForm() {
        // f(a, b) = (2 - a) * b + a / 3 + 5 / b: d/da = -b + 1/3, d/db = 2 - a - 5 / b^2
        Grads g = gradient((a, b) -> Real.of(2).minus(a).times(b).plus(a.div(3)).plus(Real.of(5).div(b)), 0.7, 1.3);
        assertEquals(-1.3 + 1.0 / 3, g.real(0).value(), 1e-15);
        assertEquals(2 - 0.7 - 5 / (1.3 * 1.3), g.real(1).value(), 1e-14);
    }

    @Test
    void aConstantResultStillGivesAZeroGradientNotNothing() {
        assertEquals(0.0, gradient(x -> x.times(0), 3).real(0).value(), 0);
        assertEquals("(nothing, 2.0)", gradient((a, b) -> ignore(a).times(b), 2, 3).toString());
    }

    @Test
    void outerTracersAreConstantsOfTheInnerTape() {
        // d/dx [x * d/dy (x * y)] = d/dx x^2 = 2x: the inner product mixes two tapes.
        Grads g = gradient(x -> x.times(gradient(y -> x.times(y), 1.0).real(0)), 3);
        assertEquals(6.0, g.real(0).value(), 0);
        // Second order through a binary op: d2/dx2 (x^2 * sin x) at 0.4.
        double x = 0.4;
        Grads h = gradient(t -> gradient(u -> u.times(u).times(u.sin()), t).real(0), x);
        double expected = 2 * Math.sin(x) + 4 * x * Math.cos(x) - x * x * Math.sin(x);
        assertEquals(expected, h.real(0).value(), 1e-14);
    }

    @Test
    void hiddenLevelsAreConstants() {
        Grads g = gradient(x -> x.times(ignore(() -> x.times(x).plus(1))), 3);
        assertEquals(10.0, g.real(0).value(), 0);
    }

    @Test
    void escapedTracersStillFailWithTheClearError() {
        AtomicReference<Real> kept = new AtomicReference<>();
        gradient(x -> {
            kept.set(x);
            return x.square();
        }, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.get().times(kept.get()));
        assertTrue(e.getMessage().contains("Escaped tracer: times"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> kept.get().plus(1));
        assertThrows(IllegalStateException.class, () -> Real.of(1).minus(kept.get()));
        assertThrows(IllegalStateException.class, () -> kept.get().sin());
    }

    @Test
    void tracersUsedOnAnotherThreadFailWithTheClearError() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Grads g = gradient(x -> {
            Thread t = new Thread(() -> {
                try {
                    x.times(x);
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return x.times(2);
        }, 1);
        assertEquals(2.0, g.real(0).value(), 0);
        assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
        assertTrue(seen.get().getMessage().contains("on thread"), seen.get().getMessage());
    }

    @Test
    void unreachedArgumentsGetNothing() {
        assertNull(gradient((a, b) -> b.times(b), 1, 2).get(0));
    }
}
