package zygote4j;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a matrix product on one thread, or on several when it is large. The rows of all
 * the batch's products, in blocks of the kernel's height, are cut into a few contiguous
 * pieces per thread; the calling thread and helpers from a small pool of daemon threads
 * take pieces in turn until none is left, so that a helper the machine is slow to run
 * (other programs share the cores) leaves its pieces to the others instead of holding
 * everyone up. Each element of C is computed by exactly one thread, by the same
 * operations in the same order as without the split, so the result is bit for bit the
 * same for every thread count.
 */
final class ParallelProduct {
    private ParallelProduct() {
    }

    /**
     * The fewest multiply-adds worth a thread of their own (2^21, about 50 µs of the SIMD
     * kernel). Handing work to a pool thread and waiting for it cost about 10 µs on Zen 4,
     * more on a busy machine; two threads broke even with one at about 2^21 multiply-adds
     * in all and were 1.2 times faster at 2^22 (128x256x128), the smallest product this
     * lets them split.
     */
    static final long MIN_WORK_PER_THREAD = 1L << 21;
    /** Pieces per thread: a few, so that the threads finish together. */
    private static final int PIECES_PER_THREAD = 4;
    /**
     * The fewest rows of C in a piece: each piece copies the panels of B it needs again
     * (the SIMD kernel), which costs about 1/rows of the piece's own work.
     */
    private static final int MIN_PIECE_ROWS = 32;

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
            computeUnits(kernel.rows(p), p, blocks, block, 0, units);
            return;
        }
        long minBlocksPerPiece = (MIN_PIECE_ROWS + block - 1) / block;
        int pieces = (int) Math.max(t, Math.min((long) PIECES_PER_THREAD * t, units / minBlocksPerPiece));
        AtomicInteger next = new AtomicInteger();
        Runnable share = () -> {
            ProductKernel.Rows rows = null;
            for (int c = next.getAndIncrement(); c < pieces; c = next.getAndIncrement()) {
                if (rows == null) rows = kernel.rows(p);
                computeUnits(rows, p, blocks, block, units * c / pieces, units * (c + 1) / pieces);
            }
        };
        // A helper runs only if it starts before the caller is done: whichever of the two
        // flips its flag first decides, so the caller never waits for a helper that has not
        // started (on a busy machine it may start late, or after the product is finished).
        Future<?>[] helpers = new Future<?>[t - 1];
        AtomicBoolean[] started = new AtomicBoolean[t - 1];
        for (int s = 0; s < helpers.length; s++) {
            AtomicBoolean mine = started[s] = new AtomicBoolean();
            helpers[s] = Pool.EXECUTOR.submit(() -> {
                if (mine.compareAndSet(false, true)) share.run();
            });
        }
        Throwable failure = null;
        try {
            share.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(pieces);
        }
        // Wait for the helpers that started, even after a failure or an interrupt: they
        // write into p.c.
        boolean interrupted = false;
        for (int s = 0; s < helpers.length; s++) {
            if (started[s].compareAndSet(false, true)) continue;
            while (true) {
                try {
                    helpers[s].get();
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
        if (failure != null) throw new IllegalStateException("matmul: a helper thread failed", failure);
    }

    /**
     * Units {@code from} to {@code to} (exclusive), numbered through the batch: unit u is
     * block u % blocks of the rows of product u / blocks. Consecutive units of one product
     * go to the kernel as one range of rows.
     */
    private static void computeUnits(ProductKernel.Rows rows, MatrixProduct p, int blocks, int block, long from,
            long to) {
        long u = from;
        while (u < to) {
            int q = (int) (u / blocks);
            long end = Math.min(to, (long) (q + 1) * blocks);
            int first = (int) (u - (long) q * blocks), last = (int) (end - (long) q * blocks);
            rows.compute(q, first * block, Math.min(p.m(), last * block));
            u = end;
        }
    }

    /** The helper threads, made on first use; daemons, so that they never keep a program alive. */
    private static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zygote4j-matmul-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
