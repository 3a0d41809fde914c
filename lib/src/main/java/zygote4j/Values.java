package zygote4j;

import java.util.Arrays;

/** Level bookkeeping common to {@link Real} and {@link Tensor} values. */
final class Values {
    private Values() {
    }

    static Level level(Object x) {
        if (x instanceof Real r) return r.level;
        if (x instanceof Tensor t) return t.level;
        return null;
    }

    /** The level of x unless that level is hidden (then x is a constant). */
    static Level visibleLevel(Object x) {
        Level l = level(x);
        return l == null || l.hiddenHere() ? null : l;
    }

    /**
     * Checks that x, if tracked, may be used here (its level is still open and belongs to
     * this thread); a tracer of a hidden level is a constant and always usable.
     */
    static void checkUsable(Object x, String op) {
        Level l = level(x);
        if (l != null && !l.hiddenHere()) l.checkUsable(op);
    }

    static boolean isPlain(Object x) {
        return level(x) == null;
    }

    /** x with all tracking removed. */
    static Object plain(Object x) {
        if (x instanceof Real r) return r.level == null ? r : new Real(r.v);
        Tensor t = (Tensor) x;
        return t.level == null ? t : Tensor.plain(t.shape, t.data);
    }

    /** x's value one level out. */
    static Object primal(Object x) {
        if (x instanceof Real r) return r.primalReal();
        return ((Tensor) x).primalTensor();
    }

    static int id(Object x) {
        return x instanceof Real r ? r.id : ((Tensor) x).id;
    }

    /** x's tangent in direction k (at x's forward level), or null for zero. */
    static Object tangent(Object x, int k) {
        if (x instanceof Real r) return r.tangent(k);
        Tensor t = (Tensor) x;
        return t.tan == null ? null : t.tan[k];
    }

    static Object trackReverse(Object out, Tape tape, int id) {
        if (out instanceof Real r) return new Real(r.v, tape, id, r.level == null ? null : r, null);
        Tensor t = (Tensor) out;
        return new Tensor(t.shape, t.data, tape, id, t.level == null ? null : t, null);
    }

    static Object trackForward(Object out, ForwardLevel f, Object[] tangents) {
        if (out instanceof Real r) {
            Real[] rt = new Real[tangents.length];
            for (int k = 0; k < rt.length; k++) rt[k] = (Real) tangents[k];
            return Real.forward(r, f, rt);
        }
        Tensor t = (Tensor) out;
        Tensor[] tt = new Tensor[tangents.length];
        for (int k = 0; k < tt.length; k++) tt[k] = (Tensor) tangents[k];
        return new Tensor(t.shape, t.data, f, -1, t.level == null ? null : t, tt);
    }

    static String describe(Object x) {
        if (x == null) return "null";
        if (x instanceof Real) return "a Real";
        if (x instanceof Tensor t) return "a Tensor of shape " + Arrays.toString(t.shape);
        return "a " + x.getClass().getName();
    }
}
