package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Axis reductions, softmax, cumsum, slicing, permutations, concatenation: each against
 * finite differences (both modes, first and second order) on random shapes, including
 * broadcast inputs and 0-d and one-element tensors, plus closed forms and error messages.
 */
class TensorOpsTest {
    private static final double TOL = 1e-6;

    /** A random shape of rank lo..hi with dimensions 1..4. */
    static int[] shape(Random r, int lo, int hi) {
        int[] s = new int[lo + r.nextInt(hi - lo + 1)];
        for (int i = 0; i < s.length; i++) s[i] = 1 + r.nextInt(4);
        return s;
    }

    /** Checks {@code op} through a random smooth scalar read-out of its output. */
    static void checkOp(String name, UnaryOperator<Tensor> op, Tensor x, Random r) {
        Tensor w = Prop.tensor(r, -1, 1, op.apply(x).shape());
        Check.tensorFunction(name + " at shape " + Shapes.str(x.shape), t -> op.apply(t).sin().times(w).sum(), x, r, TOL);
    }

    /** Checks a scalar-valued {@code op} through a smooth function of it. */
    static void checkScalarOp(String name, Function<Tensor, Real> op, Tensor x, Random r) {
        Check.tensorFunction(name + " at shape " + Shapes.str(x.shape), t -> op.apply(t).sin(), x, r, TOL);
    }

    /** A shape that broadcasts onto {@code s}: some leading dimensions dropped, some others set to 1. */
    static int[] broadcastable(Random r, int[] s) {
        int drop = s.length == 0 ? 0 : r.nextInt(s.length + 1);
        int[] b = java.util.Arrays.copyOfRange(s, drop, s.length);
        for (int i = 0; i < b.length; i++) if (r.nextBoolean()) b[i] = 1;
        return b;
    }

    // ---------------------------------------------------------------- finite differences

    @Test
    void axisReductionsMatchFiniteDifferences() {
        Prop.forAll("axis reductions", 6, r -> {
            int[] s = shape(r, 1, 3);
            Tensor x = Prop.tensor(r, -1.5, 1.5, s);
            Tensor b = Prop.tensor(r, -1, 1, broadcastable(r, s));
            int axis = r.nextInt(s.length) - (r.nextBoolean() ? s.length : 0);
            checkOp("sum(" + axis + ")", t -> t.sum(axis), x, r);
            checkOp("mean(" + axis + ")", t -> t.mean(axis), x, r);
            checkOp("prod(" + axis + ")", t -> t.prod(axis), x, r);
            checkOp("max(" + axis + ")", t -> t.max(axis), x, r);
            checkOp("min(" + axis + ")", t -> t.min(axis), x, r);
            checkOp("logsumexp(" + axis + ")", t -> t.logsumexp(axis), x, r);
            checkOp("softmax(" + axis + ")", t -> t.softmax(axis), x, r);
            checkOp("cumsum(" + axis + ")", t -> t.cumsum(axis), x, r);
            // broadcasting on the way in: the operand is x + b, b of a smaller shape
            checkOp("broadcast then softmax(" + axis + ")", t -> t.plus(b).softmax(axis), x, r);
            checkOp("broadcast then prod(" + axis + ")", t -> t.times(b).prod(axis), x, r);
            checkOp("broadcast then logsumexp(" + axis + ")", t -> t.minus(b).logsumexp(axis), x, r);
            // and the small operand differentiated through the broadcast
            if (b.length() > 0) checkOp("cumsum of broadcast (" + axis + ")", t -> x.times(t).cumsum(axis), b, r);
        });
    }

