package zygote4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./zygote4j bench compare}: one table with our figures next to PyTorch's
 * (from {@code bench/pytorch/run_pytorch.py}) and the ratio ours / PyTorch, matched by
 * workload and thread setting.
 *
 * <pre>{@code ./zygote4j bench compare bench/results/latest.jsonl bench/results/pytorch.jsonl}</pre>
 */
public final class Compare {
    private static final String FORMAT = "%-16s %7s | %11s %11s %9s | %11s %11s %9s | %10s %10s | %-9s%n";

    private Compare() {
    }

    /**
     * Prints the side-by-side table.
     *
     * <pre>{@code Compare.main(new String[] {"bench/results/latest.jsonl", "bench/results/pytorch.jsonl"});}</pre>
     *
     * @param args optional paths: ours (default bench/results/latest.jsonl), then PyTorch's
     *     (default bench/results/pytorch.jsonl)
     */
    public static void main(String[] args) throws IOException {
        Path ours = Path.of(args.length > 0 ? args[0] : "bench/results/latest.jsonl");
        Path torch = Path.of(args.length > 1 ? args[1] : "bench/results/pytorch.jsonl");
        for (Path p : List.of(ours, torch)) {
            if (!Files.exists(p)) {
                System.err.println("bench compare: " + p + " does not exist; run ./zygote4j bench (ours) and "
                        + "bench/pytorch/run_pytorch.py (PyTorch) first");
                System.exit(2);
            }
        }
        print(read(ours), read(torch), System.out);
    }

    /**
     * Reads JSON lines into maps keyed by {@code workload@threads}.
     *
     * <pre>{@code Compare.read(Path.of("bench/results/latest.jsonl")).get("W1@1");}</pre>
     *
     * @param file the JSON lines
     * @return the rows by key, in file order
     */
    public static Map<String, Map<String, Object>> read(Path file) throws IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            Map<String, Object> m = Json.parseFlat(line);
            out.put(m.get("workload") + "@" + num(m.get("threads")).intValue(), m);
        }
        return out;
    }

    /**
     * Prints rows present in either file; {@code n/a} where one side has no figure.
     *
     * <pre>{@code Compare.print(ours, torch, System.out);}</pre>
     *
     * @param ours our rows
     * @param torch PyTorch's rows
     * @param out where to print
     */
    public static void print(Map<String, Map<String, Object>> ours, Map<String, Map<String, Object>> torch,
            PrintStream out) {
        out.printf(FORMAT, "workload", "threads", "grad ours", "grad torch", "ours/torch", "primal ours",
                "primal torch", "ours/torch", "ratio ours", "ratio torch", "same f?");
        List<String> keys = new ArrayList<>(ours.keySet());
        for (String k : torch.keySet()) if (!keys.contains(k)) keys.add(k);
        for (String k : keys) {
            Map<String, Object> a = ours.getOrDefault(k, Map.of()), b = torch.getOrDefault(k, Map.of());
            String[] wt = k.split("@");
            double ga = d(a.get("grad_s")), gb = d(b.get("grad_s"));
            double pa = d(a.get("primal_lib_s")), pb = d(b.get("primal_lib_s"));
            double va = d(a.get("value")), vb = d(b.get("value"));
            double ca = d(a.get("checksum")), cb = d(b.get("checksum"));
            String same = Double.isNaN(va) || Double.isNaN(vb) ? "-"
                    : Reference.close(va, vb, 1e-9) && (Double.isNaN(ca) || Double.isNaN(cb) || Reference.close(ca, cb, 1e-9))
                            ? "yes" : "NO";
            out.printf(FORMAT, wt[0], wt[1], Timer.format(ga), Timer.format(gb), Table.ratio(ga / gb),
                    Timer.format(pa), Timer.format(pb), Table.ratio(pa / pb), Table.ratio(d(a.get("ratio_lib"))),
                    Table.ratio(d(b.get("ratio_lib"))), same);
        }
        out.println();
        out.println("grad and primal: median seconds; ours/torch < 1 means Zygote4j is faster. ratio = grad / primal "
                + "of the same library (primal_lib for ours, torch.no_grad() for PyTorch).");
    }

    private static Double num(Object o) {
        return o instanceof Double x ? x : Double.NaN;
    }

    private static double d(Object o) {
        return num(o);
    }
}
