package zygote4j;

/**
 * A function of 3 argument(s) to differentiate. It returns a {@link Real} or a
 * {@link Tensor} (for {@code pullback} and {@code jacobian}, anything they accept).
 *
 * <pre>{@code gradient((a, b) -> a.times(b), 2, 3);   // (3.0, 2.0)}</pre>
 *
 * @param <A> an argument type: Real, Tensor, a record, List or Map of them
 * @param <B> an argument type: Real, Tensor, a record, List or Map of them
 * @param <C> an argument type: Real, Tensor, a record, List or Map of them
 */
@FunctionalInterface
public interface Fn3<A, B, C> {
    /**
     * Evaluates the function.
     *
     * @return its value
     */
    Object apply(A a, B b, C c);
}
