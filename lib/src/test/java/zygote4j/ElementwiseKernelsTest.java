package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.gradient;
import static zygote4j.Zygote.hessian;
import static zygote4j.Zygote.jvp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The plain loops behind elementwise operations: broadcast runs against the per-element
 * index, every binary rule on broadcast operands against finite differences (both
 * operands, both modes, second order), the chunked forward rules against one direction at
 * a time, and the per-rule copies of the loop class.
 */
class ElementwiseKernelsTest {
    private static final double TOL = 1e-6;

    /** A pair of shapes that broadcast together: a random output shape, each operand some of it. */
    private static int[][] shapes(Random r) {
        int[] out = TensorOpsTest.shape(r, 0, 4);
        return new int[][] {TensorOpsTest.broadcastable(r, out), TensorOpsTest.broadcastable(r, out)};
    }

    @Test
    void broadcastRunsVisitTheSameElementsAsTheIndexOfEachOutputElement() {
        Prop.forAll("broadcast runs", 300, r -> {
            int[][] s = shapes(r);
            BroadcastPlan p = BroadcastPlan.of("test", s[0], s[1]);
            int[] out = Shapes.broadcast("test", s[0], s[1]);
            int[] ia = Shapes.broadcastIndex(s[0], out), ib = Shapes.broadcastIndex(s[1], out);
            assertEquals(ia.length, p.count);
            assertEquals(p.count, p.blocks() * p.len, "runs cover the output");
            for (int q = 0; q < p.blocks(); q++) {
                for (int i = 0; i < p.len; i++) {
                    int o = q * p.len + i;
                    assertEquals(ia[o], p.aOff[q] + (p.aVaries ? i : 0), "a at output " + o);
                    assertEquals(ib[o], p.bOff[q] + (p.bVaries ? i : 0), "b at output " + o);
                }
            }
        });
        BroadcastPlan row = BroadcastPlan.of("plus", new int[] {3, 4}, new int[] {4});
        assertEquals(4, row.len);
        assertEquals(3, row.blocks());
        BroadcastPlan same = BroadcastPlan.of("plus", new int[] {2, 3, 4}, new int[] {2, 3, 4});
        assertTrue(same.same());
        assertEquals(24, same.len);
    }

    private static final List<String> NAMES = List.of("plus", "minus", "times", "div", "pow", "max", "min", "atan2",
            "hypot");

