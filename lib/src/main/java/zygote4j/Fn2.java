package zygote4j;

/**
 * A function of two arguments to differentiate, as {@code gradient}, {@code withgradient},
 * {@code pullback}, {@code jacobian} and the like take it. Usually written as a lambda at
 * the call; declare one to keep it in a variable. It returns a {@link Real} (or a
 * one-element {@link Tensor}) for {@code gradient}, a {@code Real} or a {@code Tensor} for
 * {@code jacobian} and {@code pullback}.
 *
 * <pre>{@code
 * Fn2<Real, Real> area = (w, h) -> w.times(h);
 * gradient(area, Real.of(2), Real.of(3));   // (3.0, 2.0)
 * }</pre>
 *
 * @param <A> the first argument's type: Real, Tensor, or a record, List or Map of them
 * @param <B> the second argument's type: Real, Tensor, or a record, List or Map of them
 */
@FunctionalInterface
public interface Fn2<A, B> {
    /**
     * Evaluates the function (with the class's example above):
     *
     * <pre>{@code area.apply(Real.of(2), Real.of(3));   // 6.0}</pre>
     *
     * @param a the first argument
     * @param b the second argument
     * @return its value, a {@code Real} or a {@code Tensor}
     */
    Object apply(A a, B b);
}
