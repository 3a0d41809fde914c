package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zygote4j.Zygote.*;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Tapes reuse the chunks of earlier gradients on the same thread ({@link TapeMemory}): a
 * reused chunk still holds the entries of the tape before, so every recorded field must be
 * written again. These tests dirty the pool with one program and check another, whose
 * entries of every kind (unary with a constant, reads, leaves, nodes) land on old ones.
 */
class TapeMemoryTest {
    /** Far more entries than one chunk holds, so that several chunks go round. */
    private static final int STEPS = 3 * Tape.CHUNK;

    /** A product chain: every entry has two inputs and two non-zero partials. */
    static Real chain(Real x) {
        Real r = Real.ONE;
        for (int i = 0; i < STEPS; i++) r = r.times(x).times(x.plus(1e-6));
        return r;
    }

    /**
     * Unary entries (one input, the second left as "constant"), reads and whole-tensor nodes:
     * sum_k sin(v[k mod 3]) * 2 + sum(v * v).
     */
    static Real mixed(Tensor v) {
        Real s = Real.ZERO;
        for (int k = 0; k < STEPS; k++) s = s.plus(v.get(k % 3).sin().times(2));
        return s.plus(v.times(v).sum());
    }

    static double[] expectedMixed(double[] v) {
        double[] g = new double[3];
        for (int k = 0; k < STEPS; k++) g[k % 3] += 2 * Math.cos(v[k % 3]);
        for (int i = 0; i < 3; i++) g[i] += 2 * v[i];
        return g;
    }

    @Test
    void aReusedChunkGivesTheSameGradientAsAFreshOne() throws Exception {
        double[] v = {0.3, -1.2, 2.5};
        // On a fresh thread the pool is empty: every chunk is new.
        double[] fresh = onNewThread(() -> gradient(TapeMemoryTest::mixed, Tensor.of(v)).tensor(0).toDoubleArray());
        // Here the pool is first filled with chunks full of another program's entries.
        double[] reused = onNewThread(() -> {
            gradient(TapeMemoryTest::chain, 1.0);
            assertNotNull(TapeMemory.take(), "the chain's chunks went to the pool");
            gradient(TapeMemoryTest::chain, 1.0);
            return gradient(TapeMemoryTest::mixed, Tensor.of(v)).tensor(0).toDoubleArray();
        });
        assertArrayEquals(fresh, reused, "bit for bit");
        double[] want = expectedMixed(v);
        for (int i = 0; i < 3; i++) assertEquals(want[i], reused[i], 1e-9 * Math.abs(want[i]));
    }

    @Test
    void aPullbackKeepsItsTapeWhileGradientsReuseChunks() throws Exception {
        double[] v = {0.3, -1.2, 2.5};
        onNewThread(() -> {
            Pullback p = pullback(TapeMemoryTest::mixed, Tensor.of(v));
            double[] first = p.back(1).tensor(0).toDoubleArray();
            // Gradients in between give their chunks back and take them again; the
            // pullback's own tape must stay intact.
            for (int i = 0; i < 3; i++) gradient(TapeMemoryTest::chain, 1.0);
            assertArrayEquals(first, p.back(1).tensor(0).toDoubleArray());
            return null;
        });
    }

    @Test
    void aReleasedTapeCannotBeReadAgain() throws Exception {
        onNewThread(() -> {
            Tape[] tape = new Tape[1];
            gradient((Real x) -> {
                Real y = chain(x);
                tape[0] = (Tape) y.level;
                return y;
            }, 1.0);
            assertEquals(0, tape[0].size());
            assertThrows(RuntimeException.class, () -> tape[0].firstInput(5));
            return null;
        });
    }

    @Test
    void secondOrderThroughReusedChunks() throws Exception {
        // d/dx of the gradient of x^4 (via products) = 12 x^2, with the pool already dirty.
        double h = onNewThread(() -> {
            gradient(TapeMemoryTest::chain, 1.0);
            return gradient(x -> gradient(y -> y.times(y).times(y).times(y), x).real(0), 1.5).real(0).value();
        });
        assertEquals(12 * 1.5 * 1.5, h, 1e-12);
    }

    @Test
    void aBackwardPassInsideABackwardPassGetsItsOwnCotangents() throws Exception {
        // checkpointed records its segment again during the outer backward pass and runs a
        // backward pass of its own there: both must not share the reused cotangent array.
        double x0 = 0.7;
        double g = onNewThread(() -> {
            gradient(PowChain::powChain, 1.0);
            return gradient((Real x) -> {
                Real y = x.times(1e-6).plus(1);
                Real z = checkpointed((Real t) -> PowChain.powChain(t), y);
                return z.times(x);
            }, x0).real(0).value();
        });
        // f = y^N x with y = 1 + 1e-6 x: f' = N y^(N-1) 1e-6 x + y^N
        int n = PowChain.N;
        double s = 1 + 1e-6 * x0;
        double want = n * Math.pow(s, n - 1) * 1e-6 * x0 + Math.pow(s, n);
        assertEquals(want, g, 1e-9 * Math.abs(want));
    }

    /** r = t^N by N products: a tape of N entries. */
    static final class PowChain {
        static final int N = 2 * Tape.CHUNK + 17;

        static Real powChain(Real t) {
            Real r = Real.ONE;
            for (int i = 0; i < N; i++) r = r.times(t);
            return r;
        }
    }

    interface Body<T> {
        T run() throws Exception;
    }

    static <T> T onNewThread(Body<T> body) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(body.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() instanceof Error e) throw e;
        if (failure.get() != null) throw new AssertionError(failure.get());
        return result.get();
    }
}
