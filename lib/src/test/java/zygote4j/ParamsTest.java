package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Implicit parameters: {@code gradient(() -> loss, Params.of(...))}, looked up by parameter. */
class ParamsTest {
    @Test
    void gradientsAreLookedUpByParameter() {
        Tensor w = Tensor.of(1, 2), b = Tensor.of(3);
        Params ps = Params.of(w, b);
        Grads g = gradient(() -> w.times(w).sum().plus(b.get(0).times(2)), ps);
        assertEquals("[2.0, 4.0]", g.get(w).toString());
        assertEquals("[2.0]", g.get(b).toString());
        assertEquals(2, g.size());
        assertEquals(g.get(w), g.get(0));
        assertEquals("([2.0, 4.0], [2.0])", g.toString());
        WithGradient wg = withgradient(() -> w.times(w).sum(), Params.of(w));
        assertEquals(5.0, ((Real) wg.val()).value());
        assertEquals("[2.0, 4.0]", wg.grad().get(w).toString());
    }

    @Test
    void aSmallModelMatchesTheExplicitGradient() {
        Prop.forAll("implicit model", 4, r -> {
            Tensor w = Prop.tensor(r, -1, 1, 3, 2), c = Prop.tensor(r, -1, 1, 3), x = Prop.tensor(r, -1, 1, 2);
            Grads implicit = gradient(() -> loss(w, c, x), Params.of(w, c));
            Grads explicit = gradient((a, bb) -> loss(a, bb, x), w, c);
            assertEquals(explicit.get(0), implicit.get(w));
            assertEquals(explicit.get(1), implicit.get(c));
        });
    }

    /** A layer and a loss that use every kind of operation: reads, reshape, slices, broadcasting, reductions. */
    private static Real loss(Tensor w, Tensor c, Tensor x) {
        Tensor h = w.times(x).sum(1).plus(c).tanh();                  // 3 hidden units
        Real read = w.get(2, 1).times(c.reshape(3, 1).slice(at(0), at(0)).get());
        return h.softmax().logsumexp().plus(read).plus(Tensor.concat(0, w.transpose().reshape(-1), c).max());
    }

    @Test
    void parametersThatTheLossDoesNotUseGetNothing() {
        Tensor w = Tensor.of(1, 2), unused = Tensor.of(3);
        Grads g = gradient(() -> w.sum(), Params.of(w, unused));
        assertNull(g.get(unused));
        assertEquals("([1.0, 1.0], nothing)", g.toString());
        assertNull(gradient(() -> dropgrad(w).sum(), Params.of(w)).get(w));
        assertNull(gradient(() -> ignore(() -> w.times(2)).sum(), Params.of(w)).get(w));
        assertNull(gradient(() -> ignore(() -> w).sum(), Params.of(w)).get(w));
        assertNull(gradient(() -> Real.of(3), Params.of(w)).get(w));
    }

    @Test
    void parametersArePlainOutsideTheirGradientAndOnOtherThreads() throws Exception {
        Tensor w = Tensor.of(1, 2);
        AtomicReference<Tensor> seenElsewhere = new AtomicReference<>();
        Grads g = gradient(() -> {
            Thread t = new Thread(() -> seenElsewhere.set(w.times(3)));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return w.times(w).sum();
        }, Params.of(w));
        assertEquals("[2.0, 4.0]", g.get(w).toString());
        assertNull(seenElsewhere.get().level, "another thread sees the plain parameter");
        assertNull(w.times(2).level);
        assertNull(w.get(0).level);
        assertNull(w.reshape(2, 1).level);
    }

    @Test
    void implicitGradientsNestAndMixWithExplicitOnes() {
        Tensor w = Tensor.of(3);
        Params ps = Params.of(w);
        // d/dw of d/dw (w^3) = 6w
        Grads g2 = gradient(() -> ((Tensor) gradient(() -> w.get(0).pow(3), ps).get(w)).get(0), ps);
        assertEquals("[18.0]", g2.get(w).toString());
        // an explicit gradient with respect to a parameter, inside an implicit one
        Grads g3 = gradient(() -> gradient(v -> v.get(0).pow(3), w).tensor(0).get(0), ps);
        assertEquals("[18.0]", g3.get(w).toString());
        // an implicit gradient inside an explicit one: the parameter is a constant to the outer level
        Grads g4 = gradient(a -> ((Tensor) gradient(() -> w.get(0).times(a).times(a), Params.of(w)).get(w)).get(0), 2.0);
        assertEquals("(4.0,)", g4.toString());
        // forward mode of a parameter inside the loss
        Grads g5 = gradient(() -> jvp(Tensor::sin, w, Tensor.of(1)).tangent().get(0), ps);
        assertEquals(-Math.sin(3), ((Tensor) g5.get(w)).get(0).value(), 1e-15);
    }

    @Test
    void misuseIsAClearError() {
        Tensor w = Tensor.of(1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gradient(() -> w, Params.of(w)));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("jacobian"), e.getMessage());
        Grads g = gradient(() -> w.sum(), Params.of(w));
        e = assertThrows(IllegalArgumentException.class, () -> g.get(Tensor.of(1, 2)));
        assertTrue(e.getMessage().contains("not one of the parameters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Params.of(w, null));
        assertTrue(e.getMessage().contains("parameter 1 is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gradient(x -> {
            Params.of(x);
            return x.sum();
        }, Tensor.of(1)));
        assertTrue(e.getMessage().contains("tracked"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gradient(p -> w.sum(), Params.of(w)));
        assertTrue(e.getMessage().contains("gradient(() -> loss, params)"), e.getMessage());
        assertEquals(1, Params.of(w, w).size());
        assertSame(w, Params.of(w).get(0));
        RuntimeException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> gradient(() -> {
            throw boom;
        }, Params.of(w))));
        assertNull(w.times(2).level, "the failed session has ended");
    }
}
