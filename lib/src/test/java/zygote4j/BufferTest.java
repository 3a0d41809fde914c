package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Buffer: writes, reads, freezing, and gradients through it at first and second order. */
class BufferTest {
    static Tensor vstack(Tensor xs) {
        Buffer buf = Buffer.of(xs, xs.length(), 5);
        for (int i = 0; i < 5; i++) buf.set(xs, all(), at(i));
        return buf.copy();
    }

    static final Tensor WEIGHTS = Tensor.of(new double[][] {{1, 2, 3, 4, 5}, {0, 1, 0, 1, 0}, {-1, -2, 0, 2, 1}});

    @Test
    void vstackGradientIsTheRowSums() {
        assertEquals("([15.0, 2.0, 0.0],)", gradient(x -> vstack(x).times(WEIGHTS).sum(), Tensor.of(1, 2, 3)).toString());
    }

    @Test
    void startsAtZeroAndReadsWhatWasWritten() {
        Buffer b = Buffer.of(Tensor.of(1, 2), 2, 3);
        assertArrayEquals(new int[] {2, 3}, b.shape());
        assertEquals(0.0, b.get(1, 2).value());
        b.set(7, 1, 2);
        b.set(Real.of(-1), 0, 0);
        assertEquals(7.0, b.get(1, 2).value());
        assertEquals(-1.0, b.get(0, 0).value());
        assertEquals("[[-1.0, 0.0, 0.0],\n [0.0, 0.0, 7.0]]", b.copy().toString());
        assertArrayEquals(new int[] {2}, Buffer.of(Tensor.of(1, 2)).shape());   // like similar(xs)
    }

    @Test
    void overwrittenValuesGetNoGradient() {
        Fn2<Real, Real> f = (a, b) -> {
            Buffer buf = Buffer.of(Tensor.zeros(2), 2);
            buf.set(a, 0);
            buf.set(b, 0);            // a's write is gone
            buf.set(a.times(2), 1);
            return buf.copy().times(Tensor.of(10, 1)).sum();
        };
        assertEquals("(2.0, 10.0)", gradient(f, 2, 3).toString());
        Fn1<Real> g = a -> {
            Buffer buf = Buffer.of(Tensor.zeros(1), 1);
            buf.set(a, 0);
            buf.set(5, 0);            // overwritten by a constant
            return buf.copy().sum().plus(a.times(0));
        };
        assertEquals("(0.0,)", gradient(g, 2).toString());
        Fn1<Tensor> h = x -> {
            Buffer buf = Buffer.of(x);
            buf.set(x, all());
            buf.set(Tensor.of(9), range(1, 2));   // overwrite element 1 with a constant slice
            return buf.copy().times(Tensor.of(1, 2, 3)).sum();
        };
        assertEquals("([1.0, 0.0, 3.0],)", gradient(h, Tensor.of(4, 5, 6)).toString());
    }

    @Test
    void readsAreDifferentiable() {
        assertEquals("(12.0,)", gradient(x -> {
            Buffer buf = Buffer.of(Tensor.zeros(2), 2);
            buf.set(x.square(), 1);
            return buf.get(1).times(3);
        }, 2).toString());
        assertEquals("([1.0, 0.0, 2.0],)", gradient(x -> {
            Buffer buf = Buffer.of(x, 2, 3);
            buf.set(x, at(1), all());
            return buf.get(1, 0).plus(buf.get(1, 2).times(2)).plus(buf.get(0, 0));
        }, Tensor.of(1, 2, 3)).toString());
    }

