package zygote4j;

import java.util.function.UnaryOperator;

/**
 * {@code hook(f, x)}: the identity going forward; going back, the cotangent of this use
 * of x is replaced by {@code f(cotangent)}. {@code f} runs even when no cotangent
 * arrived (it then receives {@code null}), as Zygote's hooks do.
 */
final class HookRule<T> extends Primitive {
    private final UnaryOperator<T> f;

    HookRule(String name, UnaryOperator<T> f) {
        super(name);
        this.f = f;
    }

    @Override
    protected Object evaluate(Object[] in) {
        return in[0];
    }

    @Override
    protected Object jvp(Object[] in, Object out, Object[] t) {
        return t[0];
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object[] vjp(Object[] in, Object out, Object ct) {
        Object g = f.apply((T) ct);
        if (g != null && !(in[0] instanceof Real ? g instanceof Real : g instanceof Tensor)) {
            throw new IllegalStateException(name() + ": the hook function returned " + Values.describe(g)
                    + " for a cotangent of " + Values.describe(in[0]) + "; it must return the same type (or null for none)");
        }
        return new Object[] {g};
    }

    @Override
    protected boolean runsWithoutCotangent() {
        return true;
    }
}
