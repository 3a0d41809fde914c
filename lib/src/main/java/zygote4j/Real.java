package zygote4j;

import static zygote4j.ScalarDispatch.binary;
import static zygote4j.ScalarDispatch.unary;

/**
 * An immutable differentiable scalar.
 *
 * <p>Outside any differentiation a {@code Real} is a plain double in a box, and its
 * operations cost what the double arithmetic costs plus one allocation. Inside
 * {@code gradient}, {@code jvp}, {@code hessian} and the like, the values that depend on
 * the arguments are tracked, and every operation on them is recorded or pushed forward.
 *
 * <pre>{@code
 * Real x = Real.of(2);
 * Real y = x.times(x).plus(x.sin());   // 4.909297426825682
 * gradient(t -> t.times(t).plus(t.sin()), 2.0);   // (3.583853163452858,)
 * }</pre>
 *
 * <p>Derivatives follow IEEE arithmetic and these conventions (docs/numerics.md has the
 * full list, each one tested): {@code abs} has derivative 0 at 0; {@code max} and
 * {@code min} send the whole gradient to the receiver at a tie, and NaN to both operands
 * when either is NaN; {@code sqrt} and {@code log} have derivative +Infinity at 0;
 * {@code pow} differentiates a zero or negative base with an integer exponent as a
 * polynomial; a NaN input gives a NaN gradient wherever the derivative depends on it.
 * {@link #equals} and {@link #hashCode} compare values only.
 *
 * <pre>{@code
 * gradient(x -> x.abs(), 0);             // (0.0,)
 * gradient(x -> x.pow(2), -3);           // (-6.0,)
 * gradient(x -> x.sqrt().times(0), 0);   // (NaN,): 0 * Infinity, never hidden
 * }</pre>
 */
public final class Real implements Numeric<Real>, Comparable<Real> {
    /** The plain constant 0. <pre>{@code Real.ZERO.plus(1);   // 1.0}</pre> */
    public static final Real ZERO = new Real(0);
    /** The plain constant 1. <pre>{@code jvp(x -> x.square(), Real.of(3), Real.ONE);   // (val = 9.0, tangent = 6.0)}</pre> */
    public static final Real ONE = new Real(1);

    /** The numeric value, with every level of tracking unwrapped. */
    final double v;
    /** The level this value is a tracer of, or null for a plain value. */
    final Level level;
    /** At a reverse level: the tape id. */
    final int id;
    /**
     * The rest of a tracer, in one field so that a {@code Real} takes 32 bytes instead of 40
     * (every operation allocates one): at a reverse level, the value one level out when that
     * is itself tracked (a {@code Real}; null when it is the plain {@link #v}); at a forward
     * level, the tangents (a {@code double[]} or a {@code Real[]}) when the value one level
     * out is plain, or a {@link TrackedPrimal} holding both when it is tracked. Read it with
     * {@link #primal()} and {@link #tangents()}.
     */
    private final Object link;

    Real(double v) {
        this(v, null, -1, null, null);
    }

    Real(double v, Level level, int id, Real primal, Object tan) {
        this.v = v;
        this.level = level;
        this.id = id;
        this.link = tan == null ? primal : primal == null ? tan : new TrackedPrimal(primal, tan);
    }

    /** A forward tracer's tracked value one level out, with its tangents. */
    private record TrackedPrimal(Real primal, Object tan) {
    }

    /** The value one level out when that is itself tracked; null when it is the plain {@link #v}. */
    Real primal() {
        Object l = link;
        if (l instanceof Real r) return r;
        return l instanceof TrackedPrimal t ? t.primal : null;
    }

    /**
     * True when the value one level out is the plain {@link #v}: for a tracer of a reverse
     * level, the same as {@code primal() == null}, with one test.
     */
    boolean reversePrimalPlain() {
        return link == null;
    }

    /** At a forward level: the tangents, a {@code double[]} or a {@code Real[]} (else null). */
    Object tangents() {
        Object l = link;
        if (l == null || l instanceof Real) return null;
        return l instanceof TrackedPrimal t ? t.tan : l;
    }

    /**
     * A plain (untracked) scalar.
     *
     * <pre>{@code Real x = Real.of(3);   // 3.0}</pre>
     *
     * @param value the number
     * @return a plain {@code Real}
     */
    public static Real of(double value) {
        return new Real(value);
    }

    /**
     * The numeric value.
     *
     * <pre>{@code Real.of(3).times(2).value();   // 6.0}</pre>
     *
     * @return the value as a double
     */
    public double value() {
        return v;
    }

