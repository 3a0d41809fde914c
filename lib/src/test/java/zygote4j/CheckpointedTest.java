package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** checkpointed: one node going forward, f run again in every backward pass, same gradients. */
class CheckpointedTest {
    /** A layer: counts its calls. */
    static final class Layer {
        int calls;

        Tensor apply(Tensor w, Tensor x) {
            calls++;
            return w.times(x).tanh().plus(x.sin().times(w.sum()));
        }
    }

    @Test
    void runsOnceForwardAndOnceMoreForEachBackwardPass() {
        Layer layer = new Layer();
        Tensor w = Tensor.of(0.5, -1, 2);
        Pullback p = pullback(x -> checkpointed((Tensor a) -> layer.apply(w, a).sum(), x), Tensor.of(0.1, 0.2, 0.3));
        assertEquals(1, layer.calls, "after the forward pass");
        Grads g1 = p.back(1);
        assertEquals(2, layer.calls, "after one backward pass");
        Grads g2 = p.back(2);
        assertEquals(3, layer.calls, "after two backward passes");
        Tensor expected = gradient(x -> layer.apply(w, x).sum(), Tensor.of(0.1, 0.2, 0.3)).tensor(0);
        assertEquals(expected, g1.tensor(0));
        assertEquals(expected.times(2), g2.tensor(0));
    }

    @Test
    void sameGradientsAsWithoutCheckpointing() {
        Layer layer = new Layer();
        Prop.forAll("checkpointed gradients", 4, r -> {
            Tensor w = Prop.tensor(r, -1, 1, 4), x = Prop.tensor(r, -1, 1, 4);
            double s = Prop.uniform(r, -1, 1);
            Fn3<Tensor, Tensor, Real> plain = (a, b, c) -> layer.apply(a, layer.apply(a, b)).times(c).sum();
            Fn3<Tensor, Tensor, Real> checked = (a, b, c) -> {
                Tensor h = checkpointed((u, v) -> layer.apply(u, v), a, b);
                Tensor o = checkpointed((u, v) -> layer.apply(u, v), a, h);
                return o.times(c).sum();
            };
            Grads e = gradient(plain, w, x, Real.of(s)), g = gradient(checked, w, x, Real.of(s));
            for (int i = 0; i < 4; i++) {
                Check.close(e.tensor(0).get(i).value(), g.tensor(0).get(i).value(), 1e-14, "dw[" + i + "]");
                Check.close(e.tensor(1).get(i).value(), g.tensor(1).get(i).value(), 1e-14, "dx[" + i + "]");
            }
            Check.close(e.real(2).value(), g.real(2).value(), 1e-14, "ds");
        });
    }

    @Test
    void theTapeHoldsOneNodeForTheWholeFunction() {
        int[] size = {-1};
        gradient(x -> {
            Real y = checkpointed(z -> {
                Real r = z;
                for (int i = 0; i < 10_000; i++) r = r.times(1.0001).sin();
                return r;
            }, x);
            size[0] = ((Tape) y.level).size();
            return y;
        }, 0.5);
        assertEquals(2, size[0], "the argument's leaf and the checkpoint node");
    }

    @Test
    void secondOrderThroughCheckpointing() {
        Layer layer = new Layer();
        Tensor w = Tensor.of(0.3, -0.6, 0.9);
        Function<Tensor, Real> plain = x -> layer.apply(w, x).square().sum();
        Function<Tensor, Real> checked = x -> checkpointed((Fn1<Tensor>) y -> layer.apply(w, y).square().sum(), x);
        Tensor x = Tensor.of(0.4, 0.1, -0.7);
        double[] h = hessian(plain::apply, x).toDoubleArray();
        double[] hc = hessian(checked::apply, x).toDoubleArray();
        double[] hr = hessianReverse(checked::apply, x).toDoubleArray();
        for (int i = 0; i < h.length; i++) {
            Check.close(h[i], hc[i], 1e-13, "forward-over-reverse [" + i + "]");
            Check.close(h[i], hr[i], 1e-13, "reverse-over-reverse [" + i + "]");
        }
        Prop.forAll("checkpointed checks", 2, r -> Check.tensorFunction("checkpointed", checked, Prop.tensor(r, -1, 1, 3), r, 1e-7));
    }

    @Test
    void forwardModeThroughCheckpointing() {
        assertEquals(Math.cos(0.3) * 0.3 + Math.sin(0.3), derivative(x -> checkpointed(y -> y.sin().times(y), x), 0.3), 1e-15);
    }

    @Test
    void severalArgumentsAndNumbers() {
        assertEquals("(1.0, 0.0)", gradient((a, b) -> checkpointed((x, y) -> x.times(y).exp(), a, b), 0, 1).toString());
        assertEquals("(8.0, 6.0)", gradient((a, b) -> checkpointed((x, y, z) -> x.times(y).times(z), a, b, Real.of(2)), 3, 4).toString());
        Real ten = checkpointed((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);
        assertEquals(10.0, ten.value());
        Real five = checkpointed(xs -> ((Real) xs[0]).times((Real) xs[4]), 1, 2, 3, 4, 5);
        assertEquals(5.0, five.value());
        assertEquals("([2.0, 4.0],)", gradient(x -> checkpointed((FnN) xs -> ((Tensor) xs[0]).square().sum(), x), Tensor.of(1, 2)).toString());
        assertEquals("(nothing, 1.0)", gradient((a, b) -> checkpointed((x, y) -> y, a, b), 1, 2).toString());
    }

    @Test
    void closedOverValuesAreConstants() {
        // w is a tracer of the gradient's tape: a constant inside f, both going forward and when f runs again.
        assertEquals("(nothing, 2.0)", gradient((w, x) -> checkpointed(y -> y.times(w), x), 2, 3).toString());
    }

    @Test
    void badUseIsExplained() {
        IllegalArgumentException arg = assertThrows(IllegalArgumentException.class,
                () -> gradient(x -> checkpointed((List<Real> l) -> l.get(0), List.of(x)), 1));
        assertTrue(arg.getMessage().startsWith("checkpointed: argument 0 is"), arg.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> gradient(x -> checkpointed(y -> "text", x), 1));
        assertTrue(out.getMessage().contains("must return a Real or a Tensor"), out.getMessage());
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> gradient(x -> checkpointed(y -> {
            throw new ArithmeticException("boom");
        }, x), 1));
        assertEquals("boom", e.getMessage());
    }
}
