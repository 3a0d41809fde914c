package zygote4j;

import java.util.ArrayList;
import java.util.List;

/** The reverse-mode entry points behind {@code gradient}, {@code withgradient} and {@code pullback}. */
final class Reverse {
    private Reverse() {
    }

    /** Runs f on the arguments tracked at a fresh tape and returns the pullback. */
    static Pullback pullback(String op, FnN f, Object[] args) {
        return pullback(op, f, args, false);
    }

    /**
     * {@link #pullback(String, FnN, Object[])}, with the tape recording the names and values
     * of scalar operations when {@code labelled} (for {@code graph}).
     */
    static Pullback pullback(String op, FnN f, Object[] args, boolean labelled) {
        Tape tape = Levels.pushTape();
        if (labelled) tape.recordLabels();
        List<Object> leaves = new ArrayList<>();
        Object out;
        try {
            Object[] tracked = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                tracked[i] = Args.track(op + ", argument " + i, args[i], leaf -> {
                    Values.checkUsable(leaf, op);
                    Object t = leaf(tape, leaf);
                    leaves.add(t);
                    return t;
                });
            }
            out = f.apply(tracked);
            // A result tracked by a level that has closed (an inner gradient's tracer) would
            // silently get no gradient: report it while this level is still open.
            Values.checkUsable(out, op);
        } finally {
            Levels.pop(tape);
        }
        return new Pullback(tape, args, leaves, out);
    }

    static Object leaf(Tape tape, Object x) {
        if (x instanceof Tensor p && p.level == null) x = Implicit.resolve(p);
        if (x instanceof Real r) return new Real(r.v, tape, tape.leaf(null), r.level == null ? null : r, null);
        Tensor t = (Tensor) x;
        return new Tensor(t.shape, t.data, tape, tape.leaf(t.shape), t.level == null ? null : t, null);
    }

    static WithGradient withgradient(String op, FnN f, Object[] args) {
        Pullback p = pullback(op, f, args);
        Object v = p.value();
        checkScalar(op, v);
        Grads g = v instanceof Real ? p.back(Real.ONE) : p.back(Tensor.ones(((Tensor) v).shape));
        // Nothing can read this tape again (p does not escape): its chunks serve the next gradient.
        p.tape().release();
        return new WithGradient(v, g);
    }

    static Grads gradient(String op, FnN f, Object[] args) {
        return withgradient(op, f, args).grad();
    }

    static void checkScalar(String op, Object v) {
        if (v instanceof Real) return;
        if (v instanceof Tensor t && t.length() == 1) return;
        String what = v instanceof Tensor t ? "a Tensor of shape " + Shapes.str(t.shape) : Values.describe(v);
        throw new IllegalArgumentException(op + ": the function must return a scalar (a Real or a one-element "
                + "Tensor), but it returned " + what + ". For a vector-valued function use jacobian(f, ...), "
                + "or reduce the output to a scalar first (e.g. .sum())");
    }
}