    /** This value one level out (a new plain Real when that is a plain number). */
    Real primalReal() {
        Real p = primal();
        return p != null ? p : new Real(v);
    }

    /**
     * Tangent in direction {@code i} at this value's forward level (null only when this
     * value has no tangents). A zero tangent is a {@code Real} zero, not null, so that it is
     * multiplied by the partial derivative like any number (0 * Inf = NaN), exactly as the
     * plain fast path of {@link ScalarDispatch} does: nested and first-order forward mode
     * then agree.
     */
    Real tangent(int i) {
        Object tan = tangents();
        if (tan instanceof double[] d) return new Real(d[i]);
        if (tan instanceof Real[] r) return r[i] == null ? ZERO : r[i];
        return null;
    }

    /** A tracer of forward level {@code f} with primal {@code z} and the given tangents. */
    static Real forward(Real z, ForwardLevel f, Real[] tangents) {
        boolean plain = true;
        for (Real t : tangents) {
            if (t != null && t.level != null) {
                plain = false;
                break;
            }
        }
        Object tan = tangents;
        if (plain) {
            double[] d = new double[tangents.length];
            for (int i = 0; i < d.length; i++) d[i] = tangents[i] == null ? 0 : tangents[i].v;
            tan = d;
        }
        return new Real(z.v, f, -1, z.level == null ? null : z, tan);
    }

    /**
     * {@code this + other}.
     *
     * <pre>{@code Real.of(1).plus(Real.of(2));   // 3.0}</pre>
     */
    @Override
    public Real plus(Real other) {
        return binary(ScalarRules.PLUS, this, other);
    }

    /** {@code this + c}. <pre>{@code Real.of(1).plus(2);   // 3.0}</pre> */
    @Override
    public Real plus(double c) {
        return binary(ScalarRules.PLUS, this, c);
    }

    /** {@code this - other}. <pre>{@code Real.of(1).minus(Real.of(2));   // -1.0}</pre> */
    @Override
    public Real minus(Real other) {
        return binary(ScalarRules.MINUS, this, other);
    }

    /** {@code this - c}. <pre>{@code Real.of(1).minus(2);   // -1.0}</pre> */
    @Override
    public Real minus(double c) {
        return binary(ScalarRules.MINUS, this, c);
    }

    /** {@code this * other}. <pre>{@code Real.of(2).times(Real.of(3));   // 6.0}</pre> */
    @Override
    public Real times(Real other) {
        return binary(ScalarRules.TIMES, this, other);
    }

    /** {@code this * c}. <pre>{@code Real.of(2).times(3);   // 6.0}</pre> */
    @Override
    public Real times(double c) {
        return binary(ScalarRules.TIMES, this, c);
    }

    /** {@code this / other}. <pre>{@code Real.of(3).div(Real.of(2));   // 1.5}</pre> */
    @Override
    public Real div(Real other) {
        return binary(ScalarRules.DIV, this, other);
    }

    /** {@code this / c}. <pre>{@code Real.of(3).div(2);   // 1.5}</pre> */
    @Override
    public Real div(double c) {
        return binary(ScalarRules.DIV, this, c);
    }

    /** {@code -this}. <pre>{@code Real.of(3).neg();   // -3.0}</pre> */
    @Override
    public Real neg() {
        return unary(ScalarRules.NEG, this);
    }

    /**
     * {@code this^exponent}, as {@link Math#pow}. The derivative in the base is
     * {@code b this^(b-1)}, 0 where the exponent is 0; in the exponent it is
     * {@code z log(this)}, 0 at a zero base for an exponent {@code >= 0}, NaN for a
     * negative base (not differentiable in the exponent there).
     * <pre>{@code Real.of(2).pow(Real.of(3));   // 8.0}</pre>
     */
    @Override
    public Real pow(Real exponent) {
        return binary(ScalarRules.POW, this, exponent);
    }

    /** {@code this^c}. <pre>{@code Real.of(2).pow(3);   // 8.0}</pre> */
    @Override
    public Real pow(double c) {
        return binary(ScalarRules.POW, this, c);
    }

    /** e^this; overflows to Infinity (derivative Infinity, not NaN) above about 709.78. <pre>{@code Real.of(0).exp();   // 1.0}</pre> */
    @Override
    public Real exp() {
        return unary(ScalarRules.EXP, this);
    }

