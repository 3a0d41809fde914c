package zygote4j;

/**
 * The elementwise arithmetic shared by {@link Real} and {@link Tensor}. A scalar
 * primitive's derivative is written once against this interface, so the same formula
 * serves a scalar and every element of a tensor, at any order of differentiation.
 *
 * <pre>{@code
 * static <T extends Numeric<T>> T softsign(T x) { return x.div(x.abs().plus(1)); }
 * softsign(Real.of(2));           // 0.6666666666666666
 * softsign(Tensor.of(-1, 1));     // [-0.5, 0.5]
 * }</pre>
 *
 * @param <T> {@code Real} or {@code Tensor}
 */
public interface Numeric<T extends Numeric<T>> {
    /**
     * Elementwise sum (tensors broadcast).
     *
     * <pre>{@code Real.of(1).plus(Real.of(2));   // 3.0}</pre>
     *
     * @param other the other operand
     * @return {@code this + other}
     */
    T plus(T other);

    /**
     * Adds a constant.
     *
     * <pre>{@code Tensor.of(1, 2).plus(1);   // [2.0, 3.0]}</pre>
     *
     * @param c the constant
     * @return {@code this + c}
     */
    T plus(double c);

    /**
     * Elementwise difference (tensors broadcast).
     *
     * <pre>{@code Real.of(1).minus(Real.of(2));   // -1.0}</pre>
     *
     * @param other the other operand
     * @return {@code this - other}
     */
    T minus(T other);

    /**
     * Subtracts a constant.
     *
     * <pre>{@code Tensor.of(1, 2).minus(1);   // [0.0, 1.0]}</pre>
     *
     * @param c the constant
     * @return {@code this - c}
     */
    T minus(double c);

    /**
     * Elementwise product (tensors broadcast).
     *
     * <pre>{@code Tensor.of(1, 2).times(Tensor.of(3, 4));   // [3.0, 8.0]}</pre>
     *
     * @param other the other operand
     * @return {@code this * other}
     */
    T times(T other);

    /**
     * Multiplies by a constant.
     *
     * <pre>{@code Real.of(2).times(3);   // 6.0}</pre>
     *
     * @param c the constant
     * @return {@code this * c}
     */
    T times(double c);

    /**
     * Elementwise quotient (tensors broadcast).
     *
     * <pre>{@code Real.of(3).div(Real.of(2));   // 1.5}</pre>
     *
     * @param other the divisor
     * @return {@code this / other}
     */
    T div(T other);

    /**
     * Divides by a constant.
     *
     * <pre>{@code Tensor.of(1, 2).div(2);   // [0.5, 1.0]}</pre>
     *
     * @param c the divisor
     * @return {@code this / c}
     */
    T div(double c);

    /**
     * Negation.
     *
     * <pre>{@code Real.of(3).neg();   // -3.0}</pre>
     *
     * @return {@code -this}
     */
    T neg();

    /**
     * Square, {@code x*x}.
     *
     * <pre>{@code Tensor.of(2, 3).square();   // [4.0, 9.0]}</pre>
     *
     * @return {@code this * this}
     */
    T square();

    /**
     * Reciprocal, {@code 1/x}.
     *
     * <pre>{@code Real.of(4).reciprocal();   // 0.25}</pre>
     *
     * @return {@code 1 / this}
     */
    T reciprocal();

    /**
     * Square root.
     *
     * <pre>{@code Tensor.of(4, 9).sqrt();   // [2.0, 3.0]}</pre>
     *
     * @return the square root
     */
    T sqrt();

    /**
     * Natural exponential.
     *
     * <pre>{@code Real.of(0).exp();   // 1.0}</pre>
     *
     * @return {@code e^this}
     */
    T exp();

    /**
     * Natural logarithm.
     *
     * <pre>{@code Real.of(1).log();   // 0.0}</pre>
     *
     * @return the logarithm
     */
    T log();

    /**
     * Sine.
     *
     * <pre>{@code Tensor.of(0).sin();   // [0.0]}</pre>
     *
     * @return the sine
     */
    T sin();

    /**
     * Cosine.
     *
     * <pre>{@code Real.of(0).cos();   // 1.0}</pre>
     *
     * @return the cosine
     */
    T cos();

    /**
     * Hyperbolic sine.
     *
     * <pre>{@code Real.of(0).sinh();   // 0.0}</pre>
     *
     * @return the hyperbolic sine
     */
    T sinh();

    /**
     * Hyperbolic cosine.
     *
     * <pre>{@code Real.of(0).cosh();   // 1.0}</pre>
     *
     * @return the hyperbolic cosine
     */
    T cosh();

    /**
     * Logistic sigmoid {@code 1/(1+exp(-x))}.
     *
     * <pre>{@code Tensor.of(0).sigmoid();   // [0.5]}</pre>
     *
     * @return the sigmoid
     */
    T sigmoid();

    /**
     * Absolute value.
     *
     * <pre>{@code Real.of(-2).abs();   // 2.0}</pre>
     *
     * @return {@code |this|}
     */
    T abs();

    /**
     * Power with an elementwise exponent.
     *
     * <pre>{@code Real.of(2).pow(Real.of(3));   // 8.0}</pre>
     *
     * @param exponent the exponent
     * @return {@code this^exponent}
     */
    T pow(T exponent);

    /**
     * Power with a constant exponent.
     *
     * <pre>{@code Tensor.of(2, 3).pow(2);   // [4.0, 9.0]}</pre>
     *
     * @param exponent the exponent
     * @return {@code this^exponent}
     */
    T pow(double exponent);

    /**
     * Sign of each element (-1, 0 or 1) as a constant: it carries no gradient, since its
     * derivative is zero wherever it is defined.
     *
     * <pre>{@code Tensor.of(-2, 0, 3).sign();   // [-1.0, 0.0, 1.0]}</pre>
     *
     * @return the signs, untracked
     */
    T sign();

    /**
     * 1 where this element is greater than or equal to {@code other}'s, 0 where it is less,
     * NaN where either is NaN, as a constant (no gradient). Used by the rules of
     * {@code max} and {@code min}.
     *
     * <pre>{@code Tensor.of(1, 3).stepGe(Tensor.of(2, 2));   // [0.0, 1.0]}</pre>
     *
     * @param other the value to compare with
     * @return the steps, untracked
     */
    T stepGe(T other);

    /**
     * A constant shaped like this value, every element {@code c}; it carries no gradient.
     *
     * <pre>{@code Tensor.of(1, 2).fill(7);   // [7.0, 7.0]}</pre>
     *
     * @param c the element
     * @return the constant
     */
    T fill(double c);
}