    @Test
    void wholeTensorReductionsMatchFiniteDifferencesIncluding0dAnd1Element() {
        Prop.forAll("whole reductions", 8, r -> {
            int[] s = r.nextInt(4) == 0 ? new int[r.nextInt(3)] : shape(r, 0, 3);
            for (int i = 0; i < s.length; i++) if (r.nextInt(3) == 0) s[i] = 1;
            Tensor x = Prop.tensor(r, -1.5, 1.5, s);
            checkScalarOp("prod()", Tensor::prod, x, r);
            checkScalarOp("max()", Tensor::max, x, r);
            checkScalarOp("min()", Tensor::min, x, r);
            checkScalarOp("logsumexp()", Tensor::logsumexp, x, r);
            checkOp("softmax()", Tensor::softmax, x, r);
            checkOp("cumsum()", Tensor::cumsum, x, r);
            checkOp("transpose()", Tensor::transpose, x, r);
        });
    }

    @Test
    void prodHasTheRightDerivativesAtZeros() {
        Prop.forAll("prod at zeros", 4, r -> {
            int[] s = shape(r, 1, 2);
            Tensor x = Prop.tensor(r, -1.5, 1.5, s);
            double[] d = x.toDoubleArray();
            d[r.nextInt(d.length)] = 0;
            if (d.length > 2 && r.nextBoolean()) d[r.nextInt(d.length)] = 0;
            Tensor z = Tensor.plain(s, d);
            checkScalarOp("prod() with zeros", Tensor::prod, z, r);
            checkOp("prod(0) with zeros", t -> t.prod(0), z, r);
        });
        // closed form: d/dx_i prod = product of the others
        assertEquals("([0.0, 6.0, 0.0],)", gradient(x -> x.prod(), Tensor.of(2, 0, 3)).toString());
        assertEquals("([0.0, 0.0, 0.0],)", gradient(x -> x.prod(), Tensor.of(2, 0, 0)).toString());
    }

    @Test
    void slicingPermutingAndJoiningMatchFiniteDifferences() {
        Prop.forAll("slicing", 6, r -> {
            int[] s = shape(r, 1, 3);
            Tensor x = Prop.tensor(r, -1.5, 1.5, s);
            Index[] index = new Index[r.nextInt(s.length + 1)];
            for (int d = 0; d < index.length; d++) {
                int k = r.nextInt(3), from = r.nextInt(s[d]);
                index[d] = k == 0 ? all() : k == 1 ? at(from) : range(from, from + 1 + r.nextInt(s[d] - from));
            }
            checkOp("slice" + java.util.Arrays.toString(index), t -> t.slice(index), x, r);
            int[] perm = randomPermutation(r, s.length);
            checkOp("permute" + java.util.Arrays.toString(perm), t -> t.permute(perm), x, r);
            checkOp("transpose", Tensor::transpose, x, r);
            int axis = r.nextInt(s.length);
            int[] s2 = s.clone();
            s2[axis] = 1 + r.nextInt(3);
            Tensor y = Prop.tensor(r, -1, 1, s2);
            checkOp("concat(" + axis + ") first", t -> Tensor.concat(axis, t, y), x, r);
            checkOp("concat(" + axis + ") both", t -> Tensor.concat(axis, y, t.times(t), t), x, r);
            int newAxis = r.nextInt(s.length + 1);
            Tensor z = Prop.tensor(r, -1, 1, s);
            checkOp("stack(" + newAxis + ")", t -> Tensor.stack(newAxis, t, z, t.square()), x, r);
        });
    }

