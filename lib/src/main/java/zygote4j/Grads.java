package zygote4j;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What {@code gradient} returns: one entry per argument, shaped like it: a {@link Real}
 * for a number or {@code Real}, a {@link Tensor} for a {@code Tensor}, a record of the
 * same type for a record, a {@code List}/{@code Map} for those, and {@code null} where
 * the argument did not influence the result (Zygote's {@code nothing}).
 *
 * <pre>{@code
 * Grads g = gradient((a, b) -> a.times(b), 2, 3);
 * g;              // (3.0, 2.0)
 * g.real(0);      // 3.0
 * gradient((a, b) -> dropgrad(a).times(b), 2, 3);   // (nothing, 2.0)
 * }</pre>
 *
 * <p>Gradients are themselves differentiable: inside an outer {@code gradient},
 * {@code gradient(f, x).real(0)} is tracked by the outer level.
 */
public final class Grads {
    private final Object[] entries;
    private final Map<Object, Object> byParam;

    Grads(Object[] entries) {
        this(entries, null);
    }

    Grads(Object[] entries, IdentityHashMap<Object, Object> byParam) {
        this.entries = entries;
        this.byParam = byParam;
    }

    /**
     * The number of entries (one per argument).
     *
     * <pre>{@code gradient((a, b) -> a.times(b), 2, 3).size();   // 2}</pre>
     *
     * @return the count
     */
    public int size() {
        return entries.length;
    }

    /**
     * The gradient of argument {@code i}, or {@code null} for none.
     *
     * <pre>{@code gradient((a, b) -> a.times(b), 2, 3).get(1);   // 2.0}</pre>
     *
     * @param i the argument's position, from 0
     * @return a Real, Tensor, record, List or Map, or null
     * @throws IndexOutOfBoundsException if there is no argument {@code i}
     */
    public Object get(int i) {
        if (i < 0 || i >= entries.length) {
            throw new IndexOutOfBoundsException("Grads.get: index " + i + " is out of range for " + entries.length
                    + " argument" + (entries.length == 1 ? "" : "s") + " (indices start at 0)");
        }
        return entries[i];
    }

    /**
     * In implicit mode ({@code gradient(() -> loss, params)}), the gradient of one
     * parameter, looked up by identity; {@code null} if it received none.
     *
     * <pre>{@code
     * Tensor w = Tensor.of(1, 2);
     * gradient(() -> w.times(w).sum(), Params.of(w)).get(w);   // [2.0, 4.0]
     * }</pre>
     *
     * @param param a parameter given to {@code Params.of} (an {@code Integer} is taken as a
     *     position, as {@link #get(int)})
     * @return its gradient or null
     * @throws IllegalStateException if these gradients were taken with respect to explicit
     *     arguments
     * @throws IllegalArgumentException if {@code param} is not one of the parameters
     */
    public Object get(Object param) {
        if (param instanceof Integer i) return get(i.intValue());
        if (byParam == null) {
            throw new IllegalStateException("Grads.get(param): these gradients were taken with respect to explicit "
                    + "arguments; use get(i) with the argument's position, or take them with Params.of(...)");
        }
        if (!byParam.containsKey(param)) {
            throw new IllegalArgumentException("Grads.get(param): " + Values.describe(param)
                    + " is not one of the parameters given to Params.of(...)");
        }
        return byParam.get(param);
    }

    /**
     * The gradient of argument {@code i} as a scalar.
     *
     * <pre>{@code gradient(x -> x.square(), 3).real(0);   // 6.0}</pre>
     *
     * @param i the argument's position
     * @return the gradient
     * @throws IllegalStateException if there is no gradient or it is not a Real
     * @throws IndexOutOfBoundsException if there is no argument {@code i}
     */
    public Real real(int i) {
        Object g = get(i);
        if (g instanceof Real r) return r;
        throw new IllegalStateException(missing(i, g, "a Real"));
    }

    /**
     * The gradient of argument {@code i} as a tensor.
     *
     * <pre>{@code gradient(x -> x.sum(), Tensor.of(1, 2)).tensor(0);   // [1.0, 1.0]}</pre>
     *
     * @param i the argument's position
     * @return the gradient
     * @throws IllegalStateException if there is no gradient or it is not a Tensor
     * @throws IndexOutOfBoundsException if there is no argument {@code i}
     */
    public Tensor tensor(int i) {
        Object g = get(i);
        if (g instanceof Tensor t) return t;
        throw new IllegalStateException(missing(i, g, "a Tensor"));
    }

    private String missing(int i, Object g, String want) {
        if (g == null) {
            return "Argument " + i + " has no gradient (nothing): the result does not depend on it. "
                    + "Use get(" + i + ") to receive null instead of an exception";
        }
        return "The gradient of argument " + i + " is " + Values.describe(g) + ", not " + want;
    }

    /**
     * Zygote's tuple printing: {@code (3.0, 2.0)}, {@code (4.0,)}, {@code (nothing, 2.0)};
     * a matrix keeps its rows aligned, one a line.
     *
     * <pre>{@code
     * gradient(x -> x.square(), 2).toString();                  // "(4.0,)"
     * gradient((a, b) -> b.times(2), 1, 1).toString();          // "(nothing, 2.0)"
     * gradient(m -> m.sum(), Tensor.ones(2, 2)).toString();     // "([[1.0, 1.0],\n  [1.0, 1.0]],)"
     * }</pre>
     *
     * @return the entries in parentheses, {@code nothing} for none
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) sb.append(", ");
            String e = entries[i] == null ? "nothing" : entries[i].toString();
            // A matrix prints one row a line: keep its rows aligned under its first row.
            int column = sb.length() - sb.lastIndexOf("\n") - 1;
            sb.append(e.replace("\n", "\n" + " ".repeat(column)));
        }
        if (entries.length == 1) sb.append(',');
        return sb.append(')').toString();
    }
}
