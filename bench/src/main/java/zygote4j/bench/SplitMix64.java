package zygote4j.bench;

/**
 * The benchmark data generator of WORKLOADS.md: splitmix64 seeded with 42, each double
 * uniform in [-1, 1). Every workload starts a fresh generator, so every implementation
 * (ours, plain Java, PyTorch) draws exactly the same numbers.
 *
 * <pre>{@code
 * SplitMix64 g = new SplitMix64();
 * g.nextDouble();   // 0.4831297575436466
 * g.nextDouble();   // -0.6801792142461598
 * }</pre>
 */
public final class SplitMix64 {
    /** The seed every workload starts from. */
    public static final long SEED = 42;

    private long state;

    /** A generator seeded with {@link #SEED}. <pre>{@code new SplitMix64().nextLong();}</pre> */
    public SplitMix64() {
        this(SEED);
    }

    /**
     * A generator with the given seed.
     *
     * <pre>{@code new SplitMix64(7).nextDouble();}</pre>
     *
     * @param seed the initial state
     */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * The next 64 random bits.
     *
     * <pre>{@code long bits = new SplitMix64().nextLong();}</pre>
     *
     * @return the raw output
     */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The next double, uniform in [-1, 1): {@code ((next() >>> 11) * 2^-53) * 2 - 1}.
     *
     * <pre>{@code new SplitMix64().nextDouble();   // 0.4831297575436466}</pre>
     *
     * @return a double in [-1, 1)
     */
    public double nextDouble() {
        return ((nextLong() >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    /**
     * The next {@code n} doubles, in order.
     *
     * <pre>{@code double[] x = new SplitMix64().doubles(3);}</pre>
     *
     * @param n how many
     * @return a new array
     */
    public double[] doubles(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = nextDouble();
        return out;
    }

    /**
     * The next {@code n} doubles, each multiplied by {@code scale} (as WORKLOADS.md's
     * "scaled by 0.1").
     *
     * <pre>{@code double[] w = new SplitMix64().doubles(10, 0.1);}</pre>
     *
     * @param n how many
     * @param scale the factor
     * @return a new array
     */
    public double[] doubles(int n, double scale) {
        double[] out = doubles(n);
        for (int i = 0; i < n; i++) out[i] *= scale;
        return out;
    }
}
