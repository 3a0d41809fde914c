package zygote4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;

/**
 * The parameters of an implicit-mode gradient, like Zygote's {@code Params}: a set of
 * {@link Tensor}s, by identity, that a loss closes over instead of taking them as
 * arguments. While {@code gradient(() -> loss, params)} runs, every use of one of these
 * tensors (on the calling thread) is tracked, and the result is looked up by parameter.
 *
 * <pre>{@code
 * Tensor w = Tensor.of(1, 2), b = Tensor.of(3);
 * Params ps = Params.of(w, b);
 * Grads g = gradient(() -> w.times(w).sum().plus(b.get(0)), ps);
 * g.get(w);   // [2.0, 4.0]
 * g.get(b);   // [1.0]
 * }</pre>
 *
 * <p>Parameters are Tensors only (a Java {@code Real} is a value without a stable
 * identity; make a scalar parameter a one-element Tensor). They must be plain: a model's
 * weights, not values tracked by a running differentiation. Listing the same tensor
 * twice keeps it once.
 */
public final class Params implements Iterable<Tensor> {
    private final List<Tensor> params;

    private Params(List<Tensor> params) {
        this.params = params;
    }

    /**
     * The given tensors as parameters, in order, each once.
     *
     * <pre>{@code Params.of(w, b).size();   // 2}</pre>
     *
     * @param params plain tensors
     * @return the parameter set
     * @throws IllegalArgumentException for a null or tracked tensor
     */
    public static Params of(Tensor... params) {
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        List<Tensor> list = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            Tensor t = params[i];
            if (t == null) throw new IllegalArgumentException("Params.of: parameter " + i + " is null");
            if (t.level != null) {
                throw new IllegalArgumentException("Params.of: parameter " + i + " (shape " + Shapes.str(t.shape)
                        + ") is tracked by a running differentiation; parameters must be plain tensors such as a "
                        + "model's weights (pass tracked values as explicit arguments to gradient instead)");
            }
            if (seen.put(t, Boolean.TRUE) == null) list.add(t);
        }
        return new Params(List.copyOf(list));
    }

    /**
     * The number of parameters.
     *
     * <pre>{@code Params.of(w, b).size();   // 2}</pre>
     *
     * @return the count
     */
    public int size() {
        return params.size();
    }

    /**
     * Parameter {@code i}, in the order given to {@link #of}.
     *
     * <pre>{@code Params.of(w, b).get(0) == w;   // true}</pre>
     *
     * @param i the position, from 0
     * @return the tensor
     * @throws IndexOutOfBoundsException if there is no parameter {@code i}
     */
    public Tensor get(int i) {
        if (i < 0 || i >= params.size()) {
            throw new IndexOutOfBoundsException("Params.get: index " + i + " is out of range for " + params.size()
                    + " parameter" + (params.size() == 1 ? "" : "s") + " (indices start at 0)");
        }
        return params.get(i);
    }

    /**
     * The parameters in order.
     *
     * <pre>{@code for (Tensor p : Params.of(w, b)) System.out.print(p + " ");   // prints [1.0, 2.0] [3.0]}</pre>
     *
     * @return an iterator over the tensors, which cannot remove them
     */
    @Override
    public Iterator<Tensor> iterator() {
        return params.iterator();
    }

    /**
     * The parameters' values.
     *
     * <pre>{@code Params.of(w, b).toString();   // "Params([1.0, 2.0], [3.0])"}</pre>
     *
     * @return {@code Params(...)} around the tensors
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Params(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(params.get(i));
        }
        return sb.append(')').toString();
    }
}
