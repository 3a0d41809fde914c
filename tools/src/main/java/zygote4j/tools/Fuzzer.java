package zygote4j.tools;

import static zygote4j.Zygote.derivative;
import static zygote4j.Zygote.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import zygote4j.Grads;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * A differential fuzzer: random programs over the whole primitive set (every scalar
 * function, on scalars and elementwise on tensors; reductions, softmax, cumsum, slicing,
 * concatenation, element reads and linear algebra on matrices) are differentiated in
 * reverse and forward mode, at first and second order, and compared with each other and
 * with finite differences.
 *
 * <p>Run it with {@code ./zygote4j fuzz --seconds 60 [--seed N]}. Each trial's seed is
 * printed with any failure, with the program, so it can be replayed and made a
 * regression test.
 */
public final class Fuzzer {
    /** Points per tensor input: the tensor version runs the program on all at once. */
    private static final int POINTS = 3;
    /** Relative tolerance of first derivatives against finite differences. */
    static final double FD_TOL = 1e-6;
    /** Relative tolerance of second derivatives (finite differences of gradients). */
    static final double FD2_TOL = 1e-5;

    private final long seed;
    private long checks;
    private long skipped;
    private final List<String> failures = new ArrayList<>();
    /** The seed of the trial being run, printed with its failures. */
    private long current;

    Fuzzer(long seed) {
        this.seed = seed;
    }