    private static int[] randomPermutation(Random r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Test
    void forwardAndReverseAgreeByTheDotProductTest() {
        // <J v, w> = <v, J^T w> for the linear and the nonlinear primitives
        Prop.forAll("dot product", 5, r -> {
            int[] s = shape(r, 2, 3);
            Tensor x = Prop.tensor(r, -1, 1, s);
            for (UnaryOperator<Tensor> op : new UnaryOperator[] {
                t -> ((Tensor) t).softmax(0), t -> ((Tensor) t).logsumexp(1), t -> ((Tensor) t).cumsum(-1),
                t -> ((Tensor) t).prod(1), t -> ((Tensor) t).transpose(), t -> ((Tensor) t).slice(range(0, 1), at(0))}) {
                Tensor v = Prop.tensor(r, -1, 1, s);
                Tensor jv = jvp(op::apply, x, v).tangent();
                Tensor w = Prop.tensor(r, -1, 1, jv.shape());
                Tensor jtw = (Tensor) pullback(op::apply, x).back(w).get(0);
                Check.close(jv.times(w).sum().value(), v.times(jtw).sum().value(), 1e-12, "dot product test");
            }
        });
    }

    // ---------------------------------------------------------------- closed forms

    private static final Tensor M = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void reductionValues() {
        assertEquals("[5.0, 7.0, 9.0]", M.sum(0).toString());
        assertEquals("[6.0, 15.0]", M.sum(1).toString());
        assertEquals("[6.0, 15.0]", M.sum(-1).toString());
        assertEquals("[2.0, 5.0]", M.mean(1).toString());
        assertEquals("[4.0, 10.0, 18.0]", M.prod(0).toString());
        assertEquals(720.0, M.prod().value());
        assertEquals(1.0, Tensor.zeros(0).prod().value());
        assertEquals("[1.0, 1.0]", Tensor.zeros(2, 0).prod(1).toString());
        assertEquals(6.0, M.max().value());
        assertEquals(1.0, M.min().value());
        assertEquals("[4.0, 5.0, 6.0]", M.max(0).toString());
        assertEquals("[1.0, 4.0]", M.min(1).toString());
        assertEquals(7.0, Tensor.of(7).max().value());
        assertEquals(3.0, Tensor.scalar(Real.of(3)).prod().value());
        assertTrue(Double.isNaN(Tensor.of(1, Double.NaN, 3).max().value()));
        assertTrue(Double.isNaN(Tensor.of(1, Double.NaN, 3).min(0).get().value()));
        // shapes drop the axis
        assertArrayEquals(new int[] {2, 4}, Tensor.zeros(2, 3, 4).sum(1).shape());
        assertArrayEquals(new int[] {}, Tensor.zeros(3).max(0).shape());
    }

    @Test
    void maxAndMinSendTheGradientToTheFirstExtremalElement() {
        assertEquals("([0.0, 1.0, 0.0, 0.0],)", gradient(x -> x.max(), Tensor.of(1, 5, 5, 2)).toString());
        assertEquals("([1.0, 0.0, 0.0, 0.0],)", gradient(x -> x.min(), Tensor.of(1, 5, 1, 2)).toString());
        Tensor m = Tensor.of(new double[][] {{3, 1}, {3, 4}});
        assertEquals("([[1.0, 0.0],\n  [0.0, 1.0]],)", gradient(x -> x.max(0).sum(), m).toString());
        assertEquals("([[0.0, 1.0],\n  [1.0, 0.0]],)", gradient(x -> x.min(1).sum(), m).toString());
        assertEquals("(2.0, [0.0, 2.0])", gradient((x, c) -> c.max().times(x), 2.0, Tensor.of(1, 2)).toString());
        Tensor c = Tensor.of(1, 2);
        assertEquals("(2.0,)", gradient(x -> c.max().times(x), 2.0).toString());
    }

    @Test
    void logsumexpAndSoftmaxAreStableForLargeInputs() {
        assertEquals(1000 + Math.log(2), Tensor.of(1000, 1000).logsumexp().value(), 1e-12);
        assertEquals(-1000 + Math.log(2), Tensor.of(-1000, -1000).logsumexp().value(), 1e-12);
        assertEquals("([0.5, 0.5],)", gradient(x -> x.logsumexp(), Tensor.of(1000, 1000)).toString());
        assertEquals(Double.NEGATIVE_INFINITY, Tensor.zeros(0).logsumexp().value());
        assertEquals(Double.NEGATIVE_INFINITY, Tensor.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).logsumexp().value());
        assertEquals(Double.POSITIVE_INFINITY, Tensor.of(1, Double.POSITIVE_INFINITY).logsumexp().value());
        double e = Math.log(1 + Math.exp(-1));
        Tensor l = Tensor.of(new double[][] {{800, 801}, {0, 0}}).logsumexp(1);
        assertEquals(801 + e, l.get(0).value(), 1e-12);
        assertEquals(Math.log(2), l.get(1).value(), 1e-15);
        Tensor sm = Tensor.of(1000, 1000 + Math.log(3)).softmax();
        // (1000 + log 3 is itself rounded to about 1e-13)
        assertEquals(0.25, sm.get(0).value(), 1e-12);
        assertEquals(0.75, sm.get(1).value(), 1e-12);
        assertEquals("[1.0]", Tensor.of(-5000).softmax().toString());
        assertEquals("1.0", Tensor.scalar(Real.of(3)).softmax().toString());
        // softmax(axis): columns sum to one
        Tensor s0 = M.softmax(0);
        for (int j = 0; j < 3; j++) assertEquals(1.0, s0.get(0, j).plus(s0.get(1, j)).value(), 1e-15);
        assertEquals(1 / (1 + Math.exp(3)), s0.get(0, 0).value(), 1e-15);
        // gradient of a softmax read-out: y_k (delta_jk - y_j)
        Tensor g = gradient(x -> x.softmax().get(0), Tensor.of(0, Math.log(3))).tensor(0);
        assertEquals(0.25 * 0.75, g.get(0).value(), 1e-15);
        assertEquals(-0.25 * 0.75, g.get(1).value(), 1e-15);
        // logsumexp's gradient is the softmax
        Tensor x = Tensor.of(0.3, -1.2, 2.5);
        assertArrayEquals(x.softmax().toDoubleArray(), gradient(t -> t.logsumexp(), x).tensor(0).toDoubleArray(), 1e-15);
    }

