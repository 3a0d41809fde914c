package zygote4j;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a matrix product on one thread, or on several when it is large: the rows of all
 * the batch's products, in blocks of the kernel's height, are cut into one contiguous
 * share per thread. The calling thread computes the first share; a small pool of daemon
 * threads the others. Each element of C is computed by exactly one thread, by the same
 * operations in the same order as without the split, so the result is bit for bit the
 * same for every thread count.
 */
final class ParallelProduct {
    private ParallelProduct() {
    }

    /**
     * The fewest multiply-adds worth a thread of their own (2^21, about 50 µs of the SIMD
     * kernel). Handing a share to a pool thread and waiting for it cost about 10 µs on
     * Zen 4, more on a busy machine; two threads broke even with one at about 2^21
     * multiply-adds in all and were 1.2 times faster at 2^22 (128x256x128), the smallest
     * product this lets them split.
     */
    static final long MIN_WORK_PER_THREAD = 1L << 21;

    /** Computes all of {@code p} with {@code kernel} on at most {@code threads} threads. */
    static void run(ProductKernel kernel, MatrixProduct p, int threads) {
        run(kernel, p, threads, MIN_WORK_PER_THREAD);
    }

    /** {@link #run} with another least amount of work per thread (tests split small products). */
    static void run(ProductKernel kernel, MatrixProduct p, int threads, long minWorkPerThread) {
        int block = kernel.rowBlock();
        int blocks = (p.m() + block - 1) / block;
        long units = (long) p.batch() * blocks;
        long work = (long) p.batch() * p.m() * p.k() * p.n();
        int t = (int) Math.max(1, Math.min(threads, Math.min(units, work / minWorkPerThread)));
        if (t == 1) {
            computeShare(kernel, p, blocks, 0, units);
            return;
        }
        Future<?>[] others = new Future<?>[t - 1];
        for (int s = 1; s < t; s++) {
            long from = units * s / t, to = units * (s + 1) / t;
            others[s - 1] = Pool.EXECUTOR.submit(() -> computeShare(kernel, p, blocks, from, to));
        }
        Throwable failure = null;
        try {
            computeShare(kernel, p, blocks, 0, units / t);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Wait for every share, even after a failure or an interrupt: they all write into p.c.
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException("matmul: a worker thread failed", failure);
    }

    /**
     * Units {@code from} to {@code to} (exclusive), numbered through the batch: unit u is
     * block u % blocks of the rows of product u / blocks. Consecutive units of one product
     * go to the kernel as one range of rows.
     */
    private static void computeShare(ProductKernel kernel, MatrixProduct p, int blocks, long from, long to) {
        ProductKernel.Rows rows = kernel.rows(p);
        int block = kernel.rowBlock();
        long u = from;
        while (u < to) {
            int q = (int) (u / blocks);
            long end = Math.min(to, (long) (q + 1) * blocks);
            int first = (int) (u - (long) q * blocks), last = (int) (end - (long) q * blocks);
            rows.compute(q, first * block, Math.min(p.m(), last * block));
            u = end;
        }
    }

    /** The worker threads, made on first use; daemons, so that they never keep a program alive. */
    private static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zygote4j-matmul-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
