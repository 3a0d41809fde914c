package zygote4j;

/** The forward-mode entry points behind {@code jvp} and {@code derivative}. */
final class Forward {
    private Forward() {
    }

    /** A tracer of {@code level} with primal {@code x} and the given tangents (null entries: zero). */
    static Object seed(ForwardLevel level, Object x, Object[] tangents) {
        if (x instanceof Number n) x = Real.of(n.doubleValue());
        if (x instanceof Tensor p && p.level == null) x = Implicit.resolve(p);
        if (x instanceof Real r) {
            Real[] t = new Real[tangents.length];
            for (int k = 0; k < t.length; k++) t[k] = (Real) tangents[k];
            return Real.forward(r, level, t);
        }
        if (x instanceof Tensor t) {
            Tensor[] tt = new Tensor[tangents.length];
            for (int k = 0; k < tt.length; k++) tt[k] = (Tensor) tangents[k];
            return new Tensor(t.shape, t.data, level, -1, t.level == null ? null : t, tt);
        }
        throw new IllegalArgumentException("jvp: cannot push a tangent through " + Values.describe(x)
                + "; forward mode takes a Real, a number or a Tensor");
    }

    @SuppressWarnings("unchecked")
    static <A, R> Jvp<R> jvp(java.util.function.Function<A, R> f, Object x, Object dx) {
        checkTangent(x, dx);
        Values.checkUsable(x, "jvp");
        Values.checkUsable(dx, "jvp");
        ForwardLevel level = Levels.pushForward(1);
        R out;
        try {
            Object seeded = seed(level, x, new Object[] {dx instanceof Number n ? Real.of(n.doubleValue()) : dx});
            out = f.apply((A) seeded);
            Values.checkUsable(out, "jvp");
        } finally {
            Levels.pop(level);
        }
        if (Values.level(out) != level) return new Jvp<>(out, (R) zeroLike(out));
        Object t = Values.tangent(out, 0);
        return new Jvp<>((R) Values.primal(out), (R) (t == null ? zeroLike(out) : t));
    }

    private static void checkTangent(Object x, Object dx) {
        boolean scalar = x instanceof Real || x instanceof Number;
        if (!scalar && !(x instanceof Tensor)) {
            throw new IllegalArgumentException("jvp: cannot differentiate with respect to "
                    + (x == null ? "null" : "an argument of type " + x.getClass().getSimpleName())
                    + "; forward mode takes a Real, a number or a Tensor");
        }
        if (scalar && (dx instanceof Real || dx instanceof Number)) return;
        if (x instanceof Tensor t && dx instanceof Tensor d && java.util.Arrays.equals(t.shape, d.shape)) return;
        throw new IllegalArgumentException("jvp: the tangent must be shaped like the input: input is "
                + Values.describe(x) + ", tangent is " + Values.describe(dx));
    }

    static Object zeroLike(Object out) {
        if (out instanceof Real) return Real.ZERO;
        if (out instanceof Tensor t) return Tensor.zeros(t.shape);
        throw new IllegalArgumentException("jvp: the function returned " + Values.describe(out)
                + "; forward mode supports Real and Tensor outputs");
    }
}
