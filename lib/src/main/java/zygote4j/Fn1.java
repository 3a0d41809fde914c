package zygote4j;

/**
 * A function of one argument to differentiate, as {@code gradient}, {@code withgradient},
 * {@code pullback}, {@code jacobian} and the like take it. Usually written as a lambda at
 * the call; declare one to keep it in a variable. It returns a {@link Real} (or a
 * one-element {@link Tensor}) for {@code gradient}, a {@code Real} or a {@code Tensor} for
 * {@code jacobian} and {@code pullback}.
 *
 * <pre>{@code
 * Fn1<Tensor> loss = x -> x.square().sum();
 * gradient(loss, Tensor.of(1, 2));   // ([2.0, 4.0],)
 * }</pre>
 *
 * @param <A> the first argument's type: Real, Tensor, or a record, List or Map of them
 */
@FunctionalInterface
public interface Fn1<A> {
    /**
     * Evaluates the function (with the class's example above):
     *
     * <pre>{@code loss.apply(Tensor.of(3, 4));   // 25.0}</pre>
     *
     * @param a the first argument
     * @return its value, a {@code Real} or a {@code Tensor}
     */
    Object apply(A a);
}