    @Test
    void copyFreezesTheBuffer() {
        Buffer b = Buffer.of(Tensor.of(1, 2));
        b.set(3, 0);
        assertFalse(b.isFrozen());
        Tensor t = b.copy();
        assertTrue(b.isFrozen());
        for (Runnable write : new Runnable[] {() -> b.set(1, 0), () -> b.set(Real.of(1), 1),
                () -> b.set(Tensor.of(1, 2), all())}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, write::run);
            assertTrue(e.getMessage().contains("frozen") && e.getMessage().contains("copy()"), e.getMessage());
        }
        assertEquals("[3.0, 0.0]", t.toString());
        assertEquals(3.0, b.get(0).value());
        assertEquals("[3.0, 0.0]", b.copy().toString());
    }

    @Test
    void plainWritesCopyWithoutTracking() {
        Buffer b = Buffer.of(Tensor.of(1, 2, 3));
        b.set(Tensor.of(4, 5, 6), all());
        Tensor t = b.copy();
        assertNull(t.level);
        assertArrayEquals(new double[] {4, 5, 6}, t.toDoubleArray());
        // A tracked write later overwritten by a plain one: the copy is plain too.
        gradient(x -> {
            Buffer c = Buffer.of(Tensor.zeros(1));
            c.set(x, 0);
            c.set(1, 0);
            assertNull(c.copy().level);
            return x;
        }, 1);
    }

    @Test
    void slicesOfEveryKind() {
        Buffer b = Buffer.of(Tensor.zeros(1), 2, 3, 4);
        b.set(Tensor.of(new double[][] {{1, 2}, {3, 4}}), at(1), range(1, 3), range(2, 4));
        b.set(Tensor.of(7, 8, 9), at(0), all(), at(0));
        b.set(Tensor.of(new double[][] {{5}, {6}}), all(), at(2), at(1));   // a 2x1 into a slice of shape [2]
        Tensor t = b.copy();
        assertEquals(1.0, t.get(1, 1, 2).value());
        assertEquals(2.0, t.get(1, 1, 3).value());
        assertEquals(3.0, t.get(1, 2, 2).value());
        assertEquals(4.0, t.get(1, 2, 3).value());
        assertEquals(7.0, t.get(0, 0, 0).value());
        assertEquals(8.0, t.get(0, 1, 0).value());
        assertEquals(9.0, t.get(0, 2, 0).value());
        assertEquals(5.0, t.get(0, 2, 1).value());
        assertEquals(6.0, t.get(1, 2, 1).value());
        double sum = 0;
        for (double d : t.toDoubleArray()) sum += d;
        assertEquals(45.0, sum);
    }

    @Test
    void badWritesAreExplained() {
        Buffer b = Buffer.of(Tensor.zeros(1), 3, 5);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> b.set(Tensor.of(1, 2), all(), at(0)));
        assertTrue(shape.getMessage().contains("[2]") && shape.getMessage().contains("[3]"), shape.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> b.set(Tensor.of(1, 2, 3), all()));
        assertTrue(rank.getMessage().contains("one index per dimension"), rank.getMessage());
        IndexOutOfBoundsException range = assertThrows(IndexOutOfBoundsException.class, () -> b.set(Tensor.of(1, 2, 3), all(), at(5)));
        assertTrue(range.getMessage().contains("at(5)") && range.getMessage().contains("size 5"), range.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> b.set(1, 3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> b.get(0, -1));
        assertThrows(IllegalArgumentException.class, () -> b.set(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Buffer.of(Tensor.zeros(1), 2, -1));
    }

    @Test
    void toStringShowsContentsAndFreezing() {
        Buffer v = Buffer.of(Tensor.of(1, 2));
        assertEquals("Buffer([0.0, 0.0])", v.toString());
        Buffer m = Buffer.of(Tensor.zeros(1), 2, 2);
        m.set(1, 0, 1);
        assertEquals("Buffer([[0.0, 1.0],\n        [0.0, 0.0]])", m.toString());
        m.copy();
        assertEquals("Buffer([[0.0, 1.0],\n        [0.0, 0.0]], frozen)", m.toString());
    }

    /** A function that writes a buffer element by element and reads it back. */
    static Real written(Tensor x) {
        int n = x.length();
        Buffer buf = Buffer.of(x, 2, n);
        for (int i = 0; i < n; i++) {
            buf.set(x.get(i).sin(), 0, i);
            buf.set(x.get(i).times(x.get((i + 1) % n)), 1, i);
        }
        buf.set(x.get(0).exp(), 1, 0);   // overwrites x0 * x1
        Tensor t = buf.copy();
        return t.square().sum().plus(buf.get(0, 1).times(t.get(1, 0)));
    }

    @Test
    void secondOrderThroughABuffer() {
        Prop.forAll("buffer second order", 3, r -> {
            Tensor x = Prop.tensor(r, -1, 1, 3);
            Check.tensorFunction("written", BufferTest::written, x, r, 1e-7);
            Function<Tensor, Real> stacked = y -> vstack(y.sin()).times(WEIGHTS).square().sum();
            Check.tensorFunction("vstack", stacked, x, r, 1e-7);
            double[][] fd = HessianTest.fdHessian(BufferTest::written, x);
            Tensor h = hessian(BufferTest::written, x), hr = hessianReverse(BufferTest::written, x);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    Check.close(fd[i][j], h.get(i, j).value(), 1e-6, "H[" + i + "," + j + "]");
                    Check.close(h.get(i, j).value(), hr.get(i, j).value(), 1e-12, "reverse H[" + i + "," + j + "]");
                }
            }
        });
    }
}