    /** Natural logarithm; at 0 the value is -Infinity and the derivative +Infinity. <pre>{@code Real.of(1).log();   // 0.0}</pre> */
    @Override
    public Real log() {
        return unary(ScalarRules.LOG, this);
    }

    /** Square root; its derivative at 0 is +Infinity. <pre>{@code Real.of(4).sqrt();   // 2.0}</pre> */
    @Override
    public Real sqrt() {
        return unary(ScalarRules.SQRT, this);
    }

    /** Sine. <pre>{@code Real.of(0).sin();   // 0.0}</pre> */
    @Override
    public Real sin() {
        return unary(ScalarRules.SIN, this);
    }

    /** Cosine. <pre>{@code Real.of(0).cos();   // 1.0}</pre> */
    @Override
    public Real cos() {
        return unary(ScalarRules.COS, this);
    }

    /**
     * Tangent.
     *
     * <pre>{@code Real.of(0).tan();   // 0.0}</pre>
     *
     * @return the tangent
     */
    public Real tan() {
        return unary(ScalarRules.TAN, this);
    }

    /**
     * Hyperbolic tangent.
     *
     * <pre>{@code Real.of(0).tanh();   // 0.0}</pre>
     *
     * @return the hyperbolic tangent
     */
    public Real tanh() {
        return unary(ScalarRules.TANH, this);
    }

    /** Absolute value; derivative 0 at 0. <pre>{@code Real.of(-2).abs();   // 2.0}</pre> */
    @Override
    public Real abs() {
        return unary(ScalarRules.ABS, this);
    }

    /** {@code this * this}. <pre>{@code Real.of(3).square();   // 9.0}</pre> */
    @Override
    public Real square() {
        return unary(ScalarRules.SQUARE, this);
    }

    /** {@code 1 / this}. <pre>{@code Real.of(4).reciprocal();   // 0.25}</pre> */
    @Override
    public Real reciprocal() {
        return unary(ScalarRules.RECIPROCAL, this);
    }

    /**
     * {@code log(1 + this)}, precise near 0.
     *
     * <pre>{@code Real.of(0).log1p();   // 0.0}</pre>
     *
     * @return {@code log(1 + this)}
     */
    public Real log1p() {
        return unary(ScalarRules.LOG1P, this);
    }

    /**
     * {@code exp(this) - 1}, precise near 0.
     *
     * <pre>{@code Real.of(0).expm1();   // 0.0}</pre>
     *
     * @return {@code exp(this) - 1}
     */
    public Real expm1() {
        return unary(ScalarRules.EXPM1, this);
    }

    /** Logistic sigmoid, never overflows. <pre>{@code Real.of(0).sigmoid();   // 0.5}</pre> */
    @Override
    public Real sigmoid() {
        return unary(ScalarRules.SIGMOID, this);
    }

    /**
     * {@code log(1 + exp(this))}, never overflows.
     *
     * <pre>{@code Real.of(0).softplus();   // 0.6931471805599453}</pre>
     *
     * @return {@code log(1 + exp(this))}
     */
    public Real softplus() {
        return unary(ScalarRules.SOFTPLUS, this);
    }

    /**
     * Arc sine.
     *
     * <pre>{@code Real.of(0).asin();   // 0.0}</pre>
     *
     * @return the arc sine, in [-π/2, π/2]
     */
    public Real asin() {
        return unary(ScalarRules.ASIN, this);
    }

    /**
     * Arc cosine.
     *
     * <pre>{@code Real.of(1).acos();   // 0.0}</pre>
     *
     * @return the arc cosine, in [0, π]
     */
    public Real acos() {
        return unary(ScalarRules.ACOS, this);
    }

    /**
     * Arc tangent.
     *
     * <pre>{@code Real.of(0).atan();   // 0.0}</pre>
     *
     * @return the arc tangent, in (-π/2, π/2)
     */
    public Real atan() {
        return unary(ScalarRules.ATAN, this);
    }

    /** Hyperbolic sine. <pre>{@code Real.of(0).sinh();   // 0.0}</pre> */
    @Override
    public Real sinh() {
        return unary(ScalarRules.SINH, this);
    }

    /** Hyperbolic cosine. <pre>{@code Real.of(0).cosh();   // 1.0}</pre> */
    @Override
    public Real cosh() {
        return unary(ScalarRules.COSH, this);
    }

