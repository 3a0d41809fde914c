package zygote4j.bench;

import static zygote4j.Zygote.pullback;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import zygote4j.Pullback;
import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.bench.adbench.LstmInput;
import zygote4j.bench.adbench.LstmScalar;

/**
 * {@code ./zygote4j bench phases}: where the gradient time of the scalar workloads (W1, W6,
 * W7) goes. For each it times, apart, recording the tape ({@code pullback}), the backward
 * pass alone (repeated {@code back} calls on one recorded tape, so no recording and no
 * garbage of it in between), the untracked primal, and the plain Java loop, and it reports
 * the bytes each phase allocates. Medians of many calls after a warm-up; no JMH.
 *
 * <pre>{@code
 * ./zygote4j bench phases W1 W6 --reps 50
 * }</pre>
 */
public final class ScalarPhases {
    static final String USAGE = String.join("\n",
            "Usage: ./zygote4j bench phases [W1] [W6] [W7] [--reps N] [--adbench DIR]",
            "Times recording, the backward pass alone, primal_lib and primal_plain of the scalar",
            "workloads apart, with the bytes each allocates (W1 takes 10x the repetitions).");

    private static volatile double sink;

    private ScalarPhases() {
    }

    /** One scalar workload: how to record its tape, and its two primals. */
    record Case(String id, Supplier<Pullback> record, Supplier<Double> lib, Supplier<Double> plain) {
    }

    /** The figures of one case: medians in seconds, bytes per call. */
    record Figures(String id, double record, double back, double lib, double plain, long recordBytes, long backBytes,
            long libBytes) {
    }

    /**
     * The command line entry point.
     *
     * <pre>{@code ScalarPhases.main(new String[] {"W6", "--reps", "20"});}</pre>
     *
     * @param args workload ids, {@code --reps N} (default 60), {@code --adbench DIR}
     */
    public static void main(String[] args) throws IOException {
        List<String> ids = new ArrayList<>();
        int reps = 60;
        String env = System.getenv("ADBENCH_DIR");
        Path adbench = Path.of(env != null && !env.isEmpty() ? env : "/work/shared/adbench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--adbench" -> adbench = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    if (!List.of("W1", "W6", "W7").contains(args[i])) {
                        System.err.println("bench phases: unknown argument '" + args[i] + "'\n" + USAGE);
                        System.exit(2);
                    }
                    ids.add(args[i]);
                }
            }
        }
        if (ids.isEmpty()) ids.addAll(List.of("W1", "W6", "W7"));
        PrintStream out = System.out;
        out.printf("bench phases: Java %s, load average %s, medians of %d calls (W1: %d)%n",
                System.getProperty("java.version"), BenchMain.loadAverage(), reps, 10 * reps);
        out.printf("%-4s %10s %10s %10s %10s %10s %10s | %9s %9s %9s%n", "", "record", "backward", "grad",
                "lib", "plain", "grad/plain", "rec MB", "back MB", "lib MB");
        for (String id : ids) {
            Case c = build(id, adbench);
            if (c == null) {
                out.println(id + ": ADBench data not found under " + adbench + " (pass --adbench DIR)");
                continue;
            }
            Figures f = measure(c, id.equals("W1") ? 10 * reps : reps);
            double grad = f.record() + f.back();
            out.printf("%-4s %10s %10s %10s %10s %10s %10.2f | %9.2f %9.2f %9.2f%n", id, Timer.format(f.record()),
                    Timer.format(f.back()), Timer.format(grad), Timer.format(f.lib()), Timer.format(f.plain()),
                    grad / f.plain(), f.recordBytes() / 1e6, f.backBytes() / 1e6, f.libBytes() / 1e6);
        }
    }

    /**
     * The case of workload {@code id} (W1, W6 or W7), or null when its data is missing.
     *
     * <pre>{@code ScalarPhases.build("W6", adbench).record().get();}</pre>
     *
     * @param id the workload
     * @param adbench the ADBench folder (for W7)
     * @return the case, or null
     * @throws IOException if W7's data cannot be read
     */
    static Case build(String id, Path adbench) throws IOException {
        switch (id) {
            case "W1": {
                double[] x = new SplitMix64().doubles(ScalarLoop.N);
                Tensor xt = Tensor.of(x);
                return new Case(id, () -> pullback(ScalarLoop::f, xt), () -> ScalarLoop.f(xt).value(),
                        () -> ScalarLoop.plain(x));
            }
            case "W6":
                return new Case(id, () -> pullback((Real x) -> PowLoop.pow(x, PowLoop.N), Real.of(PowLoop.X)),
                        () -> PowLoop.pow(Real.of(PowLoop.X), PowLoop.N).value(),
                        () -> PowLoop.plain(PowLoop.X, PowLoop.N));
            case "W7": {
                Path f = adbench.resolve("data").resolve("lstm").resolve("lstm_l2_c1024.txt");
                if (!Files.isRegularFile(f)) return null;
                LstmInput in = LstmInput.read(f);
                Tensor main = LstmScalar.main(in), extra = LstmScalar.extra(in);
                return new Case(id, () -> pullback((Tensor m, Tensor e) -> LstmScalar.objective(m, e, in), main, extra),
                        () -> LstmScalar.objective(main, extra, in).value(),
                        () -> zygote4j.bench.adbench.LstmPlain.objective(in));
            }
            default:
                throw new IllegalArgumentException("bench phases: no scalar workload '" + id + "'");
        }
    }

    /**
     * Warms every phase up, then times it {@code reps} times.
     *
     * <pre>{@code ScalarPhases.measure(ScalarPhases.build("W1", adbench), 100).back();}</pre>
     *
     * @param c the case
     * @param reps timed calls per phase
     * @return medians and allocated bytes
     */
    static Figures measure(Case c, int reps) {
        for (int i = 0; i < Math.max(3, reps / 2); i++) {
            sink += c.record().get().back(1).size() + c.lib().get() + c.plain().get();
        }
        double[] rec = new double[reps], lib = new double[reps], plain = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Pullback p = c.record().get();
            long t1 = System.nanoTime();
            sink += c.lib().get();
            long t2 = System.nanoTime();
            sink += c.plain().get();
            long t3 = System.nanoTime();
            sink += p.back(1).size();
            rec[i] = (t1 - t0) * 1e-9;
            lib[i] = (t2 - t1) * 1e-9;
            plain[i] = (t3 - t2) * 1e-9;
        }
        // The backward pass alone: one tape, walked many times.
        Pullback p = c.record().get();
        double[] back = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += p.back(1).size();
            back[i] = (System.nanoTime() - t0) * 1e-9;
        }
        long a0 = allocated();
        Pullback q = c.record().get();
        long a1 = allocated();
        sink += q.back(1).size();
        long a2 = allocated();
        sink += c.lib().get();
        long a3 = allocated();
        return new Figures(c.id(), median(rec), median(back), median(lib), median(plain), a1 - a0, a2 - a1, a3 - a2);
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Bytes this thread has allocated so far (HotSpot's counter; -1 elsewhere). */
    private static long allocated() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx) {
            return mx.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
