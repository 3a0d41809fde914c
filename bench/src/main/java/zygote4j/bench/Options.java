package zygote4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./zygote4j bench}.
 *
 * <pre>{@code Options.parse("--threads", "1", "W1", "W6");}</pre>
 */
public final class Options {
    static final String USAGE = String.join("\n",
            "Usage: ./zygote4j bench [options] [workload...]",
            "       ./zygote4j bench compare [OURS.jsonl] [PYTORCH.jsonl]",
            "       ./zygote4j bench phases [W1] [W6] [W7] [--reps N]   (recording, backward pass, primals apart)",
            "       ./zygote4j bench matmul [MxKxN ...] [--threads 1,2]  (the matrix product alone, GFLOP/s)",
            "       ./zygote4j bench jmh [JMH options]   (the workloads under JMH, e.g. -p workload=W1,W6 -f 1)",
            "",
            "Workloads (WORKLOADS.md): W1 W2 W3 W4 W4-d64K50 W5 W6 W7 W8, and ADBench's hand-simple hand-complicated",
            "(both: hand) (default: all).",
            "Options:",
            "  --threads LIST   1, all, or 1,all (default): the library limited to one thread, then allowed",
            "                   all cores: each setting runs with -Dzygote4j.threads=N, the threads one large",
            "                   matrix product may use (the rest of Zygote4j runs on the calling thread).",
            "  --budget SEC     time budget per workload and thread setting (default 3); at least",
            "                   " + Timer.MIN_REPS + " timed repetitions are always taken",
            "  --out FILE       JSON lines output (default bench/results/latest.jsonl)",
            "  --adbench DIR    the ADBench folder with data/ and expected/ (default $ADBENCH_DIR,",
            "                   else /work/shared/adbench)",
            "  --no-fork        run every workload in this JVM (default: each in a fresh JVM, so that one",
            "                   workload's heap and JIT state do not change the next one's figures)",
            "  --list           list the workloads and exit",
            "  --help           this message");

    final List<String> workloads = new ArrayList<>();
    final List<Integer> threads = new ArrayList<>();
    /** The --threads entries as written ("1" or "all"), one per entry of {@link #threads}. */
    final List<String> threadSpecs = new ArrayList<>();
    double budget = 3;
    Path out = Path.of("bench", "results", "latest.jsonl");
    Path adbench;
    boolean list;
    boolean fork = true;
    /** Set in a forked child: its workload's position in the parent's run, "i/n". */
    String index;
    boolean help;

    private Options() {
    }

    /**
     * Parses the arguments.
     *
     * <pre>{@code Options.parse("--budget", "1", "W1");}</pre>
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException for an unknown option or a bad value, with the usage
     */
    public static Options parse(String... args) {
        Options o = new Options();
        String env = System.getenv("ADBENCH_DIR");
        o.adbench = Path.of(env != null && !env.isEmpty() ? env : "/work/shared/adbench");
        int cores = Runtime.getRuntime().availableProcessors();
        String threads = "1,all";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--threads": threads = value(args, ++i, a); break;
                case "--budget": o.budget = number(value(args, ++i, a), a); break;
                case "--out": o.out = Path.of(value(args, ++i, a)); break;
                case "--adbench": o.adbench = Path.of(value(args, ++i, a)); break;
                case "--list": o.list = true; break;
                case "--no-fork": o.fork = false; break;
                case "--index": o.index = value(args, ++i, a); break;
                case "--help": case "-h": o.help = true; break;
                default:
                    if (a.startsWith("-")) throw new IllegalArgumentException("bench: unknown option '" + a + "'\n" + USAGE);
                    o.workloads.add(a);
            }
        }
        for (String t : threads.split(",")) {
            t = t.trim();
            if (t.equals("all")) o.threads.add(cores);
            else if (t.equals("1")) o.threads.add(1);
            else throw new IllegalArgumentException("bench: --threads takes 1, all or 1,all, not '" + threads + "'");
            o.threadSpecs.add(t);
        }
        if (!(o.budget > 0)) throw new IllegalArgumentException("bench: --budget must be a positive number of seconds");
        return o;
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) throw new IllegalArgumentException("bench: " + opt + " needs a value\n" + USAGE);
        return args[i];
    }

    private static double number(String s, String opt) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench: " + opt + " takes a number of seconds, not '" + s + "'");
        }
    }
}
