package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.gradient;

import org.junit.jupiter.api.Test;

/**
 * The tape's chunked storage: a tape that spans several chunks, with element reads, tensor
 * operations and scalar operations on both sides of chunk boundaries, gives the closed-form
 * gradient in both backward modes; its entries read back by id as they were recorded; a
 * cotangent that sums to exactly zero still counts as reached (it multiplies its partials);
 * and the plain backward pass, which keeps some sums in registers, adds exactly what the
 * tracked backward pass adds, in the same order: the two agree to the bit.
 */
class TapeStorageTest {
    private static final double C = 1 - 1e-4;
    /** Steps of the recurrence: 3 entries each, so the tape covers a little over 3 chunks. */
    private static final int N = Tape.CHUNK + 3000;
    /** Every this many steps the recurrence also adds sum(w^2) (two tensor nodes). */
    private static final int EVERY = 4099;

    /** s <- C s + v[k mod 4], plus sum(w^2) after every EVERY-th step. */
    static Real program(Tensor v, Tensor w) {
        Real s = Real.of(0);
        for (int k = 0; k < N; k++) {
            s = s.times(C).plus(v.get(k & 3));
            if (k % EVERY == EVERY - 1) s = s.plus(w.square().sum());
        }
        return s;
    }

    /** The closed-form gradient: [dv (4), dw factor] with dw = factor * 2 w. */
    static double[] closedForm() {
        double[] dv = new double[5];
        double weight = 1;   // C^(N-1-k): what reaches the state after step k
        for (int k = N - 1; k >= 0; k--) {
            dv[k & 3] += weight;
            if (k % EVERY == EVERY - 1) dv[4] += weight;
            weight *= C;
        }
        return dv;
    }