    public static void main(String[] args) {
        double seconds = 10;
        long seed = System.nanoTime();
        Integer only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--trial" -> only = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("fuzz: unknown option '" + args[i]
                            + "'. Usage: fuzz [--seconds N] [--seed S] [--trial T]");
                    System.exit(2);
                }
            }
        }
        if (only != null) {
            System.exit(replay(seed, only) ? 0 : 1);
        }
        System.out.println("fuzz: base seed " + seed + ", budget " + seconds + " s");
        Fuzzer f = new Fuzzer(seed);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int trials = 0;
        long nextReport = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            f.trial(trials++);
            if (System.nanoTime() > nextReport) {
                System.out.println("fuzz: " + trials + " programs, " + f.checks + " checks, " + f.failures.size() + " failures so far");
                nextReport += 5_000_000_000L;
            }
        }
        System.out.println(f.summary(trials));
        for (String s : f.failures) System.out.println(s);
        System.exit(f.failures.isEmpty() ? 0 : 1);
    }

    /** Runs trial {@code t} of base seed {@code seed} alone, printing its program and any failures. */
    private static boolean replay(long seed, int t) {
        Fuzzer f = new Fuzzer(seed);
        System.out.println("fuzz: base seed " + seed + ", trial " + t + " (trial seed " + (seed * 1_000_003L + t) + ")");
        System.out.println("program:\n" + f.program(t));
        f.trial(t);
        System.out.println(f.summary(1));
        for (String s : f.failures) System.out.println(s);
        return f.failures.isEmpty();
    }

    /** The program trial {@code t} runs, drawn from the same random stream as {@link #trial}. */
    Object program(int t) {
        Random r = new Random(seed * 1_000_003L + t);
        return t % 2 == 1 ? MatrixProgram.random(r, 1 + r.nextInt(2), 1 + r.nextInt(6))
                : Program.random(r, 1 + r.nextInt(3), 2 + r.nextInt(10));
    }

    String summary(int trials) {
        return "fuzz: " + trials + " programs, " + checks + " checks passed or compared, " + skipped
                + " skipped at kinks (finite differences unreliable there), " + failures.size() + " failures";
    }

    List<String> failures() {
        return failures;
    }

    /** How many finite-difference checks were left out because the function may not be smooth. */
    long skipped() {
        return skipped;
    }

    /** Runs one random program; failures are collected, never thrown. */
    void trial(int t) {
        long s = seed * 1_000_003L + t;
        current = s;
        Random r = new Random(s);
        if (t % 2 == 1) {
            matrixTrial(r);
            return;
        }
        Program p = Program.random(r, 1 + r.nextInt(3), 2 + r.nextInt(10));
        int k = p.inputs();
        double[][] x = new double[k][POINTS];
        for (double[] row : x) for (int j = 0; j < POINTS; j++) row[j] = r.nextDouble() * 3 - 1.5;
        double[] v = new double[k];
        for (int i = 0; i < k; i++) v[i] = r.nextDouble() * 2 - 1;
        try {
            check(p, x, v);
        } catch (RuntimeException | AssertionError e) {
            fail(p, "threw " + e);
        }
    }

    /** A random program over matrices: tensor primitives in both modes and at two orders. */
    private void matrixTrial(Random r) {
        MatrixProgram p = MatrixProgram.random(r, 1 + r.nextInt(2), 1 + r.nextInt(6));
        int k = p.inputs(), m = MatrixFuzzOp.M;
        Tensor[] x = new Tensor[k], v = new Tensor[k];
        for (int i = 0; i < k; i++) {
            x[i] = randomMatrix(r, m);
            v[i] = randomMatrix(r, m);
        }
        try {
            checkMatrix(p, x, v);
        } catch (RuntimeException | AssertionError e) {
            fail(p, "threw " + e);
        }
    }

    private static Tensor randomMatrix(Random r, int m) {
        double[][] d = new double[m][m];
        for (double[] row : d) for (int j = 0; j < m; j++) row[j] = r.nextDouble() * 2 - 1;
        return Tensor.of(d);
    }

    private static List<Tensor> tensors(Object[] xs) {
        List<Tensor> ts = new ArrayList<>();
        for (Object o : xs) ts.add((Tensor) o);
        return ts;
    }

    /** x + t v for each input, with t a (possibly tracked) scalar. */
    private static Object[] along(Tensor[] x, Tensor[] v, Real t) {
        Object[] a = new Object[x.length];
        for (int i = 0; i < a.length; i++) a[i] = v[i].times(t).plus(x[i]);
        return a;
    }

    private static Real dot(Grads g, Tensor[] v) {
        Real s = Real.ZERO;
        for (int i = 0; i < v.length; i++) if (g.get(i) != null) s = s.plus(((Tensor) g.get(i)).times(v[i]).sum());
        return s;
    }

    private void checkMatrix(MatrixProgram p, Tensor[] x, Tensor[] v) {
        zygote4j.FnN f = xs -> p.run(tensors(xs));
        Grads g = gradient(f, along(x, v, Real.ZERO));
        double dir = dot(g, v).value();
        Double fd = smoothFd(t -> p.run(tensors(along(x, v, Real.of(t)))).value(), FD_TOL);
        if (fd != null) compare("matrix program: reverse gradient vs finite differences", fd, dir, FD_TOL, p);
        double fwd = derivative(t -> p.run(tensors(along(x, v, t))), 0);
        compare("matrix program: forward vs reverse directional derivative", dir, fwd, 1e-9, p);

        Double fd2 = smoothFd(t -> dot(gradient(f, along(x, v, Real.of(t))), v).value(), FD2_TOL);
        double fwdRev = derivative(t -> dot(gradient(f, along(x, v, t)), v), 0);
        Grads rr = gradient(t -> zygote4j.Zygote.jvp((Real s) -> p.run(tensors(along(x, v, s))), t, Real.ONE).tangent(), 0.0);
        double revFwd = rr.get(0) == null ? 0 : rr.real(0).value();
        compare("matrix program: forward-over-reverse vs reverse-over-forward v^T H v", fwdRev, revFwd, 1e-8, p);
        if (fd2 != null) compare("matrix program: forward-over-reverse v^T H v vs finite differences", fd2, fwdRev, FD2_TOL, p);
    }

    private void check(Program p, double[][] x, double[] v) {
        int k = p.inputs();
        // Tensor version: all points at once, elementwise.
        Object[] targs = new Object[k];
        for (int i = 0; i < k; i++) targs[i] = Tensor.of(x[i]);
        Grads tg = gradient((zygote4j.FnN) xs -> {
            List<Tensor> ts = new ArrayList<>();
            for (Object o : xs) ts.add((Tensor) o);
            return p.onTensors(ts).sum();
        }, targs);
        for (int j = 0; j < POINTS; j++) {
            double[] pt = new double[k];
            for (int i = 0; i < k; i++) pt[i] = x[i][j];
            checkPoint(p, pt, v, tg, j);
        }
    }

    private static Real run(Program p, double[] pt, double[] dir, Real t) {
        List<Real> in = new ArrayList<>();
        for (int i = 0; i < pt.length; i++) in.add(t.times(dir[i]).plus(pt[i]));
        return p.onReals(in);
    }

    private static Real[] reals(Object[] xs) {
        Real[] r = new Real[xs.length];
        for (int i = 0; i < r.length; i++) r[i] = (Real) xs[i];
        return r;
    }

    private void checkPoint(Program p, double[] pt, double[] v, Grads tg, int j) {
        int k = pt.length;
        Object[] args = new Object[k];
        for (int i = 0; i < k; i++) args[i] = Real.of(pt[i]);
        Grads g = gradient((zygote4j.FnN) xs -> p.onReals(List.of(reals(xs))), args);
        double[] grad = new double[k];
        for (int i = 0; i < k; i++) {
            Object gi = g.get(i);
            grad[i] = gi == null ? 0 : ((Real) gi).value();
            Object ti = tg.get(i);
            double tv = ti == null ? 0 : ((Tensor) ti).get(j).value();
            compare("reverse gradient: scalar program vs tensor program, input " + i, grad[i], tv, 1e-9, p, pt);
        }
        // Directional derivative along v: finite differences, forward mode, reverse mode.
        DoubleUnaryOperator along = t -> run(p, pt, v, Real.of(t)).value();
        double dir = 0;
        for (int i = 0; i < k; i++) dir += grad[i] * v[i];
        Double fd = smoothFd(along, FD_TOL);
        if (fd != null) compare("reverse gradient vs finite differences", fd, dir, FD_TOL, p, pt);
        double fwd = derivative(t -> run(p, pt, v, t), 0);
        compare("forward vs reverse directional derivative", dir, fwd, 1e-9, p, pt);

        // Second order: v^T H v three ways.
        DoubleUnaryOperator gradAlong = t -> {
            Grads gt = gradient((zygote4j.FnN) xs -> p.onReals(List.of(reals(xs))), shifted(pt, v, t));
            double s = 0;
            for (int i = 0; i < k; i++) s += gt.get(i) == null ? 0 : ((Real) gt.get(i)).value() * v[i];
            return s;
        };
        Double fd2 = smoothFd(gradAlong, FD2_TOL);
        double fwdRev = derivative(t -> {
            Grads gt = gradient((zygote4j.FnN) xs -> p.onReals(List.of(reals(xs))), shiftedTracked(pt, v, t));
            Real s = Real.ZERO;
            for (int i = 0; i < k; i++) if (gt.get(i) != null) s = s.plus(((Real) gt.get(i)).times(v[i]));
            return s;
        }, 0);
        Grads rr = gradient(t -> {
            Real dd = derivative1(p, pt, v, t);
            return dd;
        }, 0.0);
        double revFwd = rr.get(0) == null ? 0 : rr.real(0).value();
        compare("forward-over-reverse vs reverse-over-forward v^T H v", fwdRev, revFwd, 1e-8, p, pt);
        if (fd2 != null) compare("forward-over-reverse v^T H v vs finite differences", fd2, fwdRev, FD2_TOL, p, pt);
    }

    /** d/dt of the program along v at t, by forward mode, as a differentiable Real. */
    private static Real derivative1(Program p, double[] pt, double[] v, Real t) {
        return zygote4j.Zygote.jvp((Real s) -> run(p, pt, v, s), t, Real.ONE).tangent();
    }

    private static Object[] shifted(double[] pt, double[] v, double t) {
        Object[] a = new Object[pt.length];
        for (int i = 0; i < a.length; i++) a[i] = Real.of(pt[i] + t * v[i]);
        return a;
    }

    private static Object[] shiftedTracked(double[] pt, double[] v, Real t) {
        Object[] a = new Object[pt.length];
        for (int i = 0; i < a.length; i++) a[i] = t.times(v[i]).plus(pt[i]);
        return a;
    }

    /**
     * A Richardson-extrapolated central difference at 0, or null (counted as skipped) when
     * {@code f} may not be smooth on [-2h, 2h], so that the difference could be off by more
     * than a fraction of {@code tol}.
     *
     * <p>A central difference only sees the odd part of f around 0, while a kink at t0 with
     * slopes a and b adds (b - a) |t - t0| / 2 to the even part: with t0 much closer to 0
     * than h, the differences at steps h and 2h agree with each other on (a + b) / 2, not on
     * the derivative at 0. Two tests, each met by smooth f up to terms far below the threshold:
     * <ul>
     * <li>odd part: the central differences d(h) and d(2h) agree (for smooth f they differ by
     * h^2 f''' / 2); a kink makes them differ by |b - a| |t0| / 4h for |t0| &lt; h, and by
     * |b - a| (2h - |t0|) / 4h for h &lt; |t0| &lt; 2h;
     * <li>even part: the second differences D(s) = f(s) - 2 f(0) + f(-s) grow as s^2, so
     * D(2h) = 4 D(h) up to h^4 f''''; a kink with |t0| &lt; h makes
     * |D(2h) - 4 D(h)| / 4h = |b - a| |2h - 3 |t0|| / 4h.
     * </ul>
     * A kink that passes both tests, each under tau, has |b - a| &lt; 8 tau and moves the
     * extrapolated difference by less than |b - a| / 2 &lt; 4 tau, with tau a tenth of
     * {@code tol}. A jump (a kink of f', in the second-order checks) fails both by far.
     */
    Double smoothFd(DoubleUnaryOperator f, double tol) {
        double h = 1e-5;
        double f0 = f.applyAsDouble(0), p1 = f.applyAsDouble(h), m1 = f.applyAsDouble(-h);
        double p2 = f.applyAsDouble(2 * h), m2 = f.applyAsDouble(-2 * h);
        double d1 = (p1 - m1) / (2 * h);
        double d2 = (p2 - m2) / (4 * h);
        double even = Math.abs((p2 - 2 * f0 + m2) - 4 * (p1 - 2 * f0 + m1)) / (4 * h);
        double tau = tol / 10 * Math.max(1, Math.abs(d1));
        // Negated comparisons, so that a NaN (an overflow inside the window) is skipped too.
        if (!(Math.abs(d1 - d2) <= tau) || !(even <= tau)) {
            skipped++;
            return null;
        }
        return (4 * d1 - d2) / 3;
    }

    private void compare(String what, double expected, double actual, double tol, Object p) {
        compare(what, expected, actual, tol, p, null);
    }

    private void compare(String what, double expected, double actual, double tol, Object p, double[] pt) {
        checks++;
        boolean bothNaN = Double.isNaN(expected) && Double.isNaN(actual);
        if (!bothNaN && !(Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)))) {
            fail(p, what + ": expected " + expected + ", got " + actual + (pt == null ? "" : " at " + java.util.Arrays.toString(pt)));
        }
    }

    private void fail(Object p, String what) {
        failures.add("trial seed " + current + " (base seed " + seed + "): " + what
                + "\nprogram:\n" + p);
    }
}
