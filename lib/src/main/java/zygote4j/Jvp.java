package zygote4j;

/**
 * What {@code jvp} returns: the function's value and its directional derivative (the
 * Jacobian-vector product) along the given tangent.
 *
 * <pre>{@code
 * Jvp<Real> r = jvp(x -> x.sin(), Real.of(0), Real.of(2));
 * r.val();       // 0.0
 * r.tangent();   // 2.0
 * }</pre>
 *
 * @param <R> the output type, Real or Tensor
 * @param val the value f(x)
 * @param tangent J(x) dx, shaped like the value
 */
public record Jvp<R>(R val, R tangent) {
    /**
     * The value and the tangent, named.
     *
     * <pre>{@code r.toString();   // "(val = 0.0, tangent = 2.0)"}</pre>
     *
     * @return {@code (val = ..., tangent = ...)}
     */
    @Override
    public String toString() {
        return "(val = " + val + ", tangent = " + tangent + ")";
    }
}