    static void assertClosedForm(Grads g, Tensor w, String mode) {
        double[] expected = closedForm();
        Tensor dv = g.tensor(0), dw = g.tensor(1);
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], dv.get(j).value(), 1e-10 * expected[j], mode + ": d/dv" + j);
        }
        for (int j = 0; j < w.length(); j++) {
            double e = expected[4] * 2 * w.get(j).value();
            assertEquals(e, dw.get(j).value(), 1e-12 * Math.abs(e), mode + ": d/dw" + j);
        }
    }

    @Test
    void aTapeOfSeveralChunksGivesTheClosedFormInBothModes() {
        Tensor v = Tensor.of(1, -2, 0.5, 3), w = Tensor.of(0.3, -0.7, 1.1);
        int[] size = new int[1];
        Grads plain = gradient((Tensor a, Tensor b) -> {
            Real s = program(a, b);
            size[0] = ((Tape) s.level).size();
            return s;
        }, v, w);
        assertTrue(size[0] > 3 * Tape.CHUNK, "the tape should span more than 3 chunks, has " + size[0] + " entries");
        assertClosedForm(plain, w, "plain backward pass");
        // The same backward pass with Real cotangents (an outer level is active).
        Grads tracked = NumericsTest.underOuterLevel(() -> gradient(TapeStorageTest::program, v, w));
        assertClosedForm(tracked, w, "tracked backward pass");
        // and a gradient of that gradient: d/dw_0 of sum(d/dw) = 2 * factor
        double second = gradient((Tensor b) -> gradient(TapeStorageTest::program, v, b).tensor(1).sum(), w)
                .tensor(0).get(0).value();
        assertEquals(2 * closedForm()[4], second, 1e-12 * second, "second order through a long tape");
    }

    @Test
    void entriesReadBackByIdAsRecorded() {
        Tensor v = Tensor.of(1, -2, 0.5, 3), w = Tensor.of(0.3, -0.7, 1.1);
        Pullback p = Reverse.pullback("test", xs -> program((Tensor) xs[0], (Tensor) xs[1]), new Object[] {v, w});
        Tape tape = p.tape();
        // ids 0 and 1: the two leaves; then per step a times (absent at step 0, on the plain
        // 0), a read and a plus, and two nodes after every EVERY-th step.
        assertEquals(Tape.LEAF, tape.kindOf(0));
        assertArrayEquals(new int[] {4}, tape.shapeOf(0));
        assertArrayEquals(new int[] {3}, tape.shapeOf(1));
        int id = 2, prev = -1, nodes = 0;
        for (int k = 0; k < N; k++) {
            int times = -1;
            if (k > 0) {
                times = id++;
                assertEquals(Tape.SCALAR, tape.kindOf(times), "kind of times at step " + k);
                assertEquals(prev, tape.firstInput(times), "input of times at step " + k);
                assertEquals(-1, tape.secondInput(times), "constant of times at step " + k);
                assertNull(tape.shapeOf(times));
            }
            int read = id++;
            assertEquals(Tape.READ, tape.kindOf(read), "kind of the read at step " + k);
            assertEquals(0, tape.firstInput(read), "tensor of the read at step " + k);
            assertEquals(k & 3, tape.secondInput(read), "index of the read at step " + k);
            int plus = id++;
            assertEquals(Tape.SCALAR, tape.kindOf(plus), "kind of plus at step " + k);
            assertEquals(times, tape.firstInput(plus), "first input of plus at step " + k);
            assertEquals(read, tape.secondInput(plus), "second input of plus at step " + k);
            prev = plus;
            if (k % EVERY == EVERY - 1) {
                int square = id++, sum = id++, add = id++;
                assertEquals(Tape.NODE, tape.kindOf(square));
                assertArrayEquals(new int[] {3}, tape.shapeOf(square));
                assertArrayEquals(new int[] {1}, tape.nodeOf(square).ids);
                assertEquals(Tape.NODE, tape.kindOf(sum));
                assertNull(tape.shapeOf(sum));
                assertArrayEquals(new int[] {square}, tape.nodeOf(sum).ids);
                assertEquals(Tape.SCALAR, tape.kindOf(add));
                assertEquals(plus, tape.firstInput(add));
                assertEquals(sum, tape.secondInput(add));
                prev = add;
                nodes += 2;
            }
        }
        assertEquals(id, tape.size());
        assertTrue(nodes > 0 && tape.size() > 3 * Tape.CHUNK);
    }

    @Test
    void aCotangentThatSumsToZeroIsReached() {
        // t's cotangent is 1 - 1 = 0, still multiplied by sqrt'(0) = Inf: NaN, as 0 * Inf is
        assertEquals("(NaN,)", gradient(x -> {
            Real t = x.sqrt();
            return t.minus(t);
        }, 0).toString());
        // cancelling paths give 0.0, not nothing
        assertEquals("(0.0, 0.0)", gradient((a, b) -> a.times(b).minus(a.times(b)), 2, 3).toString());
        assertEquals("([0.0, 1.0],)", gradient((Tensor v) -> v.get(0).minus(v.get(0)).plus(v.get(1)), Tensor.of(1, 2))
                .toString());
        // an entry no path reaches is skipped: its infinite partial does not turn into NaN
        assertEquals("(2.0,)", gradient(x -> {
            x.sqrt();
            return x.times(2);
        }, 0).toString());
        // the same after a cancellation to zero far back on a long tape (an earlier chunk)
        Grads g = gradient((a, b) -> {
            Real t = a.sqrt(), z = t.minus(t);
            Real s = b;
            for (int k = 0; k < 2 * Tape.CHUNK; k++) s = s.times(C);
            return s.plus(z);
        }, 0, 1);
        assertTrue(Double.isNaN(g.real(0).value()), "d/da through a zero cotangent times Inf: " + g);
        assertEquals(Math.pow(C, 2 * Tape.CHUNK), g.real(1).value(), 1e-9);
    }

    /** Asserts two gradients are equal to the bit (NaN equal to NaN). */
    static void assertBitwise(Grads expected, Grads actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int k = 0; k < expected.size(); k++) {
            Object e = expected.get(k), a = actual.get(k);
            if (e == null || a == null) {
                assertEquals(e, a, what + ": argument " + k);
                continue;
            }
            double[] ev = e instanceof Real r ? new double[] {r.value()} : ((Tensor) e).toDoubleArray();
            double[] av = a instanceof Real r ? new double[] {r.value()} : ((Tensor) a).toDoubleArray();
            assertEquals(ev.length, av.length, what);
            for (int i = 0; i < ev.length; i++) {
                assertEquals(Double.doubleToLongBits(ev[i]), Double.doubleToLongBits(av[i]),
                        what + ": argument " + k + " element " + i + ": " + ev[i] + " vs " + av[i]);
            }
        }
    }

    static double value(Fn2<Real, Real> f, double a, double b) {
        return ((Real) f.apply(Real.of(a), Real.of(b))).value();
    }

    /** Plain backward pass against the tracked one (under an inactive outer level), to the bit. */
    static void assertModesAgree(String what, Fn2<Real, Real> f, double a, double b) {
        Grads plain = gradient(f, a, b);
        Grads tracked = NumericsTest.underOuterLevel(() -> gradient(f, a, b));
        assertBitwise(tracked, plain, what);
    }

    @Test
    void chainsOfScalarOperationsAgreeWithTheTrackedPassToTheBit() {
        // r = r * x, the pattern whose two sums (r's chain, x's accumulation) are kept in
        // registers; long enough to cross chunks; d/dx x^n = n x^(n-1)
        int n = 2 * Tape.CHUNK + 77;
        Fn2<Real, Real> pow = (x, unused) -> {
            Real r = Real.ONE;
            for (int k = 0; k < n; k++) r = r.times(x);
            return r;
        };
        assertModesAgree("x^n", pow, 1.00001, 0);
        double x = 1.00001;
        assertEquals(n * Math.pow(x, n - 1), gradient(pow, x, 0).real(0).value(), 1e-9 * n * Math.pow(x, n - 1));

        // A slot summed in a register that the loop then reaches (y feeds every step and is
        // computed after the entries the leaf's kind array covers), with y also as a first
        // input, a second input of a different kind, and a cancellation to zero.
        Fn2<Real, Real> mixed = (a, b) -> {
            Real t = a;
            for (int k = 0; k < 40; k++) t = t.plus(1e-3);
            Real y = t.sin().times(1e-3).plus(1), r = b.plus(1);   // y near 1: r neither dies nor explodes
            for (int k = 0; k < 3000; k++) {
                r = (k % 3 == 0) ? r.times(y) : (k % 3 == 1) ? y.times(r).div(1.0001) : r.plus(y.minus(y)).times(b);
                if (k % 500 == 0) r = r.div(r.abs().plus(1));
            }
            return r.plus(y.square());
        };
        assertModesAgree("mixed chain", mixed, 0.3, 0.999);
        // mostly r = r.times(y), so that y's cotangent is summed in a register (the other
        // loop of the backward pass), with y also as a first input and as both inputs
        Fn2<Real, Real> mostlyY = (a, b) -> {
            Real t = a;
            for (int k = 0; k < 40; k++) t = t.plus(1e-3);
            Real y = t.sin().times(1e-3).plus(1), r = b.plus(1);
            for (int k = 0; k < 3000; k++) {
                r = (k % 7 == 6) ? y.times(r) : (k % 7 == 5) ? r.plus(y.minus(y)) : r.times(y);
            }
            return r.plus(y.square());
        };
        assertModesAgree("mostly times y", mostlyY, 0.3, 0.999);
        assertModesAgree("mixed chain at a zero", mixed, -0.04, 1.0);
        // the same gradient against central differences, to make sure both are right
        double h = 1e-6, a0 = 0.3, b0 = 0.999;
        Grads g = gradient(mixed, a0, b0);
        double fdA = (value(mixed, a0 + h, b0) - value(mixed, a0 - h, b0)) / (2 * h);
        double fdB = (value(mixed, a0, b0 + h) - value(mixed, a0, b0 - h)) / (2 * h);
        assertEquals(fdA, g.real(0).value(), 1e-6 * Math.max(1, Math.abs(fdA)));
        assertEquals(fdB, g.real(1).value(), 1e-6 * Math.max(1, Math.abs(fdB)));

        // zero cotangents meeting an infinite partial inside a long scalar run: NaN
        Fn2<Real, Real> zeroInf = (a, b) -> {
            Real t = b;
            for (int k = 0; k < 100; k++) t = t.times(1.001);
            Real s = a.sqrt(), z = s.minus(s), w = z.plus(1);
            Real r = t;
            for (int k = 0; k < 100; k++) r = r.times(w);
            for (int k = 0; k < 100; k++) r = r.times(z.plus(1));
            return r;
        };
        assertModesAgree("zero times infinity", zeroInf, 0, 2);
        assertTrue(Double.isNaN(gradient(zeroInf, 0, 2).real(0).value()));
    }
}
