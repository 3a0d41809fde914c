package zygote4j;

/**
 * What {@code withgradient} and {@code withjacobian} return: the function's value and
 * its derivatives, from one evaluation.
 *
 * <pre>{@code
 * WithGradient r = withgradient(x -> x.square(), 3);
 * r.val();    // 9.0
 * r.grad();   // (6.0,)
 * }</pre>
 *
 * @param val the function's value
 * @param grad one gradient (or Jacobian) per argument
 */
public record WithGradient(Object val, Grads grad) {
    /**
     * The value and the gradients, named.
     *
     * <pre>{@code r.toString();   // "(val = 9.0, grad = (6.0,))"}</pre>
     *
     * @return {@code (val = ..., grad = ...)}
     */
    @Override
    public String toString() {
        return "(val = " + val + ", grad = " + grad + ")";
    }
}
