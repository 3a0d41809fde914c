package zygote4j.bench.adbench;

/**
 * The special function ADBench's objectives need and Java lacks.
 *
 * <pre>{@code SpecialFunctions.lgamma(5);   // log(24) = 3.1780538303479458}</pre>
 */
public final class SpecialFunctions {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /**
     * log Gamma(x) for x > 0, to about 1e-15 relative: the argument is shifted up to at
     * least 15 with Gamma(x+1) = x Gamma(x), then Stirling's series is summed to the x^-11
     * term (the first omitted term is below 1e-17 there).
     *
     * <pre>{@code SpecialFunctions.lgamma(0.5);   // log(sqrt(pi)) = 0.5723649429247001}</pre>
     *
     * @param x a positive number
     * @return log Gamma(x)
     * @throws IllegalArgumentException for x <= 0 or NaN
     */
    public static double lgamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("lgamma: x must be positive, got " + x);
        double shift = 0;
        while (x < 15) {
            shift += Math.log(x);
            x += 1;
        }
        double r = 1 / x, r2 = r * r;
        double series = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
                + r2 * (1.0 / 1188 + r2 * (-691.0 / 360360))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
    }
}
