package zygote4j;

/**
 * The scalar primitives: each function once, with its value, its derivative on doubles,
 * and the same derivative written with differentiable operations. {@link Real} applies
 * them to scalars and {@link Tensor} elementwise.
 *
 * <p>Conventions at kinks: {@code abs'(0) = 0}; {@code max(a, b)} at a tie sends the
 * whole gradient to {@code a}, and so does {@code min}; {@code sqrt'(0) = +Infinity}.
 * The double and the generic form of each derivative agree at every point, special
 * points included (see {@link #POW}), so that every mode and order gives the same
 * numbers; docs/numerics.md lists the conventions and NumericsTest checks them.
 */
final class ScalarRules {
    private ScalarRules() {
    }

    /** 1 if a >= b, 0 if a < b, NaN if either is NaN (as {@link Numeric#stepGe}). */
    static double step(double a, double b) {
        return a >= b ? 1 : a < b ? 0 : Double.NaN;
    }

    static final UnaryRule NEG = new UnaryRule("neg") {
        double apply(double x) { return -x; }
        double deriv(double x, double y) { return -1; }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.fill(-1); }
    };
    static final UnaryRule EXP = new UnaryRule("exp") {
        double apply(double x) { return Math.exp(x); }
        double deriv(double x, double y) { return y; }
        <T extends Numeric<T>> T deriv(T x, T y) { return y; }
    };
    static final UnaryRule LOG = new UnaryRule("log") {
        double apply(double x) { return Math.log(x); }
        double deriv(double x, double y) { return 1 / x; }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.reciprocal(); }
    };
    static final UnaryRule SQRT = new UnaryRule("sqrt") {
        double apply(double x) { return Math.sqrt(x); }
        double deriv(double x, double y) { return 0.5 / y; }
        <T extends Numeric<T>> T deriv(T x, T y) { return y.reciprocal().times(0.5); }
    };
    static final UnaryRule SIN = new UnaryRule("sin") {
        double apply(double x) { return Math.sin(x); }
        double deriv(double x, double y) { return Math.cos(x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.cos(); }
    };
    static final UnaryRule COS = new UnaryRule("cos") {
        double apply(double x) { return Math.cos(x); }
        double deriv(double x, double y) { return -Math.sin(x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.sin().neg(); }
    };
    static final UnaryRule TAN = new UnaryRule("tan") {
        double apply(double x) { return Math.tan(x); }
        double deriv(double x, double y) { return 1 + y * y; }
        <T extends Numeric<T>> T deriv(T x, T y) { return y.square().plus(1); }
    };
    static final UnaryRule TANH = new UnaryRule("tanh") {
        double apply(double x) { return Tanh.of(x); }
        double deriv(double x, double y) { return 1 - y * y; }
        <T extends Numeric<T>> T deriv(T x, T y) { return y.square().neg().plus(1); }
        @Override
        void map(ElementwiseKernels.Loops loops, double[] x, double[] o, int from, int to) {
            // A vector of elements at a time where the vector module is loaded: the same bits.
            if (KernelSettings.VECTOR_LOOPS) VectorTanh.map(x, o, from, to);
            else loops.map(this, x, o, from, to);
        }
    };
    static final UnaryRule ABS = new UnaryRule("abs") {
        double apply(double x) { return Math.abs(x); }
        double deriv(double x, double y) { return Math.signum(x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.sign(); }
    };
    static final UnaryRule SQUARE = new UnaryRule("square") {
        double apply(double x) { return x * x; }
        double deriv(double x, double y) { return 2 * x; }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.times(2); }
    };
    static final UnaryRule RECIPROCAL = new UnaryRule("reciprocal") {
        double apply(double x) { return 1 / x; }
        double deriv(double x, double y) { return -y * y; }
        <T extends Numeric<T>> T deriv(T x, T y) { return y.square().neg(); }
    };
    static final UnaryRule LOG1P = new UnaryRule("log1p") {
        double apply(double x) { return Math.log1p(x); }
        double deriv(double x, double y) { return 1 / (1 + x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.plus(1).reciprocal(); }
    };
    static final UnaryRule EXPM1 = new UnaryRule("expm1") {
        double apply(double x) { return Math.expm1(x); }
        double deriv(double x, double y) { return y + 1; }
        <T extends Numeric<T>> T deriv(T x, T y) { return y.plus(1); }
    };
    static final UnaryRule SIGMOID = new UnaryRule("sigmoid") {
        double apply(double x) {
            // Two branches so that exp never overflows.
            if (x >= 0) return 1 / (1 + Math.exp(-x));
            double e = Math.exp(x);
            return e / (1 + e);
        }
        double deriv(double x, double y) { return y * (1 - y); }
        <T extends Numeric<T>> T deriv(T x, T y) { return y.times(y.neg().plus(1)); }
    };
    static final UnaryRule SOFTPLUS = new UnaryRule("softplus") {
        double apply(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
        double deriv(double x, double y) { return SIGMOID.apply(x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.sigmoid(); }
    };
    static final UnaryRule ASIN = new UnaryRule("asin") {
        double apply(double x) { return Math.asin(x); }
        double deriv(double x, double y) { return 1 / Math.sqrt(1 - x * x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.square().neg().plus(1).sqrt().reciprocal(); }
    };
    static final UnaryRule ACOS = new UnaryRule("acos") {
        double apply(double x) { return Math.acos(x); }
        double deriv(double x, double y) { return -1 / Math.sqrt(1 - x * x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.square().neg().plus(1).sqrt().reciprocal().neg(); }
    };
    static final UnaryRule ATAN = new UnaryRule("atan") {
        double apply(double x) { return Math.atan(x); }
        double deriv(double x, double y) { return 1 / (1 + x * x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.square().plus(1).reciprocal(); }
    };
    static final UnaryRule SINH = new UnaryRule("sinh") {
        double apply(double x) { return Math.sinh(x); }
        double deriv(double x, double y) { return Math.cosh(x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.cosh(); }
    };
    static final UnaryRule COSH = new UnaryRule("cosh") {
        double apply(double x) { return Math.cosh(x); }
        double deriv(double x, double y) { return Math.sinh(x); }
        <T extends Numeric<T>> T deriv(T x, T y) { return x.sinh(); }
    };

    static final BinaryRule PLUS = new BinaryRule("plus") {
        double apply(double a, double b) { return a + b; }
        double da(double a, double b, double z) { return 1; }
        double db(double a, double b, double z) { return 1; }
        <T extends Numeric<T>> T da(T a, T b, T z) { return z.fill(1); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return z.fill(1); }
    };
    static final BinaryRule MINUS = new BinaryRule("minus") {
        double apply(double a, double b) { return a - b; }
        double da(double a, double b, double z) { return 1; }
        double db(double a, double b, double z) { return -1; }
        <T extends Numeric<T>> T da(T a, T b, T z) { return z.fill(1); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return z.fill(-1); }
    };
    static final BinaryRule TIMES = new BinaryRule("times") {
        double apply(double a, double b) { return a * b; }
        double da(double a, double b, double z) { return b; }
        double db(double a, double b, double z) { return a; }
        <T extends Numeric<T>> T da(T a, T b, T z) { return b; }
        <T extends Numeric<T>> T db(T a, T b, T z) { return a; }
    };
    static final BinaryRule DIV = new BinaryRule("div") {
        double apply(double a, double b) { return a / b; }
        double da(double a, double b, double z) { return 1 / b; }
        double db(double a, double b, double z) { return -z / b; }
        <T extends Numeric<T>> T da(T a, T b, T z) { return b.reciprocal(); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return z.div(b).neg(); }
    };
    /**
     * a^b. d/da is b a^(b-1), taken as 0 where b = 0 (also at a = 0, where the formula
     * would give 0 * Inf; NaN for a NaN base). d/db is z log(a): taken as 0 at a = 0 for
     * b >= 0 (the limit for b > 0), NaN at a = 0 for b < 0, and NaN for a negative base,
     * where a real power is not differentiable in b. The double and the generic forms agree
     * at every point, so scalars, tensors and every order give the same numbers.
     */
    static final BinaryRule POW = new BinaryRule("pow") {
        double apply(double a, double b) { return Math.pow(a, b); }
        double da(double a, double b, double z) {
            if (b == 0) return Double.isNaN(a) ? Double.NaN : 0;
            return b * Math.pow(a, b - 1);
        }
        double db(double a, double b, double z) { return z * Math.log(a == 0 ? 1 : a); }
        <T extends Numeric<T>> T da(T a, T b, T z) {
            // b a^(b - m) with the constant m = 1 except where a = b = 0 (then m = 0, a^0 = 1,
            // and the product is 0 instead of 0 * Inf): exact derivatives of every order
            // everywhere else, since m carries no gradient.
            T m = a.sign().abs().plus(b.sign().abs()).sign();
            return b.times(a.pow(b.minus(m)));
        }
        <T extends Numeric<T>> T db(T a, T b, T z) {
            // log of a with its zeros replaced by the constant 1 (see the double form).
            return z.times(a.plus(a.sign().abs().neg().plus(1)).log());
        }
    };
    /** atan2(a, b): the angle of the point (b, a). */
    static final BinaryRule ATAN2 = new BinaryRule("atan2") {
        double apply(double a, double b) { return Math.atan2(a, b); }
        double da(double a, double b, double z) { return b / (a * a + b * b); }
        double db(double a, double b, double z) { return -a / (a * a + b * b); }
        <T extends Numeric<T>> T da(T a, T b, T z) { return b.div(a.square().plus(b.square())); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return a.neg().div(a.square().plus(b.square())); }
    };
    static final BinaryRule HYPOT = new BinaryRule("hypot") {
        double apply(double a, double b) { return Math.hypot(a, b); }
        double da(double a, double b, double z) { return a / z; }
        double db(double a, double b, double z) { return b / z; }
        <T extends Numeric<T>> T da(T a, T b, T z) { return a.div(z); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return b.div(z); }
    };
    /** max(a, b); at a tie the gradient goes to a; a NaN operand makes both partials NaN. */
    static final BinaryRule MAX = new BinaryRule("max") {
        double apply(double a, double b) { return a >= b || Double.isNaN(a) ? a : b; }
        double da(double a, double b, double z) { return step(a, b); }
        double db(double a, double b, double z) { return 1 - step(a, b); }
        <T extends Numeric<T>> T da(T a, T b, T z) { return a.stepGe(b); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return a.stepGe(b).neg().plus(1); }
    };
    /** min(a, b); at a tie the gradient goes to a; a NaN operand makes both partials NaN. */
    static final BinaryRule MIN = new BinaryRule("min") {
        double apply(double a, double b) { return a <= b || Double.isNaN(a) ? a : b; }
        double da(double a, double b, double z) { return step(b, a); }
        double db(double a, double b, double z) { return 1 - step(b, a); }
        <T extends Numeric<T>> T da(T a, T b, T z) { return b.stepGe(a); }
        <T extends Numeric<T>> T db(T a, T b, T z) { return b.stepGe(a).neg().plus(1); }
    };
}
