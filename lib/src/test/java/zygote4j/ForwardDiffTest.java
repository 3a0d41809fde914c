package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** forwarddiff: forward mode inside reverse mode, one tape node, closures constant. */
class ForwardDiffTest {
    /** A vector function of a vector: outputs mix all inputs. */
    static Tensor mix(Tensor x) {
        Real s = x.square().sum();
        return x.sin().times(s).plus(x.get(0).times(x.get(x.length() - 1)));
    }

    @Test
    void aLongLoopLeavesOneNodeOnTheTape() {
        int[] tapeSize = {-1};
        Grads g = gradient(x -> {
            Real y = forwarddiff(z -> {
                Real r = z;
                for (int i = 0; i < 1_000_000; i++) r = r.plus(z.sin().times(1e-6));
                return r;
            }, x);
            tapeSize[0] = ((Tape) y.level).size();
            return y;
        }, 0.5);
        assertEquals(2, tapeSize[0], "the argument's leaf and the forwarddiff node");
        // d/dx (x + 10^6 * 1e-6 sin x) = 1 + cos x, up to the rounding of 10^6 additions.
        assertEquals(1 + Math.cos(0.5), g.real(0).value(), 1e-9);
    }

    @Test
    void vectorFunctionsAgreeWithReverseModeForEveryChunk() {
        Prop.forAll("forwarddiff vector", 3, r -> {
            Tensor x = Prop.tensor(r, -1, 1, 5);
            Tensor w = Prop.tensor(r, -1, 1, 5);
            Tensor direct = gradient(y -> mix(y).times(w).sum(), x).tensor(0);
            for (int chunk : new int[] {1, 2, 5, 12}) {
                Tensor viaForward = gradient(y -> forwarddiff(ForwardDiffTest::mix, y, chunk).times(w).sum(), x).tensor(0);
                for (int i = 0; i < 5; i++) {
                    Check.close(direct.get(i).value(), viaForward.get(i).value(), 1e-13, "chunk " + chunk + " [" + i + "]");
                }
            }
            Function<Tensor, Real> f = y -> forwarddiff(ForwardDiffTest::mix, y).times(w).sum();
            double[] fd = Check.fdGradient(f, x);
            Tensor g = gradient(f::apply, x).tensor(0);
            for (int i = 0; i < 5; i++) Check.close(fd[i], g.get(i).value(), 1e-7, "fd [" + i + "]");
        });
    }

    @Test
    void matrixInputAndScalarToVector() {
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor g = gradient(x -> forwarddiff((Tensor y) -> y.times(y).sum(), x), m).tensor(0);
        assertEquals("[[2.0, 4.0],\n [6.0, 8.0]]", g.toString());
        // Real in, Tensor out: the cotangent is a tensor, the gradient a scalar.
        assertEquals("(6.0,)", gradient(a -> forwarddiff((Real y) -> Tensor.of(y, y.times(2)), a).times(Tensor.of(2, 2)).sum(), 1).toString());
    }

    @Test
    void forwardModeThroughForwarddiff() {
        Tensor x = Tensor.of(0.3, -0.2, 0.8), v = Tensor.of(1, -1, 0.5);
        Tensor expected = jvp(ForwardDiffTest::mix, x, v).tangent();
        Jvp<Tensor> r = jvp((Tensor y) -> forwarddiff(ForwardDiffTest::mix, y), x, v);
        assertEquals(mix(x), r.val());
        for (int i = 0; i < 3; i++) Check.close(expected.get(i).value(), r.tangent().get(i).value(), 1e-13, "jvp [" + i + "]");
        assertEquals(2 * Math.cos(0.4), derivative(a -> forwarddiff(b -> b.sin().times(2), a), 0.4), 1e-15);
    }

    @Test
    void aTrackedCotangentStaysTracked() {
        // The inner gradient is J * w with J computed on plain numbers; its derivative in w is J.
        Grads g = gradient(w -> gradient(x -> forwarddiff(y -> y.sin(), x).times(w), 0.5).real(0), 2);
        assertEquals(Math.cos(0.5), g.real(0).value(), 1e-15);
        Grads t = gradient((Tensor w) -> gradient(x -> forwarddiff(ForwardDiffTest::mix, x).times(w).sum(), Tensor.of(0.1, 0.2)).tensor(0).sum(),
                Tensor.of(1, 1));
        Tensor expected = gradient((Tensor w) -> gradient(x -> mix(x).times(w).sum(), Tensor.of(0.1, 0.2)).tensor(0).sum(), Tensor.of(1, 1)).tensor(0);
        for (int i = 0; i < 2; i++) Check.close(expected.get(i).value(), t.tensor(0).get(i).value(), 1e-13, "[" + i + "]");
    }

    @Test
    void secondDerivativesThroughForwarddiffAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> gradient(x -> gradient(y -> forwarddiff(z -> z.square(), y), x).real(0), 1));
        assertTrue(e.getMessage().startsWith("forwarddiff:") && e.getMessage().contains("differentiable once"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> hessian(x -> forwarddiff(z -> z.square(), x), 1));
    }

    @Test
    void closedOverValuesAreConstants() {
        assertEquals("(nothing,)", gradient(b -> forwarddiff(x -> x.times(b), Real.of(2)), 3).toString());
        assertEquals("(3.0, nothing)", gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3).toString());
        assertEquals("(1.0,)", gradient(x -> forwarddiff(y -> Real.of(4), x).plus(x), 2).toString());
    }

    @Test
    void outsideAnyGradientItIsJustF() {
        Real y = forwarddiff(x -> x.square(), 3);
        assertEquals(9.0, y.value());
        assertNull(y.level);
        assertEquals(Tensor.of(2, 4), forwarddiff((Tensor x) -> x.times(2), Tensor.of(1, 2)));
    }

    @Test
    void badInputIsExplained() {
        IllegalArgumentException arg = assertThrows(IllegalArgumentException.class,
                () -> forwarddiff((List<Real> l) -> l.get(0), List.of(Real.of(1))));
        assertTrue(arg.getMessage().startsWith("forwarddiff: x is"), arg.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> gradient(x -> { forwarddiff(y -> "text", x); return x; }, 1));
        assertTrue(out.getMessage().contains("returned a java.lang.String"), out.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gradient(x -> forwarddiff((Real y) -> y, x, 0), 1));
    }

    @Test
    void exceptionsFromTheFunctionReachTheCaller() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> gradient(x -> forwarddiff(y -> {
            throw new ArithmeticException("boom");
        }, x), 1));
        assertEquals("boom", e.getMessage());
    }
}
