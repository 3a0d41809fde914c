package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every block of API.md's "The seed's examples, in Java": what it prints and what it returns. */
class UtilitiesSeedTest {
    /** Runs body with standard output and showgrad's output captured: {printed, result}. */
    private static String[] run(Supplier<Object> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8), old = System.out;
        System.setOut(out);
        setShowgradOutput(out);
        Object result;
        try {
            result = body.get();
        } finally {
            System.setOut(old);
            setShowgradOutput(null);
        }
        return new String[] {bytes.toString(StandardCharsets.UTF_8), String.valueOf(result)};
    }

    static Tensor vstack(Tensor xs) {
        Buffer buf = Buffer.of(xs, xs.length(), 5);   // like similar(xs, 3, 5)
        for (int i = 0; i < 5; i++) buf.set(xs, all(), at(i));   // buf[:, i] = xs
        return buf.copy();
    }

    static Real pow(Real x, int n) {
        Real r = Real.of(1);
        for (int i = 0; i < n; i++) r = r.times(x);
        return r;
    }

    @Test
    void showgradUsedOnce() {
        assertArrayEquals(new String[] {"∂(a) = 3.0\n", "(3.0, 2.0)"},
                run(() -> gradient((a, b) -> showgrad(a).times(b), 2, 3)));
    }

    @Test
    void showgradOnlyThisUse() {
        assertArrayEquals(new String[] {"∂(a) = 2.0\n", "(4.0,)"}, run(() -> gradient(a -> showgrad(a).times(a), 2)));
    }

    @Test
    void showgradUnused() {
        assertArrayEquals(new String[] {"∂(a) = nothing\n", "(3.0, 2.0)"}, run(() -> gradient((a, b) -> {
            showgrad(a);
            return a.times(b);
        }, 2, 3)));
    }

    @Test
    void hookThatPrints() {
        assertArrayEquals(new String[] {"abar = 3.0\n", "(3.0, 2.0)"},
                run(() -> gradient((a, b) -> hook(abar -> {
                    System.out.println("abar = " + abar);
                    return abar;
                }, a).times(b), 2, 3)));
    }

    @Test
    void hookThatNegates() {
        assertArrayEquals(new String[] {"", "(-3.0, 2.0)"}, run(() -> gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3)));
    }

    @Test
    void dropgradDrops() {
        assertArrayEquals(new String[] {"", "(nothing, 2.0)"}, run(() -> gradient((a, b) -> dropgrad(a).times(b), 2, 3)));
    }

    @Test
    void hessianOfAProduct() {
        Tensor h = hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));
        assertArrayEquals(new int[] {2, 2}, h.shape());
        assertArrayEquals(new double[] {0.0, 1.0, 1.0, 0.0}, h.toDoubleArray());
        assertEquals("[[0.0, 1.0],\n [1.0, 0.0]]", h.toString());
    }

    @Test
    void bufferVstack() {
        Tensor v = vstack(Tensor.of(1, 2, 3));
        assertArrayEquals(new int[] {3, 5}, v.shape());
        assertEquals("[[1.0, 1.0, 1.0, 1.0, 1.0],\n [2.0, 2.0, 2.0, 2.0, 2.0],\n [3.0, 3.0, 3.0, 3.0, 3.0]]", v.toString());
        assertArrayEquals(new String[] {"", "([5.0, 5.0, 5.0],)"}, run(() -> gradient(x -> vstack(x).sum(), Tensor.of(1, 2, 3))));
    }

    @Test
    void forwarddiffOfPow() {
        assertArrayEquals(new String[] {"", "(10.0,)"}, run(() -> gradient(x -> forwarddiff(y -> pow(y, 2), x), 5)));
    }

    @Test
    void forwarddiffDropsClosedOverValues() {
        assertArrayEquals(new String[] {"", "(3.0, nothing)"},
                run(() -> gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3)));
    }

    @Test
    void forwarddiffOfAVectorOfArguments() {
        assertArrayEquals(new String[] {"", "(3.0, 2.0)"},
                run(() -> gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3)));
    }
}
