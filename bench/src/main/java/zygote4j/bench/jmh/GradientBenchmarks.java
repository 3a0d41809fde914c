package zygote4j.bench.jmh;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import zygote4j.bench.Workload;
import zygote4j.bench.Workloads;

/**
 * The workloads of WORKLOADS.md under JMH: the same three measurements as
 * {@code ./zygote4j bench} ({@code primal_plain}, {@code primal_lib}, {@code grad}), timed
 * by JMH's own harness, as a cross-check of the table's medians. JMH forks a fresh JVM per
 * workload with the flags of the JVM that starts it (so {@code --add-modules
 * jdk.incubator.vector} carries over). Run with {@code ./zygote4j bench jmh}, which takes
 * JMH's own options:
 *
 * <pre>{@code
 * ./zygote4j bench jmh -p workload=W1,W6 -f 1 -wi 3 -i 5    // two workloads, short
 * ./zygote4j bench jmh GradientBenchmarks.grad             // only the gradients
 * }</pre>
 *
 * The ADBench workloads read their data from {@code $ADBENCH_DIR} (else
 * {@code /work/shared/adbench}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class GradientBenchmarks {
    /** The workload, by its WORKLOADS.md id. */
    @Param({"W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"})
    public String workload;

    private Workload w;

    /** Loads the workload's data once per fork. */
    @Setup(Level.Trial)
    public void setUp() {
        String env = System.getenv("ADBENCH_DIR");
        Path adbench = Path.of(env != null && !env.isEmpty() ? env : "/work/shared/adbench");
        w = Workloads.select(List.of(workload), adbench).get(0);
        w.setUp();
    }

    /** Frees the workload's data. */
    @TearDown(Level.Trial)
    public void tearDown() {
        w.tearDown();
    }

    /** f written by hand on doubles. */
    @Benchmark
    public double primalPlain() {
        return w.primalPlain();
    }

    /** The same Zygote4j code as {@link #grad}, with no differentiation active. */
    @Benchmark
    public double primalLib() {
        return w.primalLib();
    }

    /** The value and the full gradient (or the workload's named derivative). */
    @Benchmark
    public Object grad() {
        return w.grad();
    }
}
