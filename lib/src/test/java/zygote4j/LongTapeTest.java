package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Long tapes differentiate without a StackOverflowError: the backward pass is a loop, not
 * a recursion. Each run happens on a thread with a deliberately small stack (the test JVM
 * runs with a large default stack, which would hide a recursion).
 */
class LongTapeTest {
    /** Stack size of the thread each long run uses: far too small for a recursion per entry. */
    private static final long SMALL_STACK = 256 * 1024;
    private static final double C = 1 - 1e-7;

    /** Runs body on a fresh thread with a small stack and returns its result or rethrows its failure. */
    static <T> T onSmallStack(java.util.function.Supplier<T> body) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join();
        if (failure.get() instanceof Error e) throw e;
        if (failure.get() instanceof RuntimeException e) throw e;
        return result.get();
    }

    /** s <- C s + v[k mod 4], n times, from s = 0: three tape entries per step (times, read, plus). */
    static Real recurrence(Tensor v, int n) {
        Real s = Real.of(0);
        for (int k = 0; k < n; k++) s = s.times(C).plus(v.get(k & 3));
        return s;
    }

    @Test
    void tenMillionScalarOperations() throws InterruptedException {
        int n = 3_400_000;   // 3 entries per step: 10.2 million tape entries
        Tensor v = Tensor.of(1, -2, 0.5, 3);
        Tensor g = onSmallStack(() -> {
            int[] size = new int[1];
            Tensor grad = gradient((Tensor x) -> {
                Real s = recurrence(x, n);
                size[0] = ((Tape) s.level).size();
                return s;
            }, v).tensor(0);
            // the leaf, then 3 entries a step, except the first step's times on the plain 0
            assertEquals(3L * n, size[0], "tape entries");
            return grad;
        });
        // d s_n / d v_j = sum over steps k = j (mod 4) of C^(n-1-k)
        double[] expected = new double[4];
        double w = 1;
        for (int k = n - 1; k >= 0; k--) {
            expected[k & 3] += w;
            w *= C;
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], g.get(j).value(), 1e-8 * expected[j], "gradient element " + j);
        }
        assertEquals(0, Levels.depth());
    }

    @Test
    void longTapeAtSecondOrder() throws InterruptedException {
        // s <- C s + x^2, n times: s_n = x^2 S with S = sum of C^k, so d2 s_n / dx2 = 2 S, by
        // reverse-over-reverse and forward-over-reverse through a 400,000-entry inner tape
        // (whose backward pass then runs in tracked mode, recorded by the outer level).
        int n = 200_000;
        double sum = 0, w = 1;
        for (int k = 0; k < n; k++) {
            sum += w;
            w *= C;
        }
        final double expected = 2 * sum;
        Fn1<Real> f = x -> {
            Real x2 = x.square(), s = Real.of(0);
            for (int k = 0; k < n; k++) s = s.times(C).plus(x2);
            return s;
        };
        double rr = onSmallStack(() -> gradient(x -> gradient(f, x).real(0), 1.3).real(0).value());
        assertEquals(expected, rr, 1e-8 * expected);
        double fr = onSmallStack(() -> derivative(x -> gradient(f, x).real(0), 1.3));
        assertEquals(expected, fr, 1e-8 * expected);
    }

    @Test
    void longForwardChain() throws InterruptedException {
        // Forward mode keeps no tape; a long chain of tangents through a million steps.
        int n = 1_000_000;
        double d = onSmallStack(() -> derivative(x -> {
            Real s = Real.of(0);
            for (int k = 0; k < n; k++) s = s.times(C).plus(x);
            return s;
        }, 2));
        double expected = (1 - Math.pow(C, n)) / (1 - C);
        assertEquals(expected, d, 1e-8 * expected);
    }
}
