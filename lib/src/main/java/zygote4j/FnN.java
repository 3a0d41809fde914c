package zygote4j;

/**
 * A function of any number of arguments, given as an array, for the varargs forms of
 * {@code gradient}, {@code pullback} and {@code jacobian}.
 *
 * <pre>{@code
 * gradient(xs -> ((Real) xs[0]).times((Real) xs[1]), Real.of(2), Real.of(3));   // (3.0, 2.0)
 * Object[] args = {Real.of(2), Real.of(3)};
 * gradient((FnN) xs -> ((Real) xs[0]).times((Real) xs[1]), args);   // the same, from an array
 * }</pre>
 *
 * <p>To pass an existing {@code Object[]} of arguments, cast the lambda to {@code FnN} as
 * above: Java cannot otherwise tell it from a one-argument function of an array.
 */
@FunctionalInterface
public interface FnN {
    /**
     * Evaluates the function.
     *
     * @param args the arguments, tracked
     * @return its value
     */
    Object apply(Object[] args);
}
