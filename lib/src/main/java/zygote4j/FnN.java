package zygote4j;

/**
 * A function of any number of arguments, given as an array, for the varargs forms of
 * {@code gradient}, {@code pullback} and {@code jacobian}.
 *
 * <pre>{@code gradient(xs -> ((Real) xs[0]).times((Real) xs[1]), Real.of(2), Real.of(3));   // (3.0, 2.0)}</pre>
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
