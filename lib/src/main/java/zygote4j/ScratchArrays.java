package zygote4j;

/**
 * Cotangent arrays that a plain backward pass has used up, handed out again to the reverse
 * rules it runs next.
 *
 * <p>Why: a gradient through whole-array operations makes a new cotangent array per
 * operation and input, dozens per pass for a long formula. A new array is memory that the
 * JVM zeroes first and that the processor has not seen for a while (the allocator moves
 * on through the heap), so each costs a pass over cold memory before the rule writes it.
 * An array whose cotangent has been used is still in cache: reusing it keeps a pass's
 * working set to the few arrays alive at once.
 *
 * <p>Safety rests on two rules. Only a plain backward pass ({@link Tape}) gives arrays, and
 * only ones that nothing else can see: arrays it owns (made by itself, or by a rule that
 * promises fresh results, see {@link Primitive#freshPlainCotangents()}) whose slot has been
 * used up, that were not handed on to an input and are not among the results. Whoever
 * takes an array writes every element before anything reads it, since the contents are
 * left over. Each thread has its own arrays, and a pass ends by dropping them
 * ({@link #clear}): nothing is kept between passes.
 */
final class ScratchArrays {
    /** Shorter arrays are left to the allocator (cheap, and in cache anyway). */
    static final int MIN_LENGTH = 1024;
    /** Arrays held at most. */
    private static final int MAX_KEPT = 32;
    /** Bytes held at most: dead arrays held until the pass ends raise its peak memory. */
    private static final long MAX_BYTES = 32L << 20;
    private static final ThreadLocal<ScratchArrays> POOL = ThreadLocal.withInitial(ScratchArrays::new);

    private final double[][] kept = new double[MAX_KEPT][];
    private int count;
    private long bytes;

    private ScratchArrays() {
    }

    /** An array of length n whose contents are arbitrary: the caller writes every element. */
    static double[] take(int n) {
        if (n >= MIN_LENGTH) {
            double[] a = POOL.get().find(n);
            if (a != null) return a;
        }
        return new double[n];
    }

    /** Keeps {@code a} for a later {@link #take}; the caller guarantees that nothing else holds it. */
    static void give(double[] a) {
        if (a.length < MIN_LENGTH) return;
        ScratchArrays s = POOL.get();
        long b = 8L * a.length;
        if (s.count < MAX_KEPT && s.bytes + b <= MAX_BYTES) {
            s.kept[s.count++] = a;
            s.bytes += b;
        }
    }

    /** The end of a pass: every array held is dropped. */
    static void clear() {
        ScratchArrays s = POOL.get();
        if (s.count == 0) return;
        java.util.Arrays.fill(s.kept, 0, s.count, null);
        s.count = 0;
        s.bytes = 0;
    }

    /** Arrays held by this thread (for tests). */
    static int held() {
        return POOL.get().count;
    }

    /** The most recently given array of length n (the likeliest to be in cache), or null. */
    private double[] find(int n) {
        for (int i = count - 1; i >= 0; i--) {
            double[] a = kept[i];
            if (a.length == n) {
                System.arraycopy(kept, i + 1, kept, i, count - i - 1);
                kept[--count] = null;
                bytes -= 8L * n;
                return a;
            }
        }
        return null;
    }
}
