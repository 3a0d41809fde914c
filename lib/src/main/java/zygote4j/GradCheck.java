package zygote4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks a {@link Primitive}'s rules against finite differences, the way
 * ChainRulesTestUtils' {@code test_rrule}/{@code test_frule} check a Julia rule. Run it in
 * your tests on every custom rule you write.
 *
 * <p>At the given inputs, with random directions {@code v} (one per input) and a random
 * output cotangent {@code w} drawn from a fixed seed, it checks:
 * <ol>
 *   <li><b>forward rule</b>: {@code jvp} along each input's {@code v} equals the central
 *       finite difference of {@code evaluate} along {@code v};</li>
 *   <li><b>reverse rule</b>: {@code vjp(w)} has one entry per input, each shaped like its
 *       input, and equals {@code J^T w} by finite differences (element by element for
 *       inputs of up to 256 elements, along {@code v} for larger ones);</li>
 *   <li><b>dot-product test</b>: {@code <J v, w> = <v, J^T w>} between the two rules;</li>
 *   <li><b>second order</b> (unless {@link #firstOrderOnly()}): the rules differentiate
 *       again, i.e. they are written with Zygote4j operations: the Hessian-vector product
 *       of {@code <w, f>} by forward-over-reverse and by reverse-over-forward equals the
 *       finite difference of the reverse rule.</li>
 * </ol>
 * A mismatch throws an {@link IllegalStateException} whose message lists every failed
 * check with the numbers; success returns a {@link Report} of the largest errors seen.
 *
 * <pre>{@code
 * Primitive cube = new Primitive("cube") {
 *   protected Object evaluate(Object[] in) { double x = ((Real) in[0]).value(); return Real.of(x * x * x); }
 *   protected Object jvp(Object[] in, Object out, Object[] t) {
 *     return ((Real) t[0]).times(((Real) in[0]).square().times(3)); }
 *   protected Object[] vjp(Object[] in, Object out, Object ct) {
 *     return new Object[] {((Real) ct).times(((Real) in[0]).square().times(3))}; }
 * };
 * GradCheck.check(cube, Real.of(0.7)).primitive();            // "cube": it passed
 * GradCheck.withTolerance(1e-5).seed(7).verify(cube, Real.of(-2)).vjpError() < 1e-5;   // true
 * }</pre>
 *
 * <p>Choose inputs away from kinks and singularities of the function (finite differences
 * straddle them), and, near a singularity, a smaller {@link #step}.
 */
public final class GradCheck {
    /** Inputs up to this many elements get an element-by-element reverse-rule check. */
    private static final int FULL_CHECK_LIMIT = 256;

    private final double tolerance;
    private final long seed;
    private final double step;
    private final boolean secondOrder;

    private GradCheck(double tolerance, long seed, double step, boolean secondOrder) {
        this.tolerance = tolerance;
        this.seed = seed;
        this.step = step;
        this.secondOrder = secondOrder;
    }

    private static final GradCheck DEFAULT = new GradCheck(1e-6, 20261126L, 1e-5, true);

    /**
     * Checks {@code p} at {@code inputs} with the default settings: relative tolerance
     * 1e-6, finite-difference step 1e-5 (scaled by the input's size), a fixed seed, and
     * the second-order check.
     *
     * <pre>{@code GradCheck.check(cube, Real.of(0.7)).vjpError() < 1e-6;   // true}</pre>
     *
     * @param p the primitive
     * @param inputs plain {@code Real}s and {@code Tensor}s (or numbers), as {@code p.apply} takes them
     * @return the largest errors seen
     * @throws IllegalStateException if a rule disagrees with finite differences or with the other rule
     * @throws IllegalArgumentException for no inputs, or an input that is not a plain {@code Real},
     *     {@code Tensor} or number
     */
    public static Report check(Primitive p, Object... inputs) {
        return DEFAULT.verify(p, inputs);
    }

    /**
     * Default settings with another relative tolerance.
     *
     * <pre>{@code GradCheck.withTolerance(1e-4).verify(cube, Real.of(3)).primitive();   // "cube"}</pre>
     *
     * @param relativeTolerance the allowed error relative to max(1, size of the compared quantity)
     * @return a configured checker
     * @throws IllegalArgumentException if the tolerance is not positive
     */
    public static GradCheck withTolerance(double relativeTolerance) {
        if (!(relativeTolerance > 0)) {
            throw new IllegalArgumentException("GradCheck.withTolerance: the tolerance must be positive, not "
                    + relativeTolerance);
        }
        return new GradCheck(relativeTolerance, DEFAULT.seed, DEFAULT.step, DEFAULT.secondOrder);
    }

    /**
     * The same checker with another seed for the random directions.
     *
     * <pre>{@code GradCheck.withTolerance(1e-6).seed(42).verify(cube, Real.of(1)).primitive();   // "cube"}</pre>
     *
     * @param newSeed the seed
     * @return a configured checker
     */
    public GradCheck seed(long newSeed) {
        return new GradCheck(tolerance, newSeed, step, secondOrder);
    }

    /**
     * The same checker with another finite-difference step (relative to max(1, |x|)).
     *
     * <pre>{@code GradCheck.withTolerance(1e-6).step(1e-4).verify(cube, Real.of(0.5)).primitive();   // "cube"}</pre>
     *
     * @param relativeStep the step
     * @return a configured checker
     * @throws IllegalArgumentException if the step is not positive
     */
    public GradCheck step(double relativeStep) {
        if (!(relativeStep > 0)) {
            throw new IllegalArgumentException("GradCheck.step: the step must be positive, not " + relativeStep);
        }
        return new GradCheck(tolerance, seed, relativeStep, secondOrder);
    }

    /**
     * The same checker without the second-order check, for rules deliberately written on
     * plain numbers (they then support first-order differentiation only).
     *
     * <pre>{@code GradCheck.withTolerance(1e-6).firstOrderOnly().verify(cube, Real.of(2)).secondOrderError();   // 0.0}</pre>
     *
     * @return a configured checker
     */
    public GradCheck firstOrderOnly() {
        return new GradCheck(tolerance, seed, step, false);
    }

    /**
     * Runs the checks with this checker's settings; see {@link #check}.
     *
     * <pre>{@code GradCheck.withTolerance(1e-5).verify(cube, Real.of(0.7)).dotProductError() < 1e-5;   // true}</pre>
     *
     * @param p the primitive
     * @param inputs plain {@code Real}s and {@code Tensor}s (or numbers)
     * @return the largest errors seen
     * @throws IllegalStateException if a rule is wrong
     * @throws IllegalArgumentException for no inputs, or an input that is not a plain {@code Real},
     *     {@code Tensor} or number
     */
    public Report verify(Primitive p, Object... inputs) {
        return new Run(p, plainInputs(p, inputs)).run();
    }

    /**
     * What a successful check measured: the largest errors, each relative to
     * max(1, size of the compared quantity).
     *
     * <pre>{@code
     * GradCheck.Report r = GradCheck.check(cube, Real.of(0.7));
     * r.primitive();                  // "cube"
     * r.jvpError() < 1e-6;            // true
     * }</pre>
     *
     * @param primitive the primitive's name
     * @param jvpError forward rule against finite differences
     * @param vjpError reverse rule against finite differences
     * @param dotProductError {@code <J v, w>} against {@code <v, J^T w>}
     * @param secondOrderError Hessian-vector products against finite differences (0 when not checked)
     */
    public record Report(String primitive, double jvpError, double vjpError, double dotProductError,
                         double secondOrderError) {
        /**
         * The errors on one line, such as
         * {@code GradCheck('cube') passed: jvp 1.2e-11, vjp 3.0e-12, dot product 0.0e+00, second order 2.1e-10}.
         *
         * <pre>{@code GradCheck.check(cube, Real.of(0.7)).toString().startsWith("GradCheck('cube') passed: jvp ");   // true}</pre>
         *
         * @return the report as text
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "GradCheck('%s') passed: jvp %.1e, vjp %.1e, dot product %.1e, "
                    + "second order %.1e", primitive, jvpError, vjpError, dotProductError, secondOrderError);
        }
    }

    private static Object[] plainInputs(Primitive p, Object[] inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("GradCheck: give the inputs to check '" + p.name() + "' at");
        }
        Object[] in = new Object[inputs.length];
        for (int i = 0; i < in.length; i++) {
            Object x = inputs[i];
            if (x instanceof Number n) x = Real.of(n.doubleValue());
            if (!(x instanceof Real) && !(x instanceof Tensor)) {
                throw new IllegalArgumentException("GradCheck: input " + i + " of '" + p.name() + "' is "
                        + Values.describe(x) + "; a primitive takes Real and Tensor values only");
            }
            if (!Values.isPlain(x)) {
                throw new IllegalArgumentException("GradCheck: input " + i + " of '" + p.name() + "' is tracked by "
                        + "a running gradient or jvp; call GradCheck with plain values");
            }
            in[i] = x;
        }
        return in;
    }

    /** One check of one primitive at one point. */
    private final class Run {
        private final Primitive p;
        private final Object[] in;
        private final Random rnd = new Random(seed);
        private final List<String> failures = new ArrayList<>();
        private double jvpErr, vjpErr, dotErr, secondErr;

        Run(Primitive p, Object[] in) {
            this.p = p;
            this.in = in;
        }

        Report run() {
            Object out = evaluate(in);
            double[] w = random(size(out));
            Object wv = like(out, w);
            double[][] v = new double[in.length][];
            for (int i = 0; i < in.length; i++) v[i] = random(size(in[i]));

            Object[] cts = p.vjp(in, out, wv);
            boolean ctsOk = cts != null && cts.length == in.length;
            if (!ctsOk) {
                fail("vjp: returned " + (cts == null ? "null" : cts.length + " cotangents") + " for " + in.length
                        + " inputs; return an array with one entry per input (null for no gradient)");
            }
            double[][] fdJv = new double[in.length][];
            for (int i = 0; i < in.length; i++) {
                fdJv[i] = fdDirectional(i, v[i]);
                Object[] t = new Object[in.length];
                t[i] = like(in[i], v[i]);
                Object jt = p.jvp(in, out, t);
                if (!sameKind(jt, out)) {
                    fail("jvp, input " + i + ": returned " + Values.describe(jt) + " for an output that is "
                            + Values.describe(out) + "; a tangent must have its output's type and shape (or be null)");
                    continue;
                }
                double[] jv = jt == null ? new double[size(out)] : flat(jt);
                double e = dist(jv, fdJv[i]) / Math.max(1, norm(fdJv[i]));
                jvpErr = Math.max(jvpErr, e);
                if (!(e <= tolerance)) {
                    fail("jvp, input " + i + ": the forward rule gives J v = " + str(jv)
                            + " but finite differences give " + str(fdJv[i]) + " (v = " + str(v[i]) + ")");
                }
                double dot = dot(w, jv);
                if (ctsOk && sameKind(cts[i], in[i])) {
                    double[] ct = cts[i] == null ? new double[size(in[i])] : flat(cts[i]);
                    double dot2 = dot(ct, v[i]);
                    double de = Math.abs(dot - dot2) / Math.max(1, norm(w) * norm(jv));
                    dotErr = Math.max(dotErr, de);
                    if (!(de <= tolerance)) {
                        fail("dot product, input " + i + ": <J v, w> = " + num(dot) + " by the forward rule but <v, J^T w> = "
                                + num(dot2) + " by the reverse rule; the two rules disagree");
                    }
                }
            }

            if (ctsOk) {
                for (int i = 0; i < in.length; i++) checkCotangent(i, cts[i], w, v[i], fdJv[i]);
            }
            if (secondOrder && failures.isEmpty()) {
                for (int i = 0; i < in.length; i++) checkSecondOrder(i, wv, v[i]);
            }
            if (!failures.isEmpty()) {
                StringBuilder sb = new StringBuilder("GradCheck of '" + p.name() + "' at " + inputsStr() + " failed ("
                        + failures.size() + " check" + (failures.size() == 1 ? "" : "s") + ", relative tolerance "
                        + tolerance + ", seed " + seed + "):");
                for (String f : failures) sb.append("\n  - ").append(f);
                throw new IllegalStateException(sb.toString());
            }
            return new Report(p.name(), jvpErr, vjpErr, dotErr, secondErr);
        }

        private void checkCotangent(int i, Object ct, double[] w, double[] v, double[] fdJv) {
            if (!sameKind(ct, in[i])) {
                fail("vjp, input " + i + ": returned " + Values.describe(ct) + " for an input that is "
                        + Values.describe(in[i]) + "; a cotangent must have its input's type and shape (or be null)");
                return;
            }
            double[] g = ct == null ? new double[size(in[i])] : flat(ct);
            if (g.length <= FULL_CHECK_LIMIT) {
                double[] fd = new double[g.length];
                for (int k = 0; k < fd.length; k++) {
                    double[] e = new double[g.length];
                    e[k] = 1;
                    fd[k] = dot(w, fdDirectional(i, e));
                }
                double err = dist(g, fd) / Math.max(1, norm(fd));
                vjpErr = Math.max(vjpErr, err);
                if (!(err <= tolerance)) {
                    fail("vjp, input " + i + ": the reverse rule gives J^T w = " + str(g)
                            + " but finite differences give " + str(fd) + " (w = " + str(w) + ")");
                }
            } else {
                double a = dot(g, v), b = dot(w, fdJv);
                double err = Math.abs(a - b) / Math.max(1, norm(w) * norm(fdJv));
                vjpErr = Math.max(vjpErr, err);
                if (!(err <= tolerance)) {
                    fail("vjp, input " + i + ": <v, J^T w> = " + num(a) + " by the reverse rule but <J v, w> = "
                            + num(b) + " by finite differences");
                }
            }
        }

        /** Hessian-vector product of s = <w, f> in input i, three ways. */
        private void checkSecondOrder(int i, Object wv, double[] vi) {
            Object x = in[i], dx = like(x, vi);
            double h = step * Math.max(1, maxAbs(flat(x)));
            // Finite difference of the (already checked) reverse rule along v.
            double[] fd = richardson(t -> {
                Object[] moved = in.clone();
                moved[i] = shifted(x, vi, t);
                Object[] c = p.vjp(moved, evaluate(moved), wv);
                return c[i] == null ? new double[size(x)] : flat(c[i]);
            }, h);
            Function<Object, Object> grad = y -> gradientAt(i, y, wv);
            double[] fwdRev = flat(Zygote.jvp(grad, x, dx).tangent());
            Object rf = Zygote.gradient((FnN) xs -> Zygote.jvp((Object y) -> s(i, y, wv), xs[0], dx).tangent(), x).get(0);
            double[] revFwd = rf == null ? new double[size(x)] : flat(rf);
            double scale = Math.max(1, norm(fd));
            double e1 = dist(fwdRev, fd) / scale, e2 = dist(revFwd, fd) / scale;
            secondErr = Math.max(secondErr, Math.max(e1, e2));
            String hint = "; write the rules with Zygote4j operations (Real/Tensor methods) so that they "
                    + "differentiate again, or use firstOrderOnly()";
            if (!(e1 <= tolerance)) {
                fail("second order, input " + i + ": the reverse rule differentiated in forward mode gives H v = "
                        + str(fwdRev) + " but finite differences give " + str(fd) + hint);
            }
            if (!(e2 <= tolerance)) {
                fail("second order, input " + i + ": the forward rule differentiated in reverse mode gives H v = "
                        + str(revFwd) + " but finite differences give " + str(fd) + hint);
            }
        }

        /** s(y) = <w, p(inputs with y at position i)>, through the engine. */
        private Real s(int i, Object y, Object wv) {
            Object[] xs = in.clone();
            xs[i] = y;
            Object out = p.apply(xs);
            return out instanceof Real r ? r.times((Real) wv) : ((Tensor) out).times((Tensor) wv).sum();
        }

        private Object gradientAt(int i, Object y, Object wv) {
            Object g = Zygote.gradient((FnN) xs -> s(i, xs[0], wv), y).get(0);
            return g != null ? g : y instanceof Real ? Real.ZERO : Tensor.zeros(((Tensor) y).shape);
        }

        private Object evaluate(Object[] inputs) {
            Object out = p.evaluate(inputs);
            if (!(out instanceof Real) && !(out instanceof Tensor)) {
                throw new IllegalStateException("GradCheck: '" + p.name() + "' evaluated to " + Values.describe(out)
                        + "; a primitive must return a Real or a Tensor");
            }
            return out;
        }

        /** Finite-difference J_i v: the derivative of evaluate along v in input i. */
        private double[] fdDirectional(int i, double[] v) {
            Object x = in[i];
            double h = step * Math.max(1, maxAbs(flat(x)));
            return richardson(t -> {
                Object[] moved = in.clone();
                moved[i] = shifted(x, v, t);
                return flat(evaluate(moved));
            }, h);
        }

        private void fail(String message) {
            failures.add(message);
        }

        private double[] random(int n) {
            double[] d = new double[n];
            for (int k = 0; k < n; k++) d[k] = 2 * rnd.nextDouble() - 1;
            return d;
        }

        private String inputsStr() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < in.length; i++) sb.append(i > 0 ? ", " : "").append(str(flat(in[i])));
            return sb.append(')').toString();
        }
    }

    /** Richardson-extrapolated central difference of a vector function at 0: error O(h^4). */
    private static double[] richardson(Function<Double, double[]> f, double h) {
        double[] p1 = f.apply(h), m1 = f.apply(-h), p2 = f.apply(2 * h), m2 = f.apply(-2 * h);
        double[] d = new double[p1.length];
        for (int k = 0; k < d.length; k++) {
            double d1 = (p1[k] - m1[k]) / (2 * h), d2 = (p2[k] - m2[k]) / (4 * h);
            d[k] = (4 * d1 - d2) / 3;
        }
        return d;
    }

    private static boolean sameKind(Object value, Object like) {
        if (value == null) return true;
        if (like instanceof Real) return value instanceof Real;
        return value instanceof Tensor t && Arrays.equals(t.shape, ((Tensor) like).shape);
    }

    private static int size(Object x) {
        return x instanceof Real ? 1 : ((Tensor) x).data.length;
    }

    private static double[] flat(Object x) {
        return x instanceof Real r ? new double[] {r.v} : ((Tensor) x).data.clone();
    }

    private static Object like(Object x, double[] d) {
        return x instanceof Real ? Real.of(d[0]) : Tensor.plain(((Tensor) x).shape, d.clone());
    }

    private static Object shifted(Object x, double[] v, double t) {
        double[] d = flat(x);
        for (int k = 0; k < d.length; k++) d[k] += t * v[k];
        return like(x, d);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.sqrt(s);
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double d : a) m = Math.max(m, Math.abs(d));
        return m;
    }

    private static String num(double d) {
        return Double.toString(d);
    }

    private static String str(double[] a) {
        StringBuilder sb = new StringBuilder(a.length == 1 ? "" : "[");
        int shown = Math.min(a.length, 8);
        for (int k = 0; k < shown; k++) sb.append(k > 0 ? ", " : "").append(num(a[k]));
        if (a.length > shown) sb.append(", ... (").append(a.length).append(" elements)");
        return sb.append(a.length == 1 ? "" : "]").toString();
    }
}
