package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void seedBasics() {
        assertEquals("(3.0, 2.0)", gradient((a, b) -> a.times(b), 2, 3).toString());
        assertEquals("(4.0,)", gradient(a -> a.times(a), 2).toString());
        assertEquals("(nothing, 2.0)", gradient((a, b) -> dropgrad(a).times(b), 2, 3).toString());
        assertEquals("(-3.0, 2.0)", gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3).toString());
        assertEquals("([2.0, 4.0, 6.0],)", gradient(x -> x.times(x).sum(), Tensor.of(1, 2, 3)).toString());
        assertEquals(Math.cos(0.3), derivative(x -> x.sin(), 0.3), 1e-15);
        // second order: d/dx (d/dx x^3) = 6x
        Grads g = gradient(x -> gradient(y -> y.times(y).times(y), x).real(0), 2);
        assertEquals(12.0, g.real(0).value(), 1e-12);
        // perturbation confusion
        Grads pc = gradient(x -> x.times(gradient(y -> x.plus(y), 1).real(0)), 1);
        assertEquals(1.0, pc.real(0).value(), 0);
        // element reads
        assertEquals("([1.0, 1.0, 0.0],)", gradient(x -> x.get(0).plus(x.get(1)), Tensor.of(1, 2, 3)).toString());
        assertEquals("([[1.0, 2.0],\n  [1.0, 2.0]],)", gradient(m -> m.times(Tensor.of(1, 2)).sum(), Tensor.of(new double[][] {{1, 2}, {3, 4}})).toString());
    }
}
