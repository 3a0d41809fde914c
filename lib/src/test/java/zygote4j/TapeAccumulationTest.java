package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.gradient;
import static zygote4j.Zygote.pullback;
import static zygote4j.Zygote.range;

import org.junit.jupiter.api.Test;

/**
 * How the plain backward pass adds a tensor's cotangent contributions: the first one is
 * kept as it came (the caller's seed, or an array a rule returned or passed through), and
 * the sum goes to an array of the pass's own. Sums are right, and no array the pass does
 * not own is ever written: not the seed, not what a second call of the pullback reads.
 */
class TapeAccumulationTest {
    @Test
    void contributionsThatAreTheSeedItselfAreAddedWithoutWritingIt() {
        double[] seed = {1, -2, 0.5};
        Tensor dy = Tensor.of(seed.clone());
        // plus passes dy through to both operands: y + y gives y's cotangent dy twice,
        // and x gets dy (from the outer plus) and then 3 * 2 dy (through y = 3x).
        Pullback p = pullback((Tensor x) -> {
            Tensor y = x.times(3);
            return y.plus(y).plus(x);
        }, Tensor.of(0.3, 0.7, -1.1));
        Grads g1 = p.back(dy);
        assertArrayEquals(new double[] {7, -14, 3.5}, g1.tensor(0).toDoubleArray(), 0);
        assertArrayEquals(seed, dy.toDoubleArray(), 0, "the seed must not be written");
        Grads g2 = p.back(dy);
        assertArrayEquals(g1.tensor(0).toDoubleArray(), g2.tensor(0).toDoubleArray(), 0, "a second pass");
    }

    @Test
    void aTensorUsedManyTimesGetsTheSumOfItsContributions() {
        // x appears five times: d/dx of x + x^2 + sin x + x*x + x/2 = 1 + 2x + cos x + 2x + 1/2.
        Tensor x0 = Tensor.of(0.2, -0.9, 1.4, 0);
        Tensor g = gradient((Tensor x) -> x.plus(x.square()).plus(x.sin()).plus(x.times(x)).plus(x.times(0.5)).sum(), x0)
                .tensor(0);
        for (int i = 0; i < x0.length(); i++) {
            double xi = x0.get(i).value();
            assertEquals(1 + 4 * xi + Math.cos(xi) + 0.5, g.get(i).value(), 1e-14, "element " + i);
        }
    }

    /** W2's function on a short vector: x reaches the sum through two slices, x[:-1] through two paths. */
    static Real rosenbrock(Tensor x) {
        int n = x.length();
        Tensor head = x.slice(range(0, n - 1)), tail = x.slice(range(1, n));
        Tensor t = tail.minus(head.square()), u = head.neg().plus(1);
        return t.square().times(100).plus(u.square()).sum();
    }

    @Test
    void rosenbrockWithSlicesMatchesClosedFormAndFiniteDifferences() {
        double[] x = {0.3, -0.8, 1.2, 0.05, -1.5, 0.9};
        int n = x.length;
        double[] g = gradient(TapeAccumulationTest::rosenbrock, Tensor.of(x)).tensor(0).toDoubleArray();
        for (int i = 0; i < n; i++) {
            double e = 0;
            if (i + 1 < n) e += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
            if (i > 0) e += 200 * (x[i] - x[i - 1] * x[i - 1]);
            assertEquals(e, g[i], 1e-12 * Math.max(1, Math.abs(e)), "closed form, element " + i);
            double h = 1e-6;
            double[] xp = x.clone(), xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (rosenbrock(Tensor.of(xp)).value() - rosenbrock(Tensor.of(xm)).value()) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(e)), "finite differences, element " + i);
        }
    }
}
