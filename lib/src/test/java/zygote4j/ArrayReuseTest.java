package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zygote4j.Zygote.*;

import java.nio.DoubleBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The plain backward pass writes into the cotangent arrays it owns and reuses the used-up
 * ones ({@link ScratchArrays}), and a costly derivative is kept between passes: gradients
 * through long whole-array formulas stay those of finite differences and of the same
 * formula on scalars, results of one pass survive the next ones, arrays a user's rule
 * returns or a caller wants are never written into, and nothing is held after a pass.
 * Tensors are long enough ({@link ScratchArrays#MIN_LENGTH} and more) for the reuse to run.
 */
class ArrayReuseTest {
    static final int N = 2 * ScratchArrays.MIN_LENGTH + 3;

    static Tensor random(Random r, int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = lo + (hi - lo) * r.nextDouble();
        return Tensor.of(d);
    }

    /**
     * A formula with what the reuse must get right: values used several times (their
     * cotangents add up), plus and minus (which hand the cotangent on), an operand used
     * twice by one operation, a broadcast scalar, and sin/cos (derivatives kept).
     */
    static Tensor formula(Tensor x, Tensor y) {
        Tensor s = x.sin(), c = y.cos();
        Tensor u = s.times(c).plus(x.times(x)).minus(y);
        Tensor v = u.times(s).plus(u.div(c.plus(3))).plus(x.plus(x));
        return v.times(Tensor.full(0.5)).minus(u.square()).plus(c.times(s));
    }

    /** The same formula on scalars. */
    static Real formula(Real x, Real y) {
        Real s = x.sin(), c = y.cos();
        Real u = s.times(c).plus(x.times(x)).minus(y);
        Real v = u.times(s).plus(u.div(c.plus(3))).plus(x.plus(x));
        return v.times(0.5).minus(u.square()).plus(c.times(s));
    }

    static double plainFormula(double x, double y) {
        double s = Math.sin(x), c = Math.cos(y);
        double u = s * c + x * x - y;
        double v = u * s + u / (c + 3) + (x + x);
        return v * 0.5 - u * u + c * s;
    }

    @Test
    void gradientsOfALongFormulaAreThoseOfItsScalarsAndOfFiniteDifferences() {
        Random r = new Random(7);
        Tensor x = random(r, N, -2, 2), y = random(r, N, -2, 2);
        Grads g = gradient((a, b) -> formula(a, b).sum(), x, y);
        for (int i = 0; i < N; i += 97) {
            double xi = x.get(i).value(), yi = y.get(i).value();
            Grads gs = gradient((a, b) -> formula(a, b), Real.of(xi), Real.of(yi));
            assertEquals(gs.real(0).value(), g.tensor(0).get(i).value(), 1e-13, "d/dx at " + i);
            assertEquals(gs.real(1).value(), g.tensor(1).get(i).value(), 1e-13, "d/dy at " + i);
            Check.close(Check.fd(t -> plainFormula(t, yi), xi), g.tensor(0).get(i).value(), 1e-8, "fd d/dx at " + i);
            Check.close(Check.fd(t -> plainFormula(xi, t), yi), g.tensor(1).get(i).value(), 1e-8, "fd d/dy at " + i);
        }
    }

    @Test
    void resultsOfOnePassSurviveTheNextPasses() {
        Random r = new Random(11);
        Tensor x = random(r, N, -1, 1), y = random(r, N, -1, 1);
        Tensor[] out = new Tensor[2];
        Pullback p = pullback((a, b) -> {
            out[0] = formula(a, b);
            out[1] = formula(b, a);
            return Tensor.of(out[0].sum(), out[1].sum());
        }, x, y);
        Grads first = p.back(Tensor.of(1, 0));
        double[] dx = first.tensor(0).toDoubleArray(), dy = first.tensor(1).toDoubleArray();
        for (int k = 0; k < 5; k++) {
            p.back(Tensor.of(k, 1));
            gradient((a, b) -> formula(a, b).times(a).sum(), x, y);
        }
        assertArrayEquals(dx, first.tensor(0).toDoubleArray(), "d/dx of the first pass after later passes");
        assertArrayEquals(dy, first.tensor(1).toDoubleArray(), "d/dy of the first pass after later passes");
        Grads again = gradient((a, b) -> formula(a, b).sum(), x, y);
        assertArrayEquals(again.tensor(0).toDoubleArray(), dx);
        assertArrayEquals(again.tensor(1).toDoubleArray(), dy);
        // The forward values the pullback kept are intact too.
        assertEquals(formula(x, y), Tensor.of(out[0].toDoubleArray()));
    }

    @Test
    void anOperandUsedTwiceGetsBothCotangents() {
        Tensor x = random(new Random(3), N, 0.5, 2);
        Tensor times = gradient(a -> a.times(a).sum(), x).tensor(0);
        Tensor plus = gradient(a -> a.plus(a).times(a).sum(), x).tensor(0);
        Tensor minus = gradient(a -> a.minus(a).times(a).sum(), x).tensor(0);
        Tensor div = gradient(a -> a.div(a).times(a.sin()).sum(), x).tensor(0);
        for (int i = 0; i < N; i += 101) {
            double xi = x.get(i).value();
            assertEquals(2 * xi, times.get(i).value(), 1e-15);
            assertEquals(4 * xi, plus.get(i).value(), 1e-14);
            assertEquals(0, minus.get(i).value(), 0);
            assertEquals(Math.cos(xi), div.get(i).value(), 1e-15);
        }
    }

    /** A user's rule whose reverse rule returns a tensor it keeps (as a rule may). */
    static final class KeepsItsCotangent extends Primitive {
        final Tensor twos = Tensor.full(2, N);

        KeepsItsCotangent() {
            super("twice");
        }

        @Override
        protected Object evaluate(Object[] in) {
            return ((Tensor) in[0]).times(2);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            return ((Tensor) t[0]).times(2);
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            // Right only for a seed of ones, which is all this test uses: the point is the array.
            return new Object[] {twos};
        }
    }

    @Test
    void arraysAUserRuleReturnsAreNeverWrittenInto() {
        KeepsItsCotangent rule = new KeepsItsCotangent();
        Tensor x = random(new Random(5), N, -1, 1);
        for (int k = 0; k < 3; k++) {
            // The rule is x's last use, so x's cotangent starts as the rule's array, and the
            // other terms are added to it after.
            Tensor g = gradient(a -> a.sin().plus(a.times(a)).plus((Tensor) rule.apply(a)).sum(), x).tensor(0);
            for (int i = 0; i < N; i += 89) {
                double xi = x.get(i).value();
                assertEquals(2 + Math.cos(xi) + 2 * xi, g.get(i).value(), 1e-14, "gradient at " + i);
            }
            for (int i = 0; i < N; i++) assertEquals(2.0, rule.twos.get(i).value(), 0, "the rule's own tensor at " + i);
        }
    }

    /** A rule that says its cotangents are fresh, and gives both inputs the same new array. */
    static final class SharesOneArray extends Primitive {
        SharesOneArray() {
            super("plusShared");
        }

        @Override
        protected Object evaluate(Object[] in) {
            return ((Tensor) in[0]).plus((Tensor) in[1]);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            throw new UnsupportedOperationException("reverse mode only");
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Tensor g = Tensor.of(((Tensor) ct).toDoubleArray());
            return new Object[] {g, g};
        }

        @Override
        boolean freshPlainCotangents() {
            return true;
        }
    }

    @Test
    void anArrayGivenToTwoInputsIsWrittenIntoByNeither() {
        Primitive rule = new SharesOneArray();
        Tensor x = random(new Random(31), N, -1, 1), y = random(new Random(32), N, -1, 1);
        // The rule is the last use of both x and y: each then gets more terms of its own.
        Grads g = gradient((a, b) -> a.sin().plus(b.cos()).plus((Tensor) rule.apply(a, b)).sum(), x, y);
        for (int i = 0; i < N; i += 73) {
            assertEquals(1 + Math.cos(x.get(i).value()), g.tensor(0).get(i).value(), 1e-15, "d/dx at " + i);
            assertEquals(1 - Math.sin(y.get(i).value()), g.tensor(1).get(i).value(), 1e-15, "d/dy at " + i);
        }
    }

    @Test
    void cotangentsOfIntermediatesAreKeptWhenWanted() {
        // graph() asks for every entry's cotangent: no array may be reused then.
        Tensor x = random(new Random(9), N, -1, 1);
        Tensor[] s = new Tensor[1];
        Pullback p = pullback(a -> {
            s[0] = a.times(3);
            return s[0].sin().times(a.cos()).sum();
        }, x);
        Tape tape = p.tape();
        Object[] cts = tape.backward(Values.id(p.output()), Real.ONE, new int[] {Values.id(s[0]), Values.id(p.leaves().get(0))});
        Tensor ds = (Tensor) cts[0], dx = (Tensor) cts[1];
        for (int i = 0; i < N; i += 67) {
            double xi = x.get(i).value();
            assertEquals(Math.cos(3 * xi) * Math.cos(xi), ds.get(i).value(), 1e-15, "cotangent of 3x at " + i);
            assertEquals(3 * Math.cos(3 * xi) * Math.cos(xi) - Math.sin(3 * xi) * Math.sin(xi), dx.get(i).value(), 1e-14,
                    "cotangent of x at " + i);
        }
    }

    @Test
    void nothingIsHeldAfterAPass() {
        Tensor x = random(new Random(13), N, -1, 1), y = random(new Random(14), N, -1, 1);
        gradient((a, b) -> formula(a, b).sum(), x, y);
        assertEquals(0, ScratchArrays.held());
    }

    @Test
    void passesOnSeveralThreadsAgree() throws Exception {
        Tensor x = random(new Random(17), N, -2, 2), y = random(new Random(18), N, -2, 2);
        Pullback p = pullback((a, b) -> Tensor.of(formula(a, b).sum(), formula(b, a).sum()), x, y);
        Grads[] expected = {gradient((a, b) -> formula(a, b).sum(), x, y), gradient((a, b) -> formula(b, a).sum(), x, y)};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Grads>> fs = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                Tensor seed = k % 2 == 0 ? Tensor.of(1, 0) : Tensor.of(0, 1);
                fs.add(pool.submit(() -> p.back(seed)));
            }
            for (int k = 0; k < fs.size(); k++) {
                Grads g = fs.get(k).get(), e = expected[k % 2];
                assertEquals(e.tensor(0), g.tensor(0), "d/dx of pass " + k);
                assertEquals(e.tensor(1), g.tensor(1), "d/dy of pass " + k);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void checkpointedPassesInsideAPassGiveTheSameGradient() {
        Random r = new Random(19);
        Tensor x = random(r, N, -1, 1), y = random(r, N, -1, 1);
        Grads plain = gradient((a, b) -> formula(formula(a, b), b).sum(), x, y);
        Fn2<Tensor, Tensor> inner = (u, w) -> formula(formula(u, w), w);
        Grads ck = gradient((a, b) -> Zygote.<Tensor, Tensor, Tensor>checkpointed(inner, a, b).sum(), x, y);
        assertEquals(plain.tensor(0), ck.tensor(0));
        assertEquals(plain.tensor(1), ck.tensor(1));
    }

    @Test
    void secondOrderThroughTheSameFormula() {
        // d/dx_i of sum(sin(x) x) is cos(x_i) x_i + sin(x_i); its derivative -sin x_i x_i + 2 cos x_i.
        Tensor x = random(new Random(23), N, -2, 2);
        Fn1<Tensor> f = a -> a.sin().times(a).sum();
        Tensor rr = gradient((Tensor a) -> gradient(f, a).tensor(0).sum(), x).tensor(0);
        Tensor fr = diaghessian(f, x).tensor(0);
        for (int i = 0; i < N; i += 71) {
            double xi = x.get(i).value(), h = -Math.sin(xi) * xi + 2 * Math.cos(xi);
            assertEquals(h, rr.get(i).value(), 1e-13, "reverse over reverse at " + i);
            assertEquals(h, fr.get(i).value(), 1e-13, "diaghessian at " + i);
            Check.close(Check.fd(t -> Math.cos(t) * t + Math.sin(t), xi), rr.get(i).value(), 1e-8, "fd at " + i);
        }
        // Forward mode along a direction agrees with the gradient of the first pass.
        Tensor dir = random(new Random(29), N, -1, 1);
        double along = jvp((Tensor a) -> (Real) f.apply(a), x, dir).tangent().value();
        double dot = gradient(f, x).tensor(0).times(dir).sum().value();
        assertEquals(dot, along, 1e-10 * Math.max(1, Math.abs(dot)));
    }

    @Test
    void asDoubleBufferShowsTheElementsReadOnly() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DoubleBuffer b = m.asDoubleBuffer();
        assertEquals(6, b.limit());
        assertEquals(0, b.position());
        assertEquals(6.0, b.get(5));
        double[] dest = new double[8];
        b.get(1, dest, 2, 4);
        assertArrayEquals(new double[] {0, 0, 2, 3, 4, 5, 0, 0}, dest);
        assertThrows(ReadOnlyBufferException.class, () -> b.put(0, 9));
        assertEquals(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), m);
        // Views are independent of each other's position.
        DoubleBuffer c = m.asDoubleBuffer();
        c.get();
        assertEquals(0, m.asDoubleBuffer().position());
    }

    @Test
    void asDoubleBufferOfATrackedTensorShowsItsNumbers() {
        double[] seen = new double[2];
        Grads g = gradient(v -> {
            Tensor w = v.times(v);
            w.asDoubleBuffer().get(0, seen, 0, 2);
            return w.sum();
        }, Tensor.of(3, 4));
        assertArrayEquals(new double[] {9, 16}, seen);
        assertEquals(Tensor.of(6, 8), g.tensor(0));
    }
}
