package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Levels are per thread: many threads differentiating at once (gradients, jvps, nested
 * calls, element reads, hidden levels, exceptions) get results bit for bit identical to
 * the same calls made one after another on one thread.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 2000;
    private static final int KINDS = 8;

    /** Call number {@code i}: one of several kinds of differentiation, at a point depending on i. */
    static double call(int i) {
        double x = 0.3 + (i % 97) * 0.01;
        switch (i % KINDS) {
            case 0:
                return gradient(a -> a.sin().times(a.exp()), x).real(0).value();
            case 1:
                return jvp((Real a) -> a.square().plus(a.log()), Real.of(x), Real.of(1.5)).tangent().value();
            case 2:
                return gradient(a -> gradient(b -> b.pow(3).times(b.cos()), a).real(0), x).real(0).value();
            case 3: {
                Tensor v = Tensor.of(x, 2 * x, 3 * x);
                Tensor g = gradient((Tensor t) -> t.get(0).times(t.get(1)).plus(t.times(t).sum()).times(t.get(2)), v)
                        .tensor(0);
                return g.get(0).value() + 3 * g.get(1).value() + 7 * g.get(2).value();
            }
            case 4:
                return derivative(a -> gradient(b -> b.times(a).sinh(), a).real(0), x);
            case 5: {
                Pullback p = pullback((a, b) -> a.atan2(b).times(a), x, 1.7);
                Grads g = p.back(2.5);
                return g.real(0).value() - g.real(1).value();
            }
            case 6:
                // a hidden level (ignore) inside a gradient
                return gradient(a -> a.times(ignore(() -> a.square().plus(1))), x).real(0).value();
            default:
                // an exception inside a nested gradient, caught inside the outer one
                return gradient(a -> {
                    try {
                        gradient(b -> {
                            throw new IllegalStateException("expected");
                        }, a);
                    } catch (IllegalStateException e) {
                        if (Levels.depth() != 1) throw new AssertionError("depth " + Levels.depth());
                    }
                    return a.tanh();
                }, x).real(0).value();
        }
    }

    @Test
    void concurrentCallsGiveSequentialResultsBitForBit() throws Exception {
        int n = THREADS * CALLS_PER_THREAD;
        long[] sequential = new long[n];
        for (int i = 0; i < n; i++) sequential[i] = Double.doubleToRawLongBits(call(i));

        long[] concurrent = new long[n];
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    // Interleave: thread t takes calls t, t + THREADS, ... so all kinds run at once.
                    for (int i = thread; i < n; i += THREADS) {
                        concurrent[i] = Double.doubleToRawLongBits(call(i));
                    }
                    return Levels.depth();
                }));
            }
            for (Future<Integer> f : done) assertEquals(0, f.get(), "level stack of a worker thread");
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < n; i++) {
            assertEquals(sequential[i], concurrent[i], "call " + i + " (kind " + i % KINDS + "): "
                    + Double.longBitsToDouble(sequential[i]) + " sequentially, "
                    + Double.longBitsToDouble(concurrent[i]) + " concurrently");
        }
    }

    @Test
    void oneSharedCustomPrimitiveOnManyThreads() throws Exception {
        // A user's Primitive instance is shared by all threads; it holds no per-call state.
        Primitive cube = GradCheckTest.cube();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    double s = 0;
                    for (int i = 0; i < 500; i++) {
                        double x = 1 + i * 1e-3;
                        s += gradient(a -> (Real) cube.apply(a), x).real(0).value() - 3 * x * x;
                    }
                    return s;
                }));
            }
            for (Future<Double> f : fs) assertEquals(0.0, f.get(), 1e-9);
        } finally {
            pool.shutdown();
        }
    }
}
