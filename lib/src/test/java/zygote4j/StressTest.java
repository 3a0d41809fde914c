package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The reliability issue's stress figures: 16 threads x 10^4 mixed gradient, hessian and
 * jacobian calls give bit for bit the results of the same calls made one after another,
 * and derivatives nest five levels deep.
 */
class StressTest {
    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 10_000;

    /** Call {@code i}: a gradient, a Hessian or a Jacobian at a point depending on i, as raw bits. */
    static long[] call(int i) {
        double x = 0.2 + (i % 89) * 0.01;
        Tensor v = Tensor.of(x, 1 - x, 2 * x);
        switch (i % 3) {
            case 0:
                return bits(gradient(t -> t.sin().times(t.get(1)).sum().plus(t.logsumexp()), v).tensor(0));
            case 1:
                return bits(hessian(t -> t.times(t.get(0)).tanh().sum(), v));
            default:
                return bits(jacobian(t -> t.softmax().times(t.get(2)), v).tensor(0));
        }
    }

    private static long[] bits(Tensor t) {
        double[] d = t.toDoubleArray();
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) b[i] = Double.doubleToRawLongBits(d[i]);
        return b;
    }

    @Test
    void sixteenThreadsOfMixedCallsMatchASequentialRunBitForBit() throws Exception {
        int n = THREADS * CALLS_PER_THREAD;
        long[][] sequential = new long[n][];
        for (int i = 0; i < n; i++) sequential[i] = call(i);

        long[][] concurrent = new long[n][];
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = thread; i < n; i += THREADS) concurrent[i] = call(i);
                    return Levels.depth();
                }));
            }
            for (Future<Integer> f : done) assertEquals(0, f.get(), "level stack of a worker thread");
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(sequential[i], concurrent[i], "call " + i + " (kind " + i % 3 + ")");
        }
    }

    @Test
    void fiveNestedLevelsGiveTheFifthDerivative() {
        // d^5/dx^5 sin = cos: alternate reverse and forward levels, five deep.
        UnaryOperator<Real> d1 = y -> gradient(Real::sin, y).real(0);
        UnaryOperator<Real> d2 = y -> jvp(d1, y, Real.ONE).tangent();
        UnaryOperator<Real> d3 = y -> gradient(d2::apply, y).real(0);
        UnaryOperator<Real> d4 = y -> jvp(d3, y, Real.ONE).tangent();
        double x = 0.7;
        assertEquals(Math.cos(x), gradient(d4::apply, x).real(0).value(), 1e-12);
        // and five reverse levels
        UnaryOperator<Real> r = Real::sin;
        for (int k = 0; k < 4; k++) {
            UnaryOperator<Real> inner = r;
            r = y -> gradient(inner::apply, y).real(0);
        }
        UnaryOperator<Real> r4 = r;
        assertEquals(Math.cos(x), gradient(r4::apply, x).real(0).value(), 1e-12);
        assertEquals(0, Levels.depth());
    }
}