    private static Tensor apply(String op, Tensor a, Tensor b) {
        return switch (op) {
            case "plus" -> a.plus(b);
            case "minus" -> a.minus(b);
            case "times" -> a.times(b);
            case "div" -> a.div(b);
            case "pow" -> a.pow(b);
            case "max" -> a.maximum(b);
            case "min" -> a.minimum(b);
            case "atan2" -> a.atan2(b);
            case "hypot" -> a.hypot(b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    @Test
    void binaryRulesOnBroadcastOperandsMatchFiniteDifferences() {
        Prop.forAll("broadcast binary", 12, r -> {
            int[][] s = shapes(r);
            // Positive operands away from ties, so that pow, div, max and min are smooth here.
            Tensor a = Prop.tensor(r, 0.5, 1.5, s[0]), b = Prop.tensor(r, 1.7, 2.5, s[1]);
            for (String op : NAMES) {
                Tensor w = Prop.tensor(r, -1, 1, apply(op, a, b).shape());
                Check.tensorFunction(op + " wrt a " + Shapes.str(s[0]) + " with " + Shapes.str(s[1]),
                        t -> apply(op, t, b).sin().times(w).sum(), a, r, TOL);
                Check.tensorFunction(op + " wrt b " + Shapes.str(s[1]) + " with " + Shapes.str(s[0]),
                        t -> apply(op, a, t).sin().times(w).sum(), b, r, TOL);
                // Both operands at once equal each one alone (the fused loop and the constant-skipping one).
                Grads both = gradient((x, y) -> apply(op, x, y).sin().times(w).sum(), a, b);
                Tensor ga = (Tensor) gradient(x -> apply(op, x, b).sin().times(w).sum(), a).get(0);
                Tensor gb = (Tensor) gradient(y -> apply(op, a, y).sin().times(w).sum(), b).get(0);
                assertClose(ga, both.tensor(0), op + " gradient of a with and without b's");
                assertClose(gb, both.tensor(1), op + " gradient of b with and without a's");
            }
        });
    }

    @Test
    void theSameOperandOnBothSidesGetsBothContributions() {
        Tensor x = Tensor.of(0.5, 2, 3);
        assertEquals("([2.0, 2.0, 2.0],)", gradient(v -> v.plus(v).sum(), x).toString());
        assertEquals("([0.0, 0.0, 0.0],)", gradient(v -> v.minus(v).sum(), x).toString());
        assertEquals("([1.0, 4.0, 6.0],)", gradient(v -> v.times(v).sum(), x).toString());
        // A cotangent passed through by plus is shared, never changed in place by the tape.
        Grads g = gradient((u, v) -> u.plus(v).times(Tensor.of(1, 2, 3)).sum(), x, x);
        assertEquals("([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])", g.toString());
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Grads gm = gradient((u, v) -> u.plus(v).sum(), m, Tensor.of(5, 6));
        assertEquals(Tensor.ones(2, 2), gm.tensor(0));
        assertEquals(Tensor.of(2, 2), gm.tensor(1));
    }

    @Test
    void aConstantOperandGetsNoGradient() {
        Tensor c = Tensor.of(1, 2, 3);
        Grads g = gradient(x -> x.times(c).sum(), Tensor.of(4, 5, 6));
        assertEquals("([1.0, 2.0, 3.0],)", g.toString());
        Object[] cts = new ElementwiseRules.Binary(ScalarRules.TIMES).vjpFor(new Object[] {Tensor.of(4, 5, 6), c},
                Tensor.of(4, 10, 18), Tensor.of(1, 1, 1), new boolean[] {true, false});
        assertNull(cts[1]);
        assertEquals(Tensor.of(1, 2, 3), cts[0]);
    }

    /** Unary functions and a smooth mix of binary ones, for the chunked forward rules. */
    private static Real mixed(Tensor x, Tensor rowScale) {
        int n = x.length();
        Tensor m = x.reshape(2, n / 2);
        Tensor u = m.times(rowScale).plus(m.slice(Zygote.range(1, 2)).exp()).tanh();
        Tensor v = m.minus(x.slice(Zygote.range(0, n / 2)).sin()).div(m.square().plus(2)).sigmoid();
        Tensor w = u.times(v).pow(Tensor.of(2.0)).hypot(m.cos()).log1p();
        return w.sum().plus(x.sqrt().sum()).plus(x.logsumexp());
    }

    @Test
    void chunkedForwardRulesAgreeWithOneDirectionAtATime() {
        Prop.forAll("chunked forward", 4, r -> {
            Tensor x = Prop.tensor(r, 0.2, 1.5, 8);
            Tensor rowScale = Prop.tensor(r, -1, 1, 4);
            double[] one = hessian(t -> mixed(t, rowScale), x, 1).toDoubleArray();
            double[] reverse = Zygote.hessianReverse(t -> mixed(t, rowScale), x).toDoubleArray();
            for (int chunk : new int[] {2, 3, 8}) {
                double[] h = hessian(t -> mixed(t, rowScale), x, chunk).toDoubleArray();
                for (int i = 0; i < h.length; i++) {
                    Check.close(one[i], h[i], 1e-13, "Hessian entry " + i + " with chunk " + chunk);
                    Check.close(reverse[i], h[i], 1e-10, "Hessian entry " + i + " against reverse-over-reverse");
                }
            }
            // A broadcast operand's tangent, forward mode over a chunk of one.
            Tensor v = Prop.tensor(r, -1, 1, 4);
            BiFunction<Tensor, Tensor, Tensor> f = (a, b) -> a.reshape(2, 4).times(b).plus(b.exp());
            Tensor jv = jvp((Tensor s) -> f.apply(x, s), rowScale, v).tangent();
            Tensor expected = x.reshape(2, 4).times(v).plus(rowScale.exp().times(v));
            assertClose(expected, jv, "jvp through a broadcast operand");
        });
    }

    @Test
    void eachRuleRunsItsOwnCopyOfTheLoops() {
        ElementwiseKernels.Loops plus = ElementwiseKernels.of(ScalarRules.PLUS);
        ElementwiseKernels.Loops times = ElementwiseKernels.of(ScalarRules.TIMES);
        assertNotSame(plus.getClass(), times.getClass());
        assertTrue(plus.getClass().isHidden(), "a copy is a hidden class");
        assertEquals(plus, ElementwiseKernels.of(ScalarRules.PLUS), "one copy per rule, made once");
        // Every rule's loops compute the rule: values of all the scalar functions, elementwise.
        Random r = new Random(7);
        double[] x = new double[37];
        for (int i = 0; i < x.length; i++) x[i] = 0.1 + r.nextDouble();
        List<UnaryRule> unary = new ArrayList<>(List.of(ScalarRules.NEG, ScalarRules.EXP, ScalarRules.LOG,
                ScalarRules.SQRT, ScalarRules.SIN, ScalarRules.COS, ScalarRules.TAN, ScalarRules.TANH, ScalarRules.ABS,
                ScalarRules.SQUARE, ScalarRules.RECIPROCAL, ScalarRules.LOG1P, ScalarRules.EXPM1, ScalarRules.SIGMOID,
                ScalarRules.SOFTPLUS, ScalarRules.ASIN, ScalarRules.ACOS, ScalarRules.ATAN, ScalarRules.SINH,
                ScalarRules.COSH));
        for (UnaryRule u : unary) {
            double[] o = new double[x.length], d = new double[x.length];
            ElementwiseKernels.map(u, x, o);
            ElementwiseKernels.derivative(u, x, o, d);
            for (int i = 0; i < x.length; i++) {
                assertEquals(u.apply(x[i]), o[i], 0, u.name + " value");
                assertEquals(u.deriv(x[i], o[i]), d[i], 0, u.name + " derivative");
            }
        }
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertEquals(Shapes.str(expected.shape), Shapes.str(actual.shape), what + ": shape");
        for (int i = 0; i < expected.data.length; i++) Check.close(expected.data[i], actual.data[i], 1e-12, what + "[" + i + "]");
    }
}
