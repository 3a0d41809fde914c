package zygote4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zygote4j.Zygote.gradient;
import static zygote4j.Zygote.jvp;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import zygote4j.Real;
import zygote4j.Tensor;

class MatMulTest {
    private static Tensor random(SplitMix64 g, int r, int c) {
        return Tensor.of(g.doubles(r * c)).reshape(r, c);
    }

    @Test
    void valuesOfAllFourVariants() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        assertArrayEquals(new double[] {4, 5, 10, 11}, MatMul.of(a, b).toDoubleArray(), 0);
        assertArrayEquals(new double[] {4, 5, 10, 11}, MatMul.of(MatMul.of(Tensor.of(new double[][] {{1, 0}, {0, 1}}), a,
                false, false), Tensor.of(MatMul.transpose(b.toDoubleArray(), 3, 2)).reshape(2, 3), false, true).toDoubleArray(), 0);
        // a^T a is 3x3 and symmetric
        Tensor ata = MatMul.of(a, a, true, false);
        assertArrayEquals(new int[] {3, 3}, ata.shape());
        assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, ata.toDoubleArray(), 0);
        // (b^T)(a^T) = (a b)^T
        assertArrayEquals(new double[] {4, 10, 5, 11}, MatMul.of(b, a, true, true).toDoubleArray(), 0);
    }

    @Test
    void mismatchedShapesAreAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.of(Tensor.ones(2, 3), Tensor.ones(2, 3)));
        assertEquals(true, e.getMessage().contains("inner dimensions"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatMul.of(Tensor.ones(3), Tensor.ones(3, 1)));
    }

    /** f(a, b) = sum(sin(op(a) op(b))): a scalar whose gradient needs both reverse rules. */
    private static Real f(Tensor a, Tensor b, boolean ta, boolean tb) {
        return MatMul.of(a, b, ta, tb).sin().sum();
    }

    @Test
    void gradientsMatchFiniteDifferencesForAllVariants() {
        SplitMix64 g = new SplitMix64(3);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? random(g, 4, 3) : random(g, 3, 4);
                Tensor b = tb ? random(g, 2, 4) : random(g, 4, 2);
                var grads = gradient((x, y) -> f(x, y, ta, tb), a, b);
                checkFd(x -> f(x, b, ta, tb).value(), a, grads.tensor(0), "dA " + ta + tb);
                checkFd(y -> f(a, y, ta, tb).value(), b, grads.tensor(1), "dB " + ta + tb);
            }
        }
    }

    @Test
    void forwardModeMatchesReverseMode() {
        SplitMix64 g = new SplitMix64(4);
        Tensor a = random(g, 3, 4), b = random(g, 4, 2), da = random(g, 3, 4);
        double tangent = jvp((Function<Tensor, Real>) x -> f(x, b, false, false), a, da).tangent().value();
        double[] ga = gradient(x -> f(x, b, false, false), a).tensor(0).toDoubleArray(), d = da.toDoubleArray();
        double dot = 0;
        for (int i = 0; i < d.length; i++) dot += ga[i] * d[i];
        assertEquals(dot, tangent, 1e-12);
    }

    @Test
    void secondOrderMatchesFiniteDifferencesOfTheGradient() {
        // d/dA of sum(dB) where dB = gradient of f in B: a mixed second derivative.
        SplitMix64 g = new SplitMix64(5);
        Tensor a = random(g, 2, 3), b = random(g, 3, 2);
        Function<Tensor, Real> h = x -> gradient(y -> f(x, y, false, false), b).tensor(0).square().sum();
        Tensor ga = gradient(h::apply, a).tensor(0);
        checkFd(x -> h.apply(x).value(), a, ga, "second order");
    }

    private static void checkFd(java.util.function.ToDoubleFunction<Tensor> f, Tensor x, Tensor grad, String what) {
        double[] base = x.toDoubleArray(), g = grad.toDoubleArray();
        for (int i = 0; i < base.length; i++) {
            double h = 1e-5;
            double[] p = base.clone(), m = base.clone();
            p[i] += h;
            m[i] -= h;
            double fd = (f.applyAsDouble(Tensor.of(p).reshape(x.shape())) - f.applyAsDouble(Tensor.of(m).reshape(x.shape()))) / (2 * h);
            assertEquals(fd, g[i], 1e-8 * Math.max(1, Math.abs(fd)), what + " entry " + i);
        }
    }
}
