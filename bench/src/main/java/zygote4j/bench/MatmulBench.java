package zygote4j.bench;

import java.util.ArrayList;
import java.util.List;
import zygote4j.Tensor;

/**
 * {@code ./zygote4j bench matmul}: the matrix product alone, {@code a.matmul(b)} on plain
 * tensors, in GFLOP/s (2·m·k·n floating-point operations per product) at each size and
 * thread count. The kernel is this JVM's choice: pass {@code -Dzygote4j.kernels=java} or
 * {@code vector} through {@code $BENCH_JAVA_OPTS} to compare the two.
 *
 * <pre>{@code
 * ./zygote4j bench matmul 256x784x256 --threads 1,2
 * BENCH_JAVA_OPTS=-Dzygote4j.kernels=java ./zygote4j bench matmul
 * }</pre>
 */
public final class MatmulBench {
    static final String USAGE = String.join("\n",
            "Usage: ./zygote4j bench matmul [MxKxN ...] [--threads LIST] [--budget SEC]",
            "Times a.matmul(b) on plain tensors, a m x k and b k x n: median time and GFLOP/s.",
            "  MxKxN            sizes (default: 256x784x256, W3's first layer; 256x256x256;",
            "                   1000x64x64, one matrix of W4-d64K50's batched product; 1024x1024x1024)",
            "  --threads LIST   values of -Dzygote4j.threads to time, e.g. 1,2 (default 1)",
            "  --budget SEC     time per size and thread count (default 2)");

    private MatmulBench() {
    }

    /**
     * The command line entry point.
     *
     * <pre>{@code MatmulBench.main(new String[] {"64x64x64", "--budget", "0.2"});}</pre>
     *
     * @param args sizes and options, see {@link #USAGE}
     */
    public static void main(String[] args) {
        List<int[]> sizes = new ArrayList<>();
        List<Integer> threads = new ArrayList<>();
        double budget = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threads":
                        for (String t : value(args, ++i).split(",")) threads.add(positive(t.trim(), "--threads"));
                        break;
                    case "--budget":
                        budget = Double.parseDouble(value(args, ++i));
                        break;
                    case "--help":
                        System.out.println(USAGE);
                        return;
                    default:
                        String[] p = args[i].split("x");
                        if (p.length != 3) {
                            throw new IllegalArgumentException("bench matmul: '" + args[i] + "' is not MxKxN");
                        }
                        sizes.add(new int[] {positive(p[0], "m"), positive(p[1], "k"), positive(p[2], "n")});
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(new int[] {256, 784, 256}, new int[] {256, 256, 256}, new int[] {1000, 64, 64},
                    new int[] {1024, 1024, 1024}));
        }
        if (threads.isEmpty()) threads.add(1);
        System.out.println("bench matmul: " + BenchMain.kernelSetting() + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + BenchMain.loadAverage());
        SplitMix64 g = new SplitMix64();
        for (int[] s : sizes) {
            int m = s[0], k = s[1], n = s[2];
            Tensor a = Tensor.of(g.doubles(m * k)).reshape(m, k), b = Tensor.of(g.doubles(k * n)).reshape(k, n);
            for (int t : threads) {
                System.setProperty("zygote4j.threads", Integer.toString(t));
                Timer.Stats st = Timer.measure(() -> a.matmul(b).get(0, 0).value(), budget);
                double flops = 2.0 * m * k * n;
                System.out.printf("%5dx%dx%-5d threads %d: median %s, %.1f GFLOP/s (best %.1f), %d reps%n", m, k, n, t,
                        Timer.format(st.median()), flops / st.median() * 1e-9, flops / st.min() * 1e-9, st.reps());
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException("bench matmul: " + args[i - 1] + " needs a value");
        return args[i];
    }

    private static int positive(String s, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bench matmul: " + what + " must be a positive whole number, not '" + s
                + "'");
    }
}
