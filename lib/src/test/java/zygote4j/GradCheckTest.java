package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.gradient;

import org.junit.jupiter.api.Test;

/** The public rule checker passes correct rules and reports wrong ones. */
class GradCheckTest {
    /** cube(x) = x^3, with correct rules written in library operations (the Javadoc example). */
    static Primitive cube() {
        return new Primitive("cube") {
            @Override
            protected Object evaluate(Object[] in) {
                double x = ((Real) in[0]).value();
                return Real.of(x * x * x);
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                return ((Real) t[0]).times(((Real) in[0]).square().times(3));
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                return new Object[] {((Real) ct).times(((Real) in[0]).square().times(3))};
            }
        };
    }

    /** f(x, y) = x * sin(y) elementwise, for tensors of one shape. */
    static Primitive timesSin(boolean wrongForward, boolean wrongReverse) {
        return new Primitive("timesSin") {
            @Override
            protected Object evaluate(Object[] in) {
                return ((Tensor) in[0]).times(((Tensor) in[1]).sin());
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                Tensor x = (Tensor) in[0], y = (Tensor) in[1];
                Tensor s = null;
                if (t[0] != null) s = ((Tensor) t[0]).times(y.sin());
                if (t[1] != null) {
                    // the deliberate mistake: sin instead of cos
                    Tensor u = ((Tensor) t[1]).times(x).times(wrongForward ? y.sin() : y.cos());
                    s = s == null ? u : s.plus(u);
                }
                return s;
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                Tensor x = (Tensor) in[0], y = (Tensor) in[1], c = (Tensor) ct;
                // the deliberate mistake: a factor 2 on the first input
                Tensor gx = c.times(y.sin()).times(wrongReverse ? 2 : 1);
                return new Object[] {gx, c.times(x).times(y.cos())};
            }
        };
    }

    /** sum(x^3) with rules computed on plain doubles: right at first order, constant at second. */
    static Primitive plainCubeSum() {
        return new Primitive("plainCubeSum") {
            @Override
            protected Object evaluate(Object[] in) {
                double s = 0;
                for (double d : ((Tensor) in[0]).toDoubleArray()) s += d * d * d;
                return Real.of(s);
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                double[] x = ((Tensor) in[0]).toDoubleArray(), v = ((Tensor) t[0]).toDoubleArray();
                double s = 0;
                for (int i = 0; i < x.length; i++) s += 3 * x[i] * x[i] * v[i];
                return Real.of(s);
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                double[] x = ((Tensor) in[0]).toDoubleArray(), g = new double[x.length];
                for (int i = 0; i < x.length; i++) g[i] = 3 * x[i] * x[i] * ((Real) ct).value();
                return new Object[] {Tensor.of(g)};
            }
        };
    }

    /** A primitive whose reverse rule returns what {@code cts} says, with a correct value and forward rule. */
    static Primitive squareReturning(java.util.function.Function<Real, Object[]> cts) {
        return new Primitive("badSquare") {
            @Override
            protected Object evaluate(Object[] in) {
                return ((Real) in[0]).square();
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                return ((Real) t[0]).times(((Real) in[0]).times(2));
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                return cts.apply(((Real) ct).times(((Real) in[0]).times(2)));
            }
        };
    }

    @Test
    void correctScalarRulePasses() {
        Primitive cube = cube();
        GradCheck.Report r = GradCheck.check(cube, Real.of(0.7));
        assertEquals("cube", r.primitive());
        assertTrue(r.jvpError() < 1e-8 && r.vjpError() < 1e-8 && r.secondOrderError() < 1e-8, r.toString());
        assertTrue(r.toString().startsWith("GradCheck('cube') passed: jvp "), r.toString());
        GradCheck.check(cube, -2.5);   // a number is taken as a Real
        // the Javadoc example of Primitive
        assertEquals("(12.0,)", gradient(x -> (Real) cube.apply(x), 2.0).toString());
    }

    @Test
    void correctTensorRuleWithTwoInputsPasses() {
        Tensor x = Tensor.of(new double[][] {{0.5, -1.2, 2}, {0.3, 0.9, -0.4}});
        Tensor y = Tensor.of(new double[][] {{1.1, 0.2, -0.7}, {2.5, -1.9, 0.05}});
        GradCheck.Report r = GradCheck.check(timesSin(false, false), x, y);
        assertTrue(r.dotProductError() < 1e-12, r.toString());
        // same numbers with another seed and tolerance
        GradCheck.withTolerance(1e-7).seed(99).verify(timesSin(false, false), x, y);
    }

