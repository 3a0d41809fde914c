package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import org.junit.jupiter.api.Test;

/** The Javadoc examples of the hessian, forwarddiff, checkpointed and Buffer methods, as written there. */
class UtilityDocExamplesTest {
    @Test
    void hessianExamples() {
        assertEquals("[[0.0, 1.0],\n [1.0, 0.0]]", hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3)).toString());
        assertEquals("[[2.0, 0.0, 0.0],\n [0.0, 2.0, 0.0],\n [0.0, 0.0, 2.0]]", hessian(v -> v.square().sum(), Tensor.of(1, 2, 3), 3).toString());
        assertEquals(12.0, hessian(x -> x.pow(3), 2));
        assertEquals(12.0, hessian(x -> x.pow(3), Real.of(2)).value());
        assertEquals("[[0.0, 1.0],\n [1.0, 0.0]]", hessianReverse(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3)).toString());
        assertEquals(12.0, hessianReverse(x -> x.pow(3), 2));
        assertEquals(12.0, hessianReverse(x -> x.pow(3), Real.of(2)).value());
    }

    @Test
    void diaghessianExamples() {
        assertEquals("([6.0, 12.0],)", diaghessian(x -> x.pow(3).sum(), Tensor.of(1, 2)).toString());
        assertEquals("(12.0,)", diaghessian(x -> x.pow(3), 2).toString());
        assertEquals("(6.0, 0.0)", diaghessian((a, b) -> a.square().times(b), 2, 3).toString());
        assertEquals("(0.0, 0.0, 4.0)", diaghessian((a, b, c) -> a.times(b).times(c.square()), 1, 2, 3).toString());
        assertEquals("(2.0, 0.0, 0.0, 24.0)", diaghessian((a, b, c, d) -> a.square().plus(d.pow(3)), 1, 2, 3, 4).toString());
        assertEquals("(12.0, 0.0, 0.0, 0.0, 0.0)",
                diaghessian(xs -> ((Real) xs[0]).pow(3).times((Real) xs[4]), 2, 0, 0, 0, 1).toString());
    }

    @Test
    void forwarddiffExamples() {
        assertEquals("(10.0,)", gradient(x -> forwarddiff(y -> y.times(y), x), 5).toString());
        assertEquals("(3.0, nothing)", gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3).toString());
        assertEquals("(3.0, 2.0)", gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3).toString());
        assertEquals("9.0", forwarddiff(x -> x.square(), 3).toString());
        assertEquals(Tensor.full(2, 100), gradient(v -> forwarddiff(w -> w.square().sum(), v, 100), Tensor.ones(100)).tensor(0));
    }

    @Test
    void checkpointedExamples() {
        assertEquals("(1.3817732906760363,)", gradient(x -> checkpointed(y -> y.sin().times(y), x), 1).toString());
        assertEquals("9.0", checkpointed(x -> x.square(), 3).toString());
        assertEquals("(1.0, 0.0)", gradient((a, b) -> checkpointed((x, y) -> x.times(y).exp(), a, b), 0, 1).toString());
        assertEquals("6.0", checkpointed((a, b) -> a.times(b), 2, 3).toString());
        assertEquals("(8.0, 6.0)", gradient((a, b) -> checkpointed((x, y, z) -> x.times(y).times(z), a, b, Real.of(2)), 3, 4).toString());
        assertEquals("24.0", checkpointed((a, b, c) -> a.times(b).times(c), 2, 3, 4).toString());
        assertEquals("10.0", checkpointed((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4).toString());
        assertEquals("5.0", checkpointed(xs -> ((Real) xs[0]).times((Real) xs[4]), 1, 2, 3, 4, 5).toString());
    }

    @Test
    void bufferExamples() {
        Tensor xs = Tensor.of(1, 2, 3);
        Buffer buf = Buffer.of(xs, xs.length(), 5);
        assertEquals("[3, 5]", java.util.Arrays.toString(buf.shape()));
        buf.set(Real.of(2), 0, 1);
        assertEquals(2.0, buf.get(0, 1).value());
        buf.set(7, 0, 1);
        assertEquals(7.0, buf.get(0, 1).value());
        buf.set(xs, all(), at(2));
        assertEquals("Buffer([0.0, 0.0])", Buffer.of(Tensor.of(1, 2)).toString());
        buf.copy();
        assertEquals(true, buf.isFrozen());
    }
}
