package zygote4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./zygote4j bench}: runs the workloads of WORKLOADS.md, prints a progress line
 * per workload and a table at the end, and writes JSON lines. A benchmark reports; it
 * never fails: a value that differs from the reference is printed as {@code DIFFERS}.
 *
 * <pre>{@code
 * ./zygote4j bench W1 W6 --threads 1
 * ./zygote4j bench compare bench/results/latest.jsonl bench/results/pytorch.jsonl
 * ./zygote4j bench phases W1 W6 W7
 * ./zygote4j bench matmul 256x784x256 --threads 1,2
 * }</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * The command line entry point.
     *
     * <pre>{@code BenchMain.main(new String[] {"W1", "--threads", "1"});}</pre>
     *
     * @param args see {@link Options#USAGE}
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("compare")) {
            Compare.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("phases")) {
            ScalarPhases.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("jmh")) {
            // JMH's own command line, limited to this module's benchmarks unless told otherwise.
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            org.openjdk.jmh.Main.main(rest.length == 0 ? new String[] {"GradientBenchmarks"} : rest);
            return;
        }
        if (args.length > 0 && args[0].equals("matmul")) {
            MatmulBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Options o;
        List<Workload> selected;
        try {
            o = Options.parse(args);
            selected = Workloads.select(o.workloads, o.adbench);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (o.help) {
            System.out.println(Options.USAGE);
            return;
        }
        if (o.list) {
            for (Workload w : selected) {
                System.out.printf("%-16s %-14s %-40s %s%n", w.id(), w.name(), w.size(), w.libStyle());
            }
            return;
        }
        if (o.index != null && !o.fork && selected.size() == 1) {
            // A forked child: one workload, numbered as in the parent's run.
            String[] in = o.index.split("/");
            List<Row> rows = runHere(o, selected.get(0), Integer.parseInt(in[0]), Integer.parseInt(in[1]), System.err);
            List<String> lines = new ArrayList<>();
            String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
            for (Row r : rows) lines.add(r.toJson(date));
            Files.write(o.out, lines);
            return;
        }
        run(o, selected, System.err, System.out);
    }

    /** Which matrix product kernel the library will take: the setting, and whether the vector module is loaded. */
    static String kernelSetting() {
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return "-Dzygote4j.kernels=" + System.getProperty("zygote4j.kernels", "auto")
                + (vector ? " (vector module loaded)" : " (no vector module: the pure-Java kernel)");
    }

    /** The 1-minute load average (from /proc/loadavg on Linux), or "n/a". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "n/a" : String.format("%.2f", l);
        }
    }

    static void run(Options o, List<Workload> selected, PrintStream progress, PrintStream out)
            throws IOException, InterruptedException {
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        progress.println("zygote4j bench: " + selected.size() + " workload(s), threads " + o.threads + ", budget "
                + o.budget + " s each, Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage()
                + (o.fork ? ", one JVM per workload and thread setting" : ", one JVM") + ", " + kernelSetting()
                + " (other processes share the cores: compare figures taken at a similar load)");
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Workload w : selected) {
            i++;
            if (o.fork) rows.addAll(runForked(o, w, i, selected.size(), progress));
            else rows.addAll(runHere(o, w, i, selected.size(), progress));
        }
        out.println();
        Table.print(rows, out);
        Path file = o.out;
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (Row r : rows) lines.add(r.toJson(date));
        Files.write(file, lines);
        out.println();
        out.println("JSON lines written to " + file);
    }

    /** Measures one workload in this JVM, at every thread setting. */
    static List<Row> runHere(Options o, Workload w, int i, int n, PrintStream progress) {
        List<Row> rows = new ArrayList<>();
        try {
            w.setUp();
        } catch (Workload.Unavailable e) {
            progress.printf("[%d/%d] %s %s: skipped: %s%n", i, n, w.id(), w.name(), e.getMessage());
            return rows;
        }
        for (int t : o.threads) {
            // The library reads the setting at each large matrix product, so one JVM can run
            // both settings (--no-fork); a forked JVM was started with it already.
            System.setProperty(THREADS_PROPERTY, Integer.toString(t));
            Row r = Runner.run(w, t, o.budget, progress);
            rows.add(r);
            progress.printf("[%d/%d] %s %s (%s) threads=%d: plain %s, lib %s, grad %s, grad/plain %s, value %s, checksum %s%n",
                    i, n, w.id(), w.name(), w.size(), t, Timer.format(r.primalPlain()), Timer.format(r.primalLib()),
                    Timer.format(r.grad()), Table.ratio(r.ratioPlain()), Table.check(r.valueOk()),
                    Table.check(r.checksumOk()));
        }
        w.tearDown();
        return rows;
    }

    /**
     * Measures one workload in fresh JVMs with this JVM's flags and class path (like JMH's
     * forks), one per thread setting, and reads their rows back.
     */
    static List<Row> runForked(Options o, Workload w, int i, int n, PrintStream progress)
            throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < o.threads.size(); s++) {
            rows.addAll(runForked(o, w, i, n, o.threads.get(s), o.threadSpecs.get(s), progress));
        }
        return rows;
    }

    /** The library's setting of threads per matrix product, which each forked JVM gets as -D. */
    static final String THREADS_PROPERTY = "zygote4j.threads";

    /** The JVM flags of a child that runs with {@code threads}: this JVM's, with the vector module and the setting. */
    static List<String> childJvmFlags(List<String> mine, int threads) {
        List<String> flags = new ArrayList<>();
        for (String f : mine) if (!f.startsWith("-D" + THREADS_PROPERTY + "=")) flags.add(f);
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && flags.stream().noneMatch(f -> f.contains("jdk.incubator.vector"))) {
            flags.add("--add-modules=jdk.incubator.vector");
        }
        flags.add("-D" + THREADS_PROPERTY + "=" + threads);
        return flags;
    }

    private static List<Row> runForked(Options o, Workload w, int i, int n, int threads, String spec,
            PrintStream progress) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("zygote4j-bench-" + w.id() + "-", ".jsonl");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(childJvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments(), threads));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(BenchMain.class.getName());
            cmd.addAll(List.of("--no-fork", "--index", i + "/" + n, "--budget", Double.toString(o.budget),
                    "--adbench", o.adbench.toString(), "--out", tmp.toString(), "--threads", spec, w.id()));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            List<Row> rows = new ArrayList<>();
            if (code != 0) {
                progress.printf("[%d/%d] %s %s: its JVM exited with code %d (see above); no figures%n", i, n, w.id(),
                        w.name(), code);
                return rows;
            }
            for (String line : Files.readAllLines(tmp)) if (!line.isBlank()) rows.add(Row.fromJson(Json.parseFlat(line)));
            return rows;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
