package zygote4j;

import java.util.List;

/**
 * {@code checkpointed(f, args...)}: one tape node for the whole of {@code f}. Going
 * forward, {@code f} runs with every level hidden, so none of its intermediates is
 * recorded; the reverse rule runs {@code f} again under a fresh tape (a pullback) and
 * pulls the cotangent back through it; the forward rule runs it again under a fresh
 * forward level. Values {@code f} closes over are constants (see {@link ClosureLevels}).
 */
final class CheckpointRule extends Primitive {
    private final FnN f;
    /** The levels active when checkpointed was called: those closed-over values may belong to. */
    private final List<Level> atCall;

    CheckpointRule(FnN f) {
        super("checkpointed");
        this.f = f;
        this.atCall = Levels.active();
    }

    /** f applied to the arguments, recording one node. */
    static Object apply(FnN f, Object[] args) {
        Object[] in = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Number n) a = Real.of(n.doubleValue());
            if (!(a instanceof Real) && !(a instanceof Tensor)) {
                throw new IllegalArgumentException("checkpointed: argument " + i + " is " + Values.describe(a)
                        + "; checkpointed takes Real, Tensor and number arguments (pass the parts of a record "
                        + "or a list as separate arguments)");
            }
            in[i] = a;
        }
        return new CheckpointRule(f).apply(in);
    }

    @Override
    protected Object evaluate(Object[] in) {
        Object out;
        try (Levels.Hidden h = Levels.hideAll()) {
            out = f.apply(in.clone());
        }
        if (!(out instanceof Real) && !(out instanceof Tensor)) {
            throw new IllegalArgumentException("checkpointed: the function returned " + Values.describe(out)
                    + "; a checkpointed function must return a Real or a Tensor");
        }
        return Values.plain(out);
    }

    @Override
    protected Object jvp(Object[] in, Object out, Object[] t) {
        ForwardLevel level;
        Object y;
        try (Levels.Hidden h = ClosureLevels.hide(atCall, in)) {
            level = Levels.pushForward(1);
            try {
                Object[] seeded = new Object[in.length];
                for (int i = 0; i < in.length; i++) seeded[i] = Forward.seed(level, in[i], new Object[] {t[i]});
                y = f.apply(seeded);
            } finally {
                Levels.pop(level);
            }
        }
        return Values.level(y) == level ? Values.tangent(y, 0) : null;
    }

    @Override
    protected Object[] vjp(Object[] in, Object out, Object ct) {
        Pullback p;
        try (Levels.Hidden h = ClosureLevels.hide(atCall, in)) {
            p = Reverse.pullback("checkpointed", f, in.clone());
        }
        Grads g = ct instanceof Real r ? p.back(r) : p.back((Tensor) ct);
        Object[] cts = new Object[in.length];
        for (int i = 0; i < cts.length; i++) cts[i] = g.get(i);
        return cts;
    }
}
