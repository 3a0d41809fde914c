package zygote4j;

/**
 * A function of three arguments to differentiate, as {@code gradient}, {@code withgradient},
 * {@code pullback}, {@code jacobian} and the like take it. Usually written as a lambda at
 * the call; declare one to keep it in a variable. It returns a {@link Real} (or a
 * one-element {@link Tensor}) for {@code gradient}, a {@code Real} or a {@code Tensor} for
 * {@code jacobian} and {@code pullback}.
 *
 * <pre>{@code
 * Fn3<Real, Real, Real> volume = (w, h, d) -> w.times(h).times(d);
 * gradient(volume, Real.of(2), Real.of(3), Real.of(4));   // (12.0, 8.0, 6.0)
 * }</pre>
 *
 * @param <A> the first argument's type: Real, Tensor, or a record, List or Map of them
 * @param <B> the second argument's type: Real, Tensor, or a record, List or Map of them
 * @param <C> the third argument's type: Real, Tensor, or a record, List or Map of them
 */
@FunctionalInterface
public interface Fn3<A, B, C> {
    /**
     * Evaluates the function (with the class's example above):
     *
     * <pre>{@code volume.apply(Real.of(2), Real.of(3), Real.of(4));   // 24.0}</pre>
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return its value, a {@code Real} or a {@code Tensor}
     */
    Object apply(A a, B b, C c);
}
