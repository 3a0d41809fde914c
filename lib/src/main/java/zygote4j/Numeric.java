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
    /** Elementwise sum. */
    T plus(T other);

    /** Adds a constant. */
    T plus(double c);

    /** Elementwise difference. */
    T minus(T other);

    /** Subtracts a constant. */
    T minus(double c);

    /** Elementwise product. */
    T times(T other);

    /** Multiplies by a constant. */
    T times(double c);

    /** Elementwise quotient. */
    T div(T other);

    /** Divides by a constant. */
    T div(double c);

    /** Negation. */
    T neg();

    /** Square, {@code x*x}. */
    T square();

    /** Reciprocal, {@code 1/x}. */
    T reciprocal();

    /** Square root. */
    T sqrt();

    /** Natural exponential. */
    T exp();

    /** Natural logarithm. */
    T log();

    /** Sine. */
    T sin();

    /** Cosine. */
    T cos();

    /** Hyperbolic sine. */
    T sinh();

    /** Hyperbolic cosine. */
    T cosh();

    /** Logistic sigmoid {@code 1/(1+exp(-x))}. */
    T sigmoid();

    /** Absolute value. */
    T abs();

    /** Power with an elementwise exponent. */
    T pow(T exponent);

    /** Power with a constant exponent. */
    T pow(double exponent);

    /**
     * Sign of each element (-1, 0 or 1) as a constant: it carries no gradient, since its
     * derivative is zero wherever it is defined.
     */
    T sign();

    /**
     * 1 where this element is greater than or equal to {@code other}'s, 0 where it is less,
     * NaN where either is NaN, as a constant (no gradient). Used by the rules of
     * {@code max} and {@code min}.
     */
    T stepGe(T other);

    /** A constant shaped like this value, every element {@code c}; it carries no gradient. */
    T fill(double c);
}