    @Test
    void wrongReverseRuleFails() {
        Tensor x = Tensor.of(0.5, -1.2, 2), y = Tensor.of(1.1, 0.2, -0.7);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.check(timesSin(false, true), x, y));
        String m = e.getMessage();
        assertTrue(m.startsWith("GradCheck of 'timesSin' at ([0.5, -1.2, 2.0], [1.1, 0.2, -0.7]) failed (2 checks, "), m);
        assertTrue(m.contains("vjp, input 0: the reverse rule gives J^T w = "), m);
        assertTrue(m.contains("dot product, input 0: "), m);
        assertTrue(!m.contains("input 1:"), "input 1's rules are right: " + m);
        assertTrue(!m.contains("jvp, input"), "the forward rule is right: " + m);
    }

    @Test
    void largeInputsAreCheckedAlongRandomDirections() {
        java.util.Random r = new java.util.Random(5);
        Tensor x = Prop.tensor(r, -2, 2, 20, 15), y = Prop.tensor(r, -2, 2, 20, 15);   // 300 elements each
        GradCheck.check(timesSin(false, false), x, y);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.check(timesSin(false, true), x, y));
        assertTrue(e.getMessage().contains("vjp, input 0: <v, J^T w> = "), e.getMessage());
        assertTrue(e.getMessage().contains(", ... (300 elements)"), e.getMessage());
    }

    @Test
    void wrongForwardRuleFails() {
        Tensor x = Tensor.of(0.5, -1.2, 2), y = Tensor.of(1.1, 0.2, -0.7);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.check(timesSin(true, false), x, y));
        String m = e.getMessage();
        assertTrue(m.contains("jvp, input 1: the forward rule gives J v = "), m);
        assertTrue(m.contains("dot product, input 1: "), m);
        assertTrue(!m.contains("input 0:"), m);
    }

    @Test
    void wrongDerivativeOfAScalarRuleFails() {
        // d/dx x^2 given as x instead of 2x, in the reverse rule only
        Primitive p = new Primitive("halfSquare") {
            @Override
            protected Object evaluate(Object[] in) {
                return ((Real) in[0]).square();
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                return ((Real) t[0]).times(((Real) in[0]).times(2));
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                return new Object[] {((Real) ct).times(in[0] instanceof Real r ? r : Real.ZERO)};
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GradCheck.check(p, Real.of(1.5)));
        assertTrue(e.getMessage().contains("vjp, input 0: the reverse rule gives J^T w = "), e.getMessage());
    }

    @Test
    void wrongNumberOfCotangentsFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.check(squareReturning(g -> new Object[] {g, g}), Real.of(1.5)));
        assertTrue(e.getMessage().contains("vjp: returned 2 cotangents for 1 inputs; return an array with one entry "
                + "per input (null for no gradient)"), e.getMessage());
    }

    @Test
    void wrongCotangentTypeFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.check(squareReturning(g -> new Object[] {Tensor.of(g.value())}), Real.of(1.5)));
        assertTrue(e.getMessage().contains("vjp, input 0: returned a Tensor of shape [1] for an input that is a Real"),
                e.getMessage());
    }

    @Test
    void missingCotangentFails() {
        // null claims "no dependence", but the output depends on the input
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.check(squareReturning(g -> new Object[] {null}), Real.of(1.5)));
        assertTrue(e.getMessage().contains("vjp, input 0: the reverse rule gives J^T w = 0.0 but finite differences give "), e.getMessage());
    }

    @Test
    void ruleOnPlainDoublesFailsTheSecondOrderCheckOnly() {
        Tensor x = Tensor.of(0.5, -1.2, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GradCheck.check(plainCubeSum(), x));
        String m = e.getMessage();
        assertTrue(m.contains("second order, input 0: the reverse rule differentiated in forward mode gives H v = "), m);
        assertTrue(m.contains("so that they differentiate again, or use firstOrderOnly()"), m);
        GradCheck.Report r = GradCheck.withTolerance(1e-6).firstOrderOnly().verify(plainCubeSum(), x);
        assertEquals(0.0, r.secondOrderError(), 0);
    }

    @Test
    void badInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(cube(), "0.5"));
        assertEquals("GradCheck: input 0 of 'cube' is a java.lang.String; a primitive takes Real and Tensor values only",
                e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> gradient(x -> {
                    GradCheck.check(cube(), x);
                    return x;
                }, 1));
        assertTrue(t.getMessage().contains("is tracked by a running gradient or jvp; call GradCheck with plain values"));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.check(cube()));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.withTolerance(0));
    }

    @Test
    void reportsAreRepeatable() {
        Tensor x = Tensor.of(0.5, -1.2), y = Tensor.of(1.1, 0.2);
        assertEquals(GradCheck.check(timesSin(false, false), x, y), GradCheck.check(timesSin(false, false), x, y));
    }
}
