package zygote4j.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * The terminal table of a run.
 *
 * <pre>{@code Table.print(rows, System.out);}</pre>
 */
public final class Table {
    private static final String FORMAT = "%-21s %7s %12s %12s %12s %10s %10s  %-8s %-8s%n";

    private Table() {
    }

    /**
     * Prints one line per row, with times, ratios and whether value and checksum match
     * the reference ({@code ok}, {@code DIFFERS}, or {@code -} when there is none).
     *
     * <pre>{@code Table.print(List.of(row), System.out);}</pre>
     *
     * @param rows the results
     * @param out where to print
     */
    public static void print(List<Row> rows, PrintStream out) {
        out.printf(FORMAT, "workload", "threads", "primal_plain", "primal_lib", "grad", "grad/plain", "grad/lib",
                "value", "checksum");
        for (Row r : rows) {
            out.printf(FORMAT, r.workload() + " " + r.name(), r.threads(), Timer.format(r.primalPlain()),
                    Timer.format(r.primalLib()), Timer.format(r.grad()), ratio(r.ratioPlain()), ratio(r.ratioLib()),
                    check(r.valueOk()), check(r.checksumOk()));
        }
    }

    static String ratio(double r) {
        if (Double.isNaN(r)) return "n/a";
        // Small ratios keep two significant digits instead of printing as 0.00.
        return r >= 0.1 || r == 0 ? String.format("%.2f", r) : String.format("%.2g", r);
    }

    static String check(Boolean ok) {
        return ok == null ? "-" : ok ? "ok" : "DIFFERS";
    }
}