    /**
     * atan2(this, x): the angle of the point (x, this).
     *
     * <pre>{@code Real.of(1).atan2(Real.of(1));   // 0.7853981633974483}</pre>
     *
     * @param x the x coordinate (this is the y coordinate)
     * @return the angle in (-π, π]
     */
    public Real atan2(Real x) {
        return binary(ScalarRules.ATAN2, this, x);
    }

    /**
     * atan2(this, x).
     *
     * <pre>{@code Real.of(1).atan2(1);   // 0.7853981633974483}</pre>
     *
     * @param x the x coordinate (this is the y coordinate)
     * @return the angle in (-π, π]
     */
    public Real atan2(double x) {
        return binary(ScalarRules.ATAN2, this, x);
    }

    /**
     * sqrt(this^2 + other^2) without overflow.
     *
     * <pre>{@code Real.of(3).hypot(Real.of(4));   // 5.0}</pre>
     *
     * @param other the other side
     * @return {@code sqrt(this^2 + other^2)}
     */
    public Real hypot(Real other) {
        return binary(ScalarRules.HYPOT, this, other);
    }

    /**
     * sqrt(this^2 + c^2).
     *
     * <pre>{@code Real.of(3).hypot(4);   // 5.0}</pre>
     *
     * @param c the other side
     * @return {@code sqrt(this^2 + other^2)}
     */
    public Real hypot(double c) {
        return binary(ScalarRules.HYPOT, this, c);
    }

    /**
     * The larger of the two; at a tie the gradient goes to {@code this}; a NaN operand gives NaN (and NaN partials).
     *
     * <pre>{@code Real.of(1).max(Real.of(2));   // 2.0}</pre>
     *
     * @param other the other operand
     * @return the larger value
     */
    public Real max(Real other) {
        return binary(ScalarRules.MAX, this, other);
    }

    /**
     * The larger of this and c.
     *
     * <pre>{@code Real.of(-1).max(0);   // 0.0}</pre>
     *
     * @param c the constant
     * @return the larger value
     */
    public Real max(double c) {
        return binary(ScalarRules.MAX, this, c);
    }

    /**
     * The smaller of the two; at a tie the gradient goes to {@code this}; a NaN operand gives NaN (and NaN partials).
     *
     * <pre>{@code Real.of(1).min(Real.of(2));   // 1.0}</pre>
     *
     * @param other the other operand
     * @return the smaller value
     */
    public Real min(Real other) {
        return binary(ScalarRules.MIN, this, other);
    }

    /**
     * The smaller of this and c.
     *
     * <pre>{@code Real.of(3).min(1);   // 1.0}</pre>
     *
     * @param c the constant
     * @return the smaller value
     */
    public Real min(double c) {
        return binary(ScalarRules.MIN, this, c);
    }

    /** Sign as a constant (-1, 0, 1), with no gradient. <pre>{@code Real.of(-3).sign();   // -1.0}</pre> */
    @Override
    public Real sign() {
        return new Real(Math.signum(v));
    }

    /**
     * 1 if {@code this >= other}, 0 if less, NaN if either is NaN, as a constant.
     * <pre>{@code Real.of(2).stepGe(Real.of(1));   // 1.0}</pre>
     */
    @Override
    public Real stepGe(Real other) {
        return new Real(ScalarRules.step(v, other.v));
    }

    /** The plain constant {@code c}. <pre>{@code Real.of(2).fill(5);   // 5.0}</pre> */
    @Override
    public Real fill(double c) {
        return new Real(c);
    }

    /** Compares values. <pre>{@code Real.of(1).compareTo(Real.of(2));   // -1}</pre> */
    @Override
    public int compareTo(Real o) {
        return Double.compare(v, o.v);
    }

    /**
     * Equal when the values are equal (as {@link Double#equals}), whatever the tracking.
     *
     * <pre>{@code Real.of(1).equals(Real.of(1.0));   // true}</pre>
     *
     * @param o the object to compare with
     * @return whether {@code o} is a {@code Real} of the same value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Real r && Double.compare(v, r.v) == 0;
    }

    /**
     * A hash of the value, consistent with {@link #equals}.
     *
     * <pre>{@code Real.of(2).hashCode() == Double.hashCode(2.0);   // true}</pre>
     *
     * @return the value's hash
     */
    @Override
    public int hashCode() {
        return Double.hashCode(v);
    }

    /**
     * The value as a Java double prints.
     *
     * <pre>{@code Real.of(3).toString();   // "3.0"}</pre>
     *
     * @return {@link Double#toString(double)} of the value
     */
    @Override
    public String toString() {
        return Double.toString(v);
    }
}
