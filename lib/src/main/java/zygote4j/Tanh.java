package zygote4j;

/**
 * The hyperbolic tangent on doubles, within 1.5 ulps of the exact value (measured against
 * 40-digit arithmetic in TanhTest), several times as fast as {@link Math#tanh} on JDK 17,
 * whose {@code StrictMath} call measured 19 to 33 ns and up to 2.1 ulps. Neural networks call
 * it once per unit and layer, so it can cost as much as their matrix products.
 *
 * <p>Two ranges, as in Cephes' {@code tanh}: for |x| ≥ 0.625, {@code 1 - 2 / (e^{2|x|} + 1)}
 * with the sign of x, where the subtraction loses no accuracy because the result is at least
 * 0.55; below, {@code x + x·s·P(s)/Q(s)} with {@code s = x²} and Cephes' minimax
 * coefficients (P of degree 2, Q of degree 3), where the correction is less than a fifth of
 * x. The exponential is computed here too ({@link #exp}), with operations that the vector
 * form ({@code VectorTanh}) repeats lane by lane, so that a tensor's tanh, computed eight
 * elements at a time, has exactly the bits of the scalar one; nothing depends on the JDK.
 */
final class Tanh {
    private Tanh() {
    }

    static final double P0 = -9.64399179425052238628E-1;
    static final double P1 = -9.92877231001918586564E1;
    static final double P2 = -1.61468768441708447952E3;
    static final double Q0 = 1.12811678491632931402E2;
    static final double Q1 = 2.23548839060100448583E3;
    static final double Q2 = 4.84406305325125486048E3;

    /** Where the two formulas meet. */
    static final double SPLIT = 0.625;
    /** |x| is clamped to this: tanh rounds to ±1 from 19.1 on, and e^{44} stays finite. */
    static final double SATURATED = 22;

    static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts, the first with 32 significant bits so that k·LN2_HI is exact. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds to an integer, which then sits in the low bits. */
    static final double ROUNDER = 6755399441055744.0;
    static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** 1/n! for n = 2..13: Taylor's series of e^r, whose next term is below 5e-18 for |r| ≤ ln2/2. */
    static final double C2 = inverseFactorial(2), C3 = inverseFactorial(3), C4 = inverseFactorial(4);
    static final double C5 = inverseFactorial(5), C6 = inverseFactorial(6), C7 = inverseFactorial(7);
    static final double C8 = inverseFactorial(8), C9 = inverseFactorial(9), C10 = inverseFactorial(10);
    static final double C11 = inverseFactorial(11), C12 = inverseFactorial(12), C13 = inverseFactorial(13);

    /** 1/n!, with n! exact in a double (it is for n up to 18). */
    private static double inverseFactorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return 1 / f;
    }

    /**
     * tanh(x): odd, ±0 and NaN kept, ±1 at the infinities.
     *
     * <pre>{@code Tanh.of(0.5);   // 0.46211715726000974}</pre>
     */
    static double of(double x) {
        double z = Math.abs(x);
        double r;
        if (z >= SPLIT) {
            r = 1 - 2 / (exp(2 * Math.min(z, SATURATED)) + 1);
        } else {
            double s = z * z;
            double p = (P0 * s + P1) * s + P2;
            double q = ((s + Q0) * s + Q1) * s + Q2;
            r = z + z * (s * p / q);
        }
        // Computed for |x|, then given x's sign (which also keeps -0.0).
        return Math.copySign(r, x);
    }

    /**
     * e^t for t in [1.25, 44] (within 0.9 ulps there): t = k ln 2 + r with |r| ≤ ln2/2, e^r
     * by Taylor's series to degree 13 in fused multiply-adds, times 2^k built from k's bits.
     */
    static double exp(double t) {
        double y = t * LOG2E + ROUNDER;
        double k = y - ROUNDER;
        double r = Math.fma(-k, LN2_HI, t);
        r = Math.fma(-k, LN2_LO, r);
        double p = C13;
        p = Math.fma(p, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long k2 = (Double.doubleToRawLongBits(y) - ROUNDER_BITS + 1023) << 52;
        return p * Double.longBitsToDouble(k2);
    }
}
