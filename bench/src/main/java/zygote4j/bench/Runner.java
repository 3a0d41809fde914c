package zygote4j.bench;

import java.io.PrintStream;
import java.util.function.DoubleSupplier;

/**
 * Measures one workload at one thread setting: primal_plain, primal_lib and grad, each
 * warmed up then timed, and checks the value and checksum against the reference.
 *
 * <pre>{@code Row r = Runner.run(new ScalarLoop(), 1, 3.0, System.err);}</pre>
 */
public final class Runner {
    private Runner() {
    }

    /**
     * Runs a workload whose {@link Workload#setUp()} has been called.
     *
     * <pre>{@code Runner.run(w, 1, 3.0, System.err);}</pre>
     *
     * @param w the workload, set up
     * @param threads the thread setting to record
     * @param budget seconds for the whole workload (split over its three measurements)
     * @param progress where to print what is happening
     * @return the results
     */
    public static Row run(Workload w, int threads, double budget, PrintStream progress) {
        double share = budget / 3;
        Timer.Stats plain = Timer.measure(w::primalPlain, share);
        double plainValue = w.primalPlain();
        Timer.Stats lib = tryMeasure(w::primalLib, share);
        double libValue = lib == null ? Double.NaN : w.primalLib();
        GradResult g = null;
        Timer.Stats grad = null;
        try {
            g = w.grad();
            GradResult[] last = {g};
            grad = Timer.measure(() -> {
                last[0] = w.grad();
                return last[0].value();
            }, share);
            g = last[0];
        } catch (UnsupportedOperationException e) {
            progress.println("  " + w.id() + ": no Zygote4j gradient yet: " + e.getMessage());
        }
        double value = g != null ? g.value() : lib != null ? libValue : plainValue;
        double checksum = g != null ? g.checksum() : Double.NaN;
        Reference ref = w.reference();
        Boolean valueOk = ref == null || Double.isNaN(ref.value()) ? null : ref.valueMatches(value);
        Boolean checksumOk = ref == null || Double.isNaN(ref.checksum()) || g == null ? null : ref.checksumMatches(checksum);
        warnIfDiffers(progress, w.id(), "primal_plain", plainValue, value);
        if (lib != null) warnIfDiffers(progress, w.id(), "primal_lib", libValue, value);
        return new Row(w.id(), w.name(), threads, plain.median(), lib == null ? Double.NaN : lib.median(),
                grad == null ? Double.NaN : grad.median(), value, checksum, valueOk, checksumOk,
                grad == null ? plain.reps() : grad.reps(), w.libStyle(), BenchMain.loadAverage());
    }

    private static Timer.Stats tryMeasure(DoubleSupplier f, double budget) {
        try {
            f.getAsDouble();
        } catch (UnsupportedOperationException e) {
            return null;
        }
        return Timer.measure(f, budget);
    }

    /** The three ways of computing the value must agree; say so when they do not. */
    private static void warnIfDiffers(PrintStream out, String id, String what, double v, double ref) {
        if (!Reference.close(v, ref, 1e-9)) {
            out.println("  " + id + ": WARNING " + what + " value " + v + " differs from the gradient run's " + ref);
        }
    }
}
