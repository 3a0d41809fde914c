package zygote4j;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;

/**
 * Memory that tapes reuse per thread between gradients: full-size tape chunks, and the
 * cotangent array of the last backward pass, so that a loop of {@code gradient} calls
 * records into memory it has used before instead of fresh memory.
 *
 * <p>Why: a gradient of a long scalar loop writes tens of megabytes of tape. Fresh arrays
 * are zeroed and touched for the first time on every call, and while the gradient runs the
 * young collections copy them as live data. Reused chunks are already touched, soon live in
 * the old generation where young collections leave them alone, and need no zeroing: the
 * recording methods of {@link Tape} write every field of an entry.
 *
 * <p>Only {@code gradient}/{@code withgradient} give chunks back, once their backward pass
 * is over and nothing can read the tape again (a {@code pullback}'s tape lives as long as
 * its closure). The pool is bounded and softly referenced, so that memory it holds goes
 * back to the collector when the heap runs short.
 */
final class TapeMemory {
    /** At most this many chunks (about 384 KiB each) are kept per thread. */
    static final int MAX_CHUNKS = 128;

    private static final ThreadLocal<SoftReference<ArrayDeque<Chunk>>> POOL = new ThreadLocal<>();
    /**
     * The cotangent array of the thread's last plain backward pass. A large one would be a
     * G1 "humongous" allocation on every gradient, each of which may start a concurrent
     * collection cycle; the reused one only needs zeroing.
     */
    private static final ThreadLocal<SoftReference<double[]>> COTANGENTS = new ThreadLocal<>();

    private TapeMemory() {
    }

    /** A chunk's two arrays: input slots (two per entry) and partials (two per entry). */
    record Chunk(int[] ins, double[] parts) {
    }

    /** A chunk of {@link Tape#CHUNK} entries whose contents are arbitrary, or null when none is kept. */
    static Chunk take() {
        SoftReference<ArrayDeque<Chunk>> ref = POOL.get();
        ArrayDeque<Chunk> q = ref == null ? null : ref.get();
        return q == null ? null : q.pollLast();
    }

    /** Keeps a full-size chunk for this thread's next tape (dropped when the pool is full). */
    static void give(int[] ins, double[] parts) {
        SoftReference<ArrayDeque<Chunk>> ref = POOL.get();
        ArrayDeque<Chunk> q = ref == null ? null : ref.get();
        if (q == null) {
            q = new ArrayDeque<>();
            POOL.set(new SoftReference<>(q));
        }
        if (q.size() < MAX_CHUNKS) q.addLast(new Chunk(ins, parts));
    }

    /**
     * A zeroed array of at least {@code n} doubles for a backward pass's cotangents, taken
     * out of the pool so that a backward pass nested in this one (a rule that takes a
     * gradient) gets its own.
     */
    static double[] takeCotangents(int n) {
        SoftReference<double[]> ref = COTANGENTS.get();
        double[] g = ref == null ? null : ref.get();
        if (g == null || g.length < n) return new double[n];
        COTANGENTS.remove();
        java.util.Arrays.fill(g, 0, n, 0.0);
        return g;
    }

    /** Keeps a backward pass's cotangent array (the larger one, when one is kept already). */
    static void giveCotangents(double[] g) {
        SoftReference<double[]> ref = COTANGENTS.get();
        double[] kept = ref == null ? null : ref.get();
        if (kept == null || kept.length < g.length) COTANGENTS.set(new SoftReference<>(g));
    }
}