    @Test
    void cumsumValuesAndGradients() {
        assertEquals("[1.0, 3.0, 6.0]", Tensor.of(1, 2, 3).cumsum().toString());
        assertEquals("[[1.0, 3.0, 6.0],\n [4.0, 9.0, 15.0]]", M.cumsum().toString());
        assertEquals("[[1.0, 2.0, 3.0],\n [5.0, 7.0, 9.0]]", M.cumsum(0).toString());
        assertEquals("([3.0, 2.0, 1.0],)", gradient(x -> x.cumsum().sum(), Tensor.of(1, 2, 3)).toString());
        assertEquals("([1.0, 1.0, 0.0],)", gradient(x -> x.cumsum().get(1), Tensor.of(1, 2, 3)).toString());
        Real c = Tensor.scalar(Real.of(4)).cumsum().get();
        assertEquals(4.0, c.value());
    }

    @Test
    void sliceValuesAndGradients() {
        assertEquals("[2.0, 5.0]", M.slice(all(), at(1)).toString());
        assertEquals("[2.0, 3.0]", M.slice(at(0), range(1, 3)).toString());
        assertEquals("[[4.0, 5.0, 6.0]]", M.slice(range(1, 2)).toString());
        assertEquals("[4.0, 5.0, 6.0]", M.slice(at(1)).toString());
        assertEquals("6.0", M.slice(at(1), at(2)).toString());
        assertArrayEquals(new int[] {0, 3}, M.slice(range(1, 1)).shape());
        assertSame(M, M.slice(all(), range(0, 3)));
        assertEquals("[2.0, 3.0]", Tensor.of(1, 2, 3, 4).slice(range(1, 3)).toString());
        assertEquals("([[0.0, 1.0, 0.0],\n  [0.0, 1.0, 0.0]],)", gradient(m -> m.slice(all(), at(1)).sum(), M).toString());
        assertEquals("([[0.0, 0.0, 0.0],\n  [0.0, 2.0, 3.0]],)",
                gradient(m -> m.slice(at(1), range(1, 3)).times(Tensor.of(2, 3)).sum(), M).toString());
        // the helper for Buffer: flat positions, row-major in the slice
        assertArrayEquals(new int[] {1, 4}, Shapes.positions("slice", new int[] {2, 3}, new Index[] {all(), at(1)}));
        assertArrayEquals(new int[] {13, 14, 17, 18},
                Shapes.positions("slice", new int[] {2, 3, 4}, new Index[] {at(1), range(0, 2), range(1, 3)}));
        assertArrayEquals(new int[] {2, 2}, Shapes.sliceShape("slice", new int[] {2, 3, 4}, new Index[] {at(1), range(0, 2), range(1, 3)}));
        assertArrayEquals(new int[] {0}, Shapes.positions("slice", new int[] {}, new Index[] {}));
    }

