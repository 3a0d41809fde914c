package zygote4j;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;

/**
 * Full-size tape chunks kept per thread between gradients, so that a loop of
 * {@code gradient} calls records into memory it has used before instead of fresh memory.
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
final class ChunkPool {
    /** At most this many chunks (about 384 KiB each) are kept per thread. */
    static final int MAX_CHUNKS = 128;

    private static final ThreadLocal<SoftReference<ArrayDeque<Chunk>>> POOL = new ThreadLocal<>();

    private ChunkPool() {
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
}
