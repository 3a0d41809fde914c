package zygote4j;

/**
 * Runs a matrix product on one thread, or on several when it is large. The rows of all
 * the batch's products, in blocks of the kernel's height, are cut into a few contiguous
 * pieces per thread, which {@link Workers} shares out. Each element of C is computed by
 * exactly one thread, by the same operations in the same order as without the split, so
 * the result is bit for bit the same for every thread count.
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
        Workers.run(t, pieces, () -> {
            // Each thread packs into scratch of its own, made when it takes its first piece.
            ProductKernel.Rows rows = kernel.rows(p);
            return c -> computeUnits(rows, p, blocks, block, units * c / pieces, units * (c + 1) / pieces);
        }, "matmul");
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
}
