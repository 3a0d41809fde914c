package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Elementwise loops over large tensors are split between threads when
 * {@code -Dzygote4j.threads} asks for more than one: every element is computed exactly
 * once, so values and gradients are the same to the bit for every thread count.
 */
class ElementwiseThreadsTest {
    /** Odd, and large enough that two threads split it. */
    private static final int N = 3 * ElementwiseKernels.MIN_ELEMENTS_PER_THREAD + 13;

    @Test
    void everyElementIsComputedOnce() {
        for (int threads : new int[] {2, 3, 4}) {
            for (int n : new int[] {2 * ElementwiseKernels.MIN_ELEMENTS_PER_THREAD, N, 1_000_001}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                ElementwiseKernels.split(threads, n, (from, to) -> {
                    for (int i = from; i < to; i++) seen.incrementAndGet(i);
                });
                for (int i = 0; i < n; i++) assertEquals(1, seen.get(i), "element " + i + " of " + n);
            }
        }
    }

    @Test
    void smallLoopsStayOnOneThread() {
        withThreads(8, () -> {
            assertEquals(1, ElementwiseKernels.threadsFor(2 * ElementwiseKernels.MIN_ELEMENTS_PER_THREAD - 1));
            assertEquals(2, ElementwiseKernels.threadsFor(2 * ElementwiseKernels.MIN_ELEMENTS_PER_THREAD));
            return null;
        });
        withThreads(1, () -> {
            assertEquals(1, ElementwiseKernels.threadsFor(1 << 24));
            return null;
        });
    }

    /** Unary maps, binary zips with a tensor and with a scalar, and their gradients. */
    static double[][] run() {
        double[] x = new double[N], y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.sin(0.37 * i);
            y[i] = Math.cos(0.11 * i) + 2;
        }
        Tensor tx = Tensor.of(x), ty = Tensor.of(y);
        WithGradient w = withgradient((Tensor a, Tensor b) -> a.sin().times(b).plus(a.div(b)).minus(3).times(2)
                .plus(a.times(a).exp()).sum(), tx, ty);
        double[] value = tx.tanh().plus(ty.log()).toDoubleArray();
        return new double[][] {value, w.grad().tensor(0).toDoubleArray(), w.grad().tensor(1).toDoubleArray(),
                {((Real) w.val()).value()}};
    }

    @Test
    void valuesAndGradientsAreTheSameForEveryThreadCount() {
        double[][] one = withThreads(1, ElementwiseThreadsTest::run);
        double[][] two = withThreads(2, ElementwiseThreadsTest::run);
        for (int k = 0; k < one.length; k++) assertArrayEquals(one[k], two[k], "result " + k);
        // and they are right: d/da = 2 (cos a * b + 1/b) + 2 a exp(a^2), d/db = 2 (sin a - a/b^2)
        for (int i = 0; i < N; i += 977) {
            double a = Math.sin(0.37 * i), b = Math.cos(0.11 * i) + 2;
            double ga = 2 * (Math.cos(a) * b + 1 / b) + 2 * a * Math.exp(a * a);
            double gb = 2 * (Math.sin(a) - a / (b * b));
            assertEquals(ga, two[1][i], 1e-12 * Math.abs(ga) + 1e-14);
            assertEquals(gb, two[2][i], 1e-12 * Math.abs(gb) + 1e-14);
            assertEquals(Math.tanh(a) + Math.log(b), two[0][i], 1e-15);
        }
    }

    static <T> T withThreads(int threads, Supplier<T> body) {
        String old = System.getProperty(KernelSettings.THREADS);
        System.setProperty(KernelSettings.THREADS, Integer.toString(threads));
        try {
            return body.get();
        } finally {
            if (old == null) System.clearProperty(KernelSettings.THREADS);
            else System.setProperty(KernelSettings.THREADS, old);
        }
    }
}
