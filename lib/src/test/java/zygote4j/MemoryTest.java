package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * Nothing outlives a differentiation: after many calls the heap is as it was, and a
 * finished tape is unreachable once its results and pullback are dropped.
 */
class MemoryTest {
    /** Collects garbage until {@code ref} is cleared (or gives up after a few rounds). */
    static void assertCollected(WeakReference<?> ref, String what) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(5);
        }
        assertNull(ref.get(), what + " is still reachable after garbage collection");
    }

    /**
     * Used heap after a few collections. (Runtime gives the figure MemoryMXBean's heap usage
     * gives; the tests are compiled into module zygote4j, which does not read java.management.)
     */
    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(5);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** One small call of one of several kinds. */
    static double smallCall(int i) {
        double x = 0.5 + (i % 13) * 0.1;
        switch (i % 5) {
            case 0:
                return gradient(a -> a.times(a).sin(), x).real(0).value();
            case 1:
                return gradient((Tensor v) -> v.get(0).times(v.get(1)).plus(v.times(v).sum()), Tensor.of(x, 2)).tensor(0)
                        .get(1).value();
            case 2:
                return gradient(a -> gradient(b -> b.pow(3), a).real(0), x).real(0).value();
            case 3:
                return pullback(a -> a.exp(), x).back(2).real(0).value();
            default:
                return jvp((Real a) -> a.log(), Real.of(x), Real.ONE).tangent().value();
        }
    }

    @Test
    void heapStaysFlatOverManyCalls() throws InterruptedException {
        double sink = 0;
        for (int i = 0; i < 20_000; i++) sink += smallCall(i);   // warm up: JIT, class loading
        long before = usedHeapAfterGc();
        for (int i = 0; i < 100_000; i++) sink += smallCall(i);
        long after = usedHeapAfterGc();
        assertTrue(Double.isFinite(sink));
        long grown = after - before;
        // 10^5 calls record ~10^6 tape entries in all; a leak of one tape per call would hold
        // far more than this bound, which leaves room for the collector's own noise.
        assertTrue(grown < 24L << 20, "heap grew by " + (grown >> 10) + " KiB over 100,000 gradient calls");
        assertEquals(0, Levels.depth());
    }

    /** A pullback's tape, held only weakly; the pullback itself is dropped on return. */
    private static WeakReference<Tape> tapeOfDroppedPullback() throws ReflectiveOperationException {
        Pullback p = pullback(x -> x.square().sin(), 1.5);
        assertNotNull(p.back(1));
        var field = Pullback.class.getDeclaredField("tape");
        field.setAccessible(true);
        return new WeakReference<>((Tape) field.get(p));
    }

    @Test
    void aDroppedPullbackReleasesItsTape() throws Exception {
        assertCollected(tapeOfDroppedPullback(), "the tape of a dropped pullback");
    }

    @Test
    void gradientResultsDoNotHoldTheTape() throws Exception {
        Object[] kept = new Object[1];
        WeakReference<?>[] ref = new WeakReference<?>[1];
        kept[0] = gradient((Tensor v) -> {
            ref[0] = new WeakReference<>(v.level);
            return v.times(v).sum().plus(v.get(0));
        }, Tensor.of(1, 2));
        // the gradient is still held here; the tape that produced it must not be
        assertCollected(ref[0], "the tape of a finished gradient");
        assertEquals("([3.0, 4.0],)", kept[0].toString());
    }

    @Test
    void anInnerTapeIsReleasedWhileTheOuterGradientRuns() throws Exception {
        boolean[] checked = {false};
        Grads g = gradient(x -> {
            WeakReference<?>[] inner = new WeakReference<?>[1];
            Real d = gradient(y -> {
                inner[0] = new WeakReference<>(y.level);
                return y.pow(3).times(x);
            }, x).real(0);
            // The outer tape and the inner gradient d are alive; the inner tape must not be.
            try {
                assertCollected(inner[0], "the inner tape of a nested gradient");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            checked[0] = true;
            return d;   // 3 x^3
        }, 2);
        assertTrue(checked[0]);
        assertEquals("(36.0,)", g.toString());
    }

    @Test
    void aJvpLevelIsReleasedWithItsResult() throws Exception {
        WeakReference<?>[] ref = new WeakReference<?>[1];
        Jvp<Real> r = jvp((Real x) -> {
            ref[0] = new WeakReference<>(x.level);
            return x.sin();
        }, Real.of(0.5), Real.ONE);
        assertCollected(ref[0], "the forward level of a finished jvp");
        assertEquals(Math.cos(0.5), r.tangent().value(), 0);
    }
}
