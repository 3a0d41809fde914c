package zygote4j;

/**
 * A function of any number of arguments, given as an array, for the varargs forms of
 * {@code gradient}, {@code withgradient}, {@code pullback}, {@code jacobian},
 * {@code diaghessian} and {@code checkpointed}.
 *
 * <pre>{@code
 * FnN product = xs -> ((Real) xs[0]).times((Real) xs[1]);
 * gradient(product, Real.of(2), Real.of(3));   // (3.0, 2.0)
 * Object[] args = {Real.of(2), Real.of(3)};
 * gradient(product, args);                     // (3.0, 2.0)
 * gradient((FnN) xs -> ((Real) xs[0]).times((Real) xs[1]), args);   // (3.0, 2.0)
 * }</pre>
 *
 * <p>To pass an existing {@code Object[]} of arguments with a lambda written at the call,
 * cast the lambda to {@code FnN} as above: Java cannot otherwise tell it from a
 * one-argument function of an array.
 */
@FunctionalInterface
public interface FnN {
    /**
     * Evaluates the function (with the class's example above):
     *
     * <pre>{@code product.apply(new Object[] {Real.of(2), Real.of(3)});   // 6.0}</pre>
     *
     * @param args the arguments, tracked
     * @return its value, a {@code Real} or a {@code Tensor}
     */
    Object apply(Object[] args);
}
