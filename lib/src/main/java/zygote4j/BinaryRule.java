package zygote4j;

/**
 * A scalar primitive of two arguments, in one place: value and both partial derivatives,
 * on doubles (fast path) and with differentiable operations (higher orders, tensors).
 */
abstract class BinaryRule {
    final String name;
    /**
     * The rule's own copy of the elementwise tensor loops, made on first use
     * ({@link ElementwiseKernels#of}); the copies hold no state, so a race that makes
     * it twice is harmless.
     */
    ElementwiseKernels.Loops loops;

    BinaryRule(String name) {
        this.name = name;
    }

    /** z = f(a, b). */
    abstract double apply(double a, double b);

    /** df/da given a, b and z. */
    abstract double da(double a, double b, double z);

    /** df/db given a, b and z. */
    abstract double db(double a, double b, double z);

    /** df/da with differentiable operations. */
    abstract <T extends Numeric<T>> T da(T a, T b, T z);

    /** df/db with differentiable operations. */
    abstract <T extends Numeric<T>> T db(T a, T b, T z);

    @Override
    public String toString() {
        return name;
    }
}
