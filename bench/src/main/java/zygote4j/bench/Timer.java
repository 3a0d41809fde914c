package zygote4j.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Times one piece of work: warm-up (so the JIT has compiled it), then at least
 * {@link #MIN_REPS} timed repetitions, as many more as the time budget allows, and
 * reports their median.
 *
 * <pre>{@code
 * Timer.Stats s = Timer.measure(() -> Math.sin(1), 0.5);
 * s.median();   // seconds per call
 * }</pre>
 */
public final class Timer {
    /** WORKLOADS.md asks for the median of at least 10 timed repetitions. */
    public static final int MIN_REPS = 10;
    /** Enough repetitions for a stable median; more would only lengthen the run. */
    public static final int MAX_REPS = 200;
    /** Warm-up calls at the least, whatever the budget. */
    public static final int MIN_WARMUP = 3;
    /**
     * The warm-up lasts at least this long, whatever the budget: W7's gradient needs about
     * 60 calls (0.6 to 1 s) before the JIT has compiled it, and with the 0.67 s of warm-up
     * that a budget of 6 s gave, its median came out at 7.6 ms in some JVMs and 13 to 17 ms
     * in others.
     */
    public static final double MIN_WARMUP_SECONDS = 1.5;

    /** Results feed this field so that the JIT cannot drop the work as dead code. */
    private static volatile double sink;

    private Timer() {
    }

    /**
     * The timing of one piece of work.
     *
     * <pre>{@code Timer.measure(() -> 1.0, 0.1).reps();   // at least 10}</pre>
     *
     * @param median the median seconds per call
     * @param min the fastest call, in seconds
     * @param reps how many timed calls
     * @param warmup how many untimed calls came first
     */
    public record Stats(double median, double min, int reps, int warmup) {
    }

    /**
     * Warms {@code work} up for a third of {@code budgetSeconds} and at least
     * {@link #MIN_WARMUP_SECONDS}, then times it for the other two thirds, with at least
     * {@link #MIN_REPS} timed calls whatever the budget.
     *
     * <pre>{@code Timer.measure(() -> w.primalPlain(), 1.0).median();}</pre>
     *
     * @param work the code to time; its result is consumed so it cannot be optimised away
     * @param budgetSeconds the wall time to aim at (exceeded only for the minimum counts)
     * @return the statistics
     */
    public static Stats measure(DoubleSupplier work, double budgetSeconds) {
        long budget = (long) (budgetSeconds * 1e9);
        long start = System.nanoTime();
        int warm = 0;
        double acc = 0;
        long warmup = Math.max(budget / 3, (long) (MIN_WARMUP_SECONDS * 1e9));
        while (warm < MIN_WARMUP || System.nanoTime() - start < warmup) {
            acc += work.getAsDouble();
            warm++;
        }
        // No System.gc() here: a full collection shrinks G1's heap, and the timed calls of
        // a large-array workload (W2: 8 MB arrays) then run in memory not yet faulted in,
        // several times slower. The warm-up has brought the heap to its steady size.
        long timedStart = System.nanoTime();
        double[] t = new double[MAX_REPS];
        int reps = 0;
        while (reps < MAX_REPS && (reps < MIN_REPS || System.nanoTime() - timedStart < budget - budget / 3)) {
            long t0 = System.nanoTime();
            acc += work.getAsDouble();
            t[reps++] = (System.nanoTime() - t0) * 1e-9;
        }
        sink = acc;
        double[] d = Arrays.copyOf(t, reps);
        Arrays.sort(d);
        double median = reps % 2 == 1 ? d[reps / 2] : 0.5 * (d[reps / 2 - 1] + d[reps / 2]);
        return new Stats(median, d[0], reps, warm);
    }

    /**
     * Formats seconds with a unit a person reads at a glance: {@code 12.3 us},
     * {@code 4.56 ms}, {@code 1.23 s}.
     *
     * <pre>{@code Timer.format(0.00123);   // "1.23 ms"}</pre>
     *
     * @param seconds the duration (NaN prints as {@code n/a})
     * @return the text
     */
    public static String format(double seconds) {
        if (Double.isNaN(seconds)) return "n/a";
        if (seconds < 1e-3) return String.format("%.3g us", seconds * 1e6);
        if (seconds < 1) return String.format("%.3g ms", seconds * 1e3);
        return String.format("%.3g s", seconds);
    }
}
