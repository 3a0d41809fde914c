package zygote4j;

import java.util.List;

/**
 * The result of {@code pullback(f, args...)}: f's value and a function from a cotangent
 * of that value to the gradients of the arguments. {@link #back} may be called any number
 * of times; each call walks the same recorded tape.
 *
 * <pre>{@code
 * Pullback p = pullback((a, b) -> a.times(b), 2, 3);
 * p.value();     // 6.0
 * p.back(1);     // (3.0, 2.0)
 * p.back(10);    // (30.0, 20.0)
 * }</pre>
 */
public final class Pullback {
    private final Tape tape;
    private final Object[] args;
    private final List<Object> leaves;
    private final Object output;
    private final Object value;

    Pullback(Tape tape, Object[] args, List<Object> leaves, Object output) {
        this.tape = tape;
        this.args = args;
        this.leaves = leaves;
        this.output = output;
        this.value = Values.level(output) == tape ? Values.primal(output) : output;
    }

    /**
     * f's value (tracked only by levels outside this pullback, if any).
     *
     * <pre>{@code pullback(x -> x.square(), 3).value();   // 9.0}</pre>
     *
     * @return a Real or a Tensor
     */
    public Object value() {
        return value;
    }

    /**
     * The gradients for cotangent {@code dy} of a scalar output.
     *
     * <pre>{@code pullback(x -> x.square(), 3).back(2);   // (12.0,)}</pre>
     *
     * @param dy the cotangent
     * @return one gradient per argument
     * @throws IllegalArgumentException if the output is a tensor of more than one element
     */
    public Grads back(double dy) {
        return back((Object) Real.of(dy));
    }

    /**
     * The gradients for cotangent {@code dy} of a scalar output (dy may be tracked by an
     * outer level).
     *
     * <pre>{@code pullback(x -> x.square(), 3).back(Real.of(2));   // (12.0,)}</pre>
     *
     * @param dy the cotangent
     * @return one gradient per argument
     * @throws IllegalArgumentException if the output is a tensor of more than one element
     */
    public Grads back(Real dy) {
        return back((Object) dy);
    }

    /**
     * The gradients for cotangent {@code dy}, shaped like the output.
     *
     * <pre>{@code pullback(x -> x.times(2), Tensor.of(1, 2)).back(Tensor.of(1, 0));   // ([2.0, 0.0],)}</pre>
     *
     * @param dy the cotangent
     * @return one gradient per argument
     * @throws IllegalArgumentException if {@code dy} is not shaped like the output (a
     *     one-element tensor is accepted for a scalar output)
     */
    public Grads back(Tensor dy) {
        return back((Object) dy);
    }

    private Grads back(Object dy) {
        Values.checkUsable(dy, "pullback.back");
        Object seed = checkSeed(dy);
        if (Values.level(output) != tape) return new Grads(new Object[args.length]);
        int[] ids = new int[leaves.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = Values.id(leaves.get(i));
        Object[] cts = tape.backward(Values.id(output), seed, ids);
        int[] next = {0};
        Object[] grads = new Object[args.length];
        for (int i = 0; i < args.length; i++) grads[i] = Args.rebuild(args[i], leaf -> cts[next[0]++]);
        return new Grads(grads);
    }

    private Object checkSeed(Object dy) {
        if (output instanceof Real) {
            if (dy instanceof Real) return dy;
            if (dy instanceof Tensor t && t.length() == 1) return t.get(new int[t.rank()]);
            throw new IllegalArgumentException("pullback.back: the output is a scalar, so the cotangent must be a "
                    + "number or a Real, not " + Values.describe(dy));
        }
        if (output instanceof Tensor o) {
            if (dy instanceof Tensor t && java.util.Arrays.equals(t.shape, o.shape)) return t;
            if (dy instanceof Real r && o.length() == 1) return Tensor.scalar(r).reshape(o.shape);
            throw new IllegalArgumentException("pullback.back: the cotangent must be shaped like the output "
                    + Shapes.str(o.shape) + ", not " + Values.describe(dy));
        }
        throw new IllegalArgumentException("pullback.back: the function returned " + Values.describe(output)
                + "; pullback supports Real and Tensor outputs");
    }

    /** The tape f was recorded on (closed). */
    Tape tape() {
        return tape;
    }

    /** The tracked leaves of the arguments, in walk order. */
    List<Object> leaves() {
        return leaves;
    }

    /** f's result as returned (tracked at this pullback's tape when it depends on the arguments). */
    Object output() {
        return output;
    }

    /**
     * The pullback with its value.
     *
     * <pre>{@code p.toString();   // "Pullback(value = 6.0)"}</pre>
     *
     * @return {@code Pullback(value = ...)}
     */
    @Override
    public String toString() {
        return "Pullback(value = " + value + ")";
    }
}
