package zygote4j.bench;

/**
 * Reference figures for a workload, from an independent implementation, and the
 * relative tolerance they are compared with.
 *
 * <pre>{@code
 * Reference r = new Reference(2630.8121741291843, 7149.541058265523, 1e-9, "WORKLOADS.md");
 * r.valueMatches(2630.812174129185);   // true
 * }</pre>
 *
 * @param value the function's value (NaN when unknown)
 * @param checksum the sum of all derivative entries (NaN when unknown)
 * @param valueTolerance relative tolerance for the value
 * @param checksumTolerance relative tolerance for the checksum
 * @param source where the figures come from
 */
public record Reference(double value, double checksum, double valueTolerance, double checksumTolerance,
        String source) {
    /** WORKLOADS.md's tolerance: the figures agree to about 1e-9 relative. */
    public static final double RELATIVE = 1e-9;

    /**
     * Reference figures compared at {@link #RELATIVE}.
     *
     * <pre>{@code Reference.of(2630.8121741291843, 7149.541058265523);}</pre>
     *
     * @param value the value
     * @param checksum the checksum
     * @return the reference
     */
    public static Reference of(double value, double checksum) {
        return new Reference(value, checksum, RELATIVE, RELATIVE, "WORKLOADS.md");
    }

    /**
     * Whether {@code x} is within the value tolerance (false when there is no reference).
     *
     * <pre>{@code Reference.of(1, 2).valueMatches(1 + 1e-12);   // true}</pre>
     *
     * @param x the measured value
     * @return true when it matches
     */
    public boolean valueMatches(double x) {
        return close(x, value, valueTolerance);
    }

    /**
     * Whether {@code x} is within the checksum tolerance (false when there is no reference).
     *
     * <pre>{@code Reference.of(1, 2).checksumMatches(2);   // true}</pre>
     *
     * @param x the measured checksum
     * @return true when it matches
     */
    public boolean checksumMatches(double x) {
        return close(x, checksum, checksumTolerance);
    }

    /**
     * Relative closeness {@code |x - ref| <= tol * |ref|} (absolute {@code tol} when
     * {@code ref} is 0); false when {@code ref} is NaN.
     *
     * <pre>{@code Reference.close(1.0000000001, 1, 1e-9);   // true}</pre>
     *
     * @param x the measured number
     * @param ref the reference
     * @param tol the relative tolerance
     * @return true when close
     */
    public static boolean close(double x, double ref, double tol) {
        if (Double.isNaN(ref) || Double.isNaN(x)) return false;
        return Math.abs(x - ref) <= tol * Math.max(Math.abs(ref), Double.MIN_NORMAL);
    }
}