    @Test
    void transposePermuteConcatStackValues() {
        assertEquals("[[1.0, 4.0],\n [2.0, 5.0],\n [3.0, 6.0]]", M.transpose().toString());
        Tensor v = Tensor.of(1, 2);
        assertSame(v, v.transpose());
        Tensor t3 = Tensor.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23).reshape(2, 3, 4);
        Tensor tt = t3.transpose();
        assertArrayEquals(new int[] {4, 3, 2}, tt.shape());
        assertEquals(t3.get(1, 2, 3), tt.get(3, 2, 1));
        assertEquals(t3.get(0, 1, 2), tt.get(2, 1, 0));
        Tensor p = t3.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(t3.get(1, 2, 3), p.get(3, 1, 2));
        assertEquals(t3.permute(2, 0, 1), t3.permute(-1, 0, -2));
        assertEquals("([[1.0, 2.0, 3.0],\n  [4.0, 5.0, 6.0]],)",
                gradient(m -> m.transpose().times(M.transpose()).sum(), M).toString());
        assertEquals("[1.0, 2.0, 3.0]", Tensor.concat(0, Tensor.of(1, 2), Tensor.of(3)).toString());
        Tensor col = Tensor.of(new double[][] {{1}, {2}});
        assertEquals("[[1.0, 1.0, 7.0],\n [2.0, 2.0, 8.0]]",
                Tensor.concat(1, col, col, Tensor.of(new double[][] {{7}, {8}})).toString());
        assertEquals("[[1.0, 2.0, 3.0],\n [4.0, 5.0, 6.0],\n [1.0, 2.0, 3.0]]", Tensor.concat(-2, M, M.slice(range(0, 1))).toString());
        assertEquals("[[1.0, 2.0],\n [3.0, 4.0]]", Tensor.stack(0, Tensor.of(1, 2), Tensor.of(3, 4)).toString());
        assertEquals("[[1.0, 3.0],\n [2.0, 4.0]]", Tensor.stack(1, Tensor.of(1, 2), Tensor.of(3, 4)).toString());
        assertEquals("[[1.0, 3.0],\n [2.0, 4.0]]", Tensor.stack(-1, Tensor.of(1, 2), Tensor.of(3, 4)).toString());
        assertEquals("[1.0, 2.0]", Tensor.stack(0, Tensor.scalar(Real.of(1)), Tensor.scalar(Real.of(2))).toString());
        assertEquals("([2.0, 3.0], [1.0, 1.0])",
                gradient((a, b) -> Tensor.concat(0, a, b).times(Tensor.of(2, 3, 1, 1)).sum(), Tensor.of(1, 2), Tensor.of(3, 4)).toString());
        assertEquals("(3.0, 4.0)", gradient((a, b) -> Tensor.stack(0, Tensor.scalar(a), Tensor.scalar(b))
                .times(Tensor.of(3, 4)).sum(), 1, 2).toString());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void badAxesNameTheOperationTheAxisAndTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.sum(2));
        assertTrue(e.getMessage().contains("sum") && e.getMessage().contains("axis 2") && e.getMessage().contains("[2, 3]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> M.softmax(-3));
        assertTrue(e.getMessage().startsWith("softmax: axis -3") && e.getMessage().contains("-2 to 1"), e.getMessage());
        for (String op : new String[] {"mean", "prod", "max", "min", "logsumexp", "cumsum"}) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> {
                switch (op) {
                    case "mean" -> M.mean(5);
                    case "prod" -> M.prod(5);
                    case "max" -> M.max(5);
                    case "min" -> M.min(5);
                    case "logsumexp" -> M.logsumexp(5);
                    default -> M.cumsum(5);
                }
            });
            assertTrue(x.getMessage().startsWith(op + ": axis 5") && x.getMessage().contains("[2, 3]"), x.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(Real.of(1)).sum(0));
        assertTrue(e.getMessage().contains("0-d"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).max());
        assertTrue(e.getMessage().startsWith("max: ") && e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).min(1));
        assertTrue(e.getMessage().startsWith("min: axis 1") && e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> M.permute(0, 0));
        assertTrue(e.getMessage().startsWith("permute: axes [0, 0]") && e.getMessage().contains("[2, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> M.permute(1));
        assertTrue(e.getMessage().contains("permutation"), e.getMessage());
    }

    @Test
    void badIndicesAndShapesAreClearErrors() {
        IndexOutOfBoundsException o = assertThrows(IndexOutOfBoundsException.class, () -> M.slice(at(2)));
        assertTrue(o.getMessage().startsWith("slice: at(2)") && o.getMessage().contains("dimension 0")
                && o.getMessage().contains("[2, 3]"), o.getMessage());
        o = assertThrows(IndexOutOfBoundsException.class, () -> M.slice(all(), range(1, 4)));
        assertTrue(o.getMessage().startsWith("slice: range(1, 4)") && o.getMessage().contains("dimension 1"), o.getMessage());
        o = assertThrows(IndexOutOfBoundsException.class, () -> M.slice(at(-1)));
        assertTrue(o.getMessage().contains("at(-1)"), o.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.slice(all(), all(), at(0)));
        assertTrue(e.getMessage().startsWith("slice: 3 indices") && e.getMessage().contains("[2, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(1, M, Tensor.zeros(3, 3)));
        assertTrue(e.getMessage().startsWith("concat: part 1 has shape [3, 3]") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("axis 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, M, Tensor.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("part 1 has shape [3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0));
        assertTrue(e.getMessage().startsWith("concat: no tensors"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, Tensor.scalar(Real.ONE)));
        assertTrue(e.getMessage().contains("0-d") && e.getMessage().contains("stack"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(0, Tensor.of(1, 2), Tensor.of(1)));
        assertTrue(e.getMessage().startsWith("stack: part 1 has shape [1]") && e.getMessage().contains("[2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.stack(2, Tensor.of(1, 2)));
        assertTrue(e.getMessage().startsWith("stack: axis 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> range(3, 1));
        assertTrue(e.getMessage().contains("range(3, 1)"), e.getMessage());
    }

    // ---------------------------------------------------------------- cost of element reads

    /** Tape entries and bytes allocated by a gradient of {@code s = s + x[i]} over n elements. */
    private static long[] readLoopCost(int n) {
        Tensor x = Tensor.ones(n);
        long[] entries = new long[1];
        long before = allocatedBytes();
        Grads g = gradient(v -> {
            Real s = Real.ZERO;
            for (int i = 0; i < n; i++) s = s.plus(v.get(i));
            entries[0] = ((Tape) s.level).size();
            return s;
        }, x);
        long bytes = allocatedBytes() - before;
        assertEquals((double) n, g.tensor(0).sum().value());
        return new long[] {entries[0], bytes};
    }

    /**
     * Bytes this thread has allocated so far (HotSpot's per-thread counter), read
     * reflectively: the library's module does not read the management modules.
     */
    private static long allocatedBytes() {
        try {
            Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(mx);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this test needs HotSpot's com.sun.management.ThreadMXBean", e);
        }
    }

    @Test
    void aLoopOfElementReadsCostsLinearTimeInBothPasses() {
        long[] small = readLoopCost(100_000), big = readLoopCost(1_000_000);
        // one leaf, then a read and an addition per element
        assertEquals(1 + 2L * 100_000, small[0]);
        assertEquals(1 + 2L * 1_000_000, big[0]);
        // Memory of both passes grows like n (an O(n^2) backward pass, one dense cotangent
        // per read, would allocate 100x more for 10x the elements).
        assertTrue(big[1] < 30 * small[1], "allocation grew from " + small[1] + " to " + big[1] + " bytes for 10x n");
    }
}
