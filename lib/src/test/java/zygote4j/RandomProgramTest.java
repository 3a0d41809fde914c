package zygote4j;

import static zygote4j.Zygote.*;

import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Random straight-line programs of two inputs (seeded, replayable), differentiated every
 * way the engine can: reverse, forward, elementwise on tensors, and at second order by
 * reverse-over-reverse, forward-over-reverse, reverse-over-forward and forward-over-forward.
 * All must agree with each other and with finite differences: a dispatch or nesting bug
 * in the engine shows up as a disagreement on some program.
 */
class RandomProgramTest {
    /** One step: an operation code and the earlier values it reads. */
    record Step(int op, int x, int y) {
    }

    static final int UNARY = 8, BINARY = 5;

    /** Applies step {@code s} to values {@code v}, generically so that Real and Tensor run the same program. */
    static <T extends Numeric<T>> T apply(Step s, T a, T b) {
        switch (s.op()) {
            case 0: return a.sin();
            case 1: return a.cos();
            case 2: return a.sigmoid();
            case 3: return a.square().plus(1).log();
            case 4: return a.square().plus(1).sqrt();
            case 5: return a.sin().exp();
            case 6: return a.square().plus(1).reciprocal();
            case 7: return a.sin().cosh().neg();
            case 8: return a.plus(b);
            case 9: return a.minus(b);
            case 10: return a.times(b);
            case 11: return a.div(b.square().plus(1));
            default: return a.times(b.sin());
        }
    }

    static <T extends Numeric<T>> T run(Step[] program, T a, T b) {
        @SuppressWarnings("unchecked")
        T[] v = (T[]) new Numeric<?>[program.length + 2];
        v[0] = a;
        v[1] = b;
        for (int i = 0; i < program.length; i++) {
            Step s = program[i];
            v[i + 2] = apply(s, v[s.x()], v[s.y()]);
        }
        // The sum of the last two values, so that most programs depend on both inputs.
        return v[v.length - 1].plus(v[v.length - 2]);
    }

    static Step[] randomProgram(Random r, int length) {
        Step[] p = new Step[length];
        for (int i = 0; i < length; i++) {
            int available = i + 2;
            // Prefer recent values so that programs are deep, not only wide.
            int x = Math.max(0, available - 1 - r.nextInt(Math.min(available, 3)));
            int y = r.nextInt(available);
            int op = r.nextInt(3) == 0 ? UNARY + r.nextInt(BINARY) : r.nextInt(UNARY);
            p[i] = new Step(op, x, y);
        }
        return p;
    }

    static double val(Object g) {
        return g == null ? 0 : ((Real) g).value();
    }

    @Test
    void everyModeAgreesOnRandomPrograms() {
        Prop.forAll("random programs", 40, r -> {
            Step[] p = randomProgram(r, 4 + r.nextInt(8));
            double x = Prop.uniform(r, -1.5, 1.5), y = Prop.uniform(r, -1.5, 1.5);
            String name = java.util.Arrays.toString(p) + " at (" + x + ", " + y + ")";
            Fn2<Real, Real> f = (a, b) -> run(p, a, b);

            // first order: reverse against forward (to rounding) and finite differences
            Grads g = gradient(f, x, y);
            double ga = val(g.get(0)), gb = val(g.get(1));
            double fa = jvp((Real a) -> run(p, a, Real.of(y)), Real.of(x), Real.ONE).tangent().value();
            double fb = jvp((Real b) -> run(p, Real.of(x), b), Real.of(y), Real.ONE).tangent().value();
            Check.close(fa, ga, 1e-12, name + ": d/da reverse vs forward");
            Check.close(fb, gb, 1e-12, name + ": d/db reverse vs forward");
            Check.close(Check.fd(t -> run(p, Real.of(t), Real.of(y)).value(), x), ga, 1e-6, name + ": d/da vs FD");
            Check.close(Check.fd(t -> run(p, Real.of(x), Real.of(t)).value(), y), gb, 1e-6, name + ": d/db vs FD");

            // the same program elementwise on tensors: the gradient of the sum is elementwise
            double x2 = Prop.uniform(r, -1.5, 1.5), y2 = Prop.uniform(r, -1.5, 1.5);
            Grads gt = gradient((Tensor a, Tensor b) -> run(p, a, b).sum(), Tensor.of(x, x2), Tensor.of(y, y2));
            Grads g2 = gradient(f, x2, y2);
            double[] ta = gt.get(0) == null ? new double[2] : gt.tensor(0).toDoubleArray();
            double[] tb = gt.get(1) == null ? new double[2] : gt.tensor(1).toDoubleArray();
            Check.close(ga, ta[0], 1e-12, name + ": tensor d/da[0]");
            Check.close(val(g2.get(0)), ta[1], 1e-12, name + ": tensor d/da[1]");
            Check.close(gb, tb[0], 1e-12, name + ": tensor d/db[0]");
            Check.close(val(g2.get(1)), tb[1], 1e-12, name + ": tensor d/db[1]");

            // second order: d2/da2 and d2/da db in four mode combinations
            UnaryOperator<Real> dRevA = a -> {
                Object d = gradient(f, a, Real.of(y)).get(0);
                return d == null ? Real.ZERO : (Real) d;
            };
            UnaryOperator<Real> dFwdA = a -> jvp((Real s) -> run(p, s, Real.of(y)), a, Real.ONE).tangent();
            BinaryOperator<Real> dRevAat = (a, b) -> {
                Object d = gradient(f, a, b).get(0);
                return d == null ? Real.ZERO : (Real) d;
            };
            double haaFd = Check.fd(t -> val(gradient(f, t, y).get(0)), x);
            double habFd = Check.fd(t -> val(gradient(f, x, t).get(0)), y);
            double rr = val(gradient(dRevA::apply, x).get(0));
            double fr = derivative(dRevA, x);
            double rf = val(gradient(dFwdA::apply, x).get(0));
            double ff = derivative(dFwdA, x);
            Check.close(rr, fr, 1e-10, name + ": d2/da2 reverse-over-reverse vs forward-over-reverse");
            Check.close(rr, rf, 1e-10, name + ": d2/da2 reverse-over-reverse vs reverse-over-forward");
            Check.close(rr, ff, 1e-10, name + ": d2/da2 reverse-over-reverse vs forward-over-forward");
            Check.close(haaFd, rr, 1e-5, name + ": d2/da2 vs FD");
            double rab = val(gradient((Real b) -> dRevAat.apply(Real.of(x), b), y).get(0));
            double fab = derivative(b -> dRevAat.apply(Real.of(x), b), y);
            Check.close(rab, fab, 1e-10, name + ": d2/da db reverse vs forward outside");
            Check.close(habFd, rab, 1e-5, name + ": d2/da db vs FD");
        });
    }
}
