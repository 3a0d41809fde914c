package zygote4j;

/**
 * A scalar primitive of one argument, in one place: its value on doubles, its derivative
 * on doubles (the fast path of first-order code) and the same derivative written with
 * differentiable operations (for higher orders and for tensors, elementwise). The forward
 * rule (tangent times derivative) and the reverse rule (cotangent times derivative) both
 * follow from the derivative.
 */
abstract class UnaryRule {
    final String name;
    /**
     * The rule's own copy of the elementwise tensor loops, made on first use
     * ({@link ElementwiseKernels#of}); the copies hold no state, so a race that makes
     * it twice is harmless.
     */
    ElementwiseKernels.Loops loops;

    UnaryRule(String name) {
        this.name = name;
    }

    /** y = f(x). */
    abstract double apply(double x);

    /** f'(x), given x and y = f(x). */
    abstract double deriv(double x, double y);

    /** f'(x) with differentiable operations, given x and y = f(x). */
    abstract <T extends Numeric<T>> T deriv(T x, T y);

    /**
     * {@code o[i] = f(x[i])} for i from {@code from} to {@code to}, with the rule's own copy
     * of the loops; a rule with a faster whole-array form of the same bits overrides it.
     */
    void map(ElementwiseKernels.Loops loops, double[] x, double[] o, int from, int to) {
        loops.map(this, x, o, from, to);
    }

    @Override
    public String toString() {
        return name;
    }
}
