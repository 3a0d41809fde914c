package zygote4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workloads of WORKLOADS.md, in order, and lookup by id or name.
 *
 * <pre>{@code Workloads.all(Path.of("/work/shared/adbench")).get(0).id();   // "W1"}</pre>
 */
public final class Workloads {
    private Workloads() {
    }

    /**
     * A fresh instance of every workload, in WORKLOADS.md's order.
     *
     * <pre>{@code Workloads.all(adbenchDir).size();}</pre>
     *
     * @param adbench the ADBench folder (with {@code data/} and {@code expected/})
     * @return the workloads
     */
    public static List<Workload> all(Path adbench) {
        List<Workload> w = new ArrayList<>();
        w.add(new ScalarLoop());
        w.add(new Rosenbrock());
        w.add(new Mlp());
        w.add(new Gmm(adbench, "W4", "1k/gmm_d10_K25.txt", Reference.of(-25649.6526211973, -17695.995235195696)));
        w.add(new Gmm(adbench, "W4-d64K50", "1k/gmm_d64_K50.txt", null));
        w.add(new HessianLoop());
        w.add(new PowLoop());
        w.add(new Lstm(adbench));
        w.add(new Ba(adbench));
        w.add(new Hand(adbench, "hand-simple", "hand/simple_small/hand1_t26_c100.txt", "hand/simple_small/model", false));
        w.add(new Hand(adbench, "hand-complicated", "hand/complicated_small/hand1_t26_c100.txt", "hand/complicated_small/model",
                true));
        return w;
    }

    /**
     * The workloads named by {@code ids} (ids like {@code W1} or names like
     * {@code scalar-loop}, any case), all of them when {@code ids} is empty.
     *
     * <pre>{@code Workloads.select(List.of("w1", "pow-loop"), dir);}</pre>
     *
     * @param ids the selection
     * @param adbench the ADBench folder
     * @return the workloads, in WORKLOADS.md's order
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static List<Workload> select(List<String> ids, Path adbench) {
        List<Workload> all = all(adbench);
        if (ids.isEmpty()) return all;
        List<Workload> out = new ArrayList<>();
        for (String id : ids) {
            String k = id.toLowerCase(Locale.ROOT);
            boolean found = false;
            for (Workload w : all) {
                if (w.id().toLowerCase(Locale.ROOT).equals(k) || w.name().equals(k)) {
                    if (!out.contains(w)) out.add(w);
                    found = true;
                }
            }
            if (!found) {
                StringBuilder known = new StringBuilder();
                for (Workload w : all) known.append(' ').append(w.id()).append(" (").append(w.name()).append(')');
                throw new IllegalArgumentException("bench: unknown workload '" + id + "'; known:" + known);
            }
        }
        out.sort((a, b) -> all.indexOf(a) - all.indexOf(b));
        return out;
    }
}
