package zygote4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessTest {
    private static Row row(String id, int threads, double grad) {
        return new Row(id, "x", threads, 1e-3, 2e-3, grad, 1.5, -2.25, true, null, 10, "scalar \"loop\"", "0.50");
    }

    @Test
    void rowsRoundTripThroughJsonLines() {
        Row r = row("W1", 2, 4e-3);
        Map<String, Object> m = Json.parseFlat(r.toJson("2026-01-01T00:00:00Z"));
        assertEquals("W1", m.get("workload"));
        assertEquals(2.0, m.get("threads"));
        assertEquals(4e-3, (Double) m.get("grad_s"), 0);
        assertEquals(4.0, (Double) m.get("ratio_plain"), 1e-12);
        assertEquals(2.0, (Double) m.get("ratio_lib"), 1e-12);
        assertEquals(-2.25, m.get("checksum"));
        assertEquals(Boolean.TRUE, m.get("value_ok"));
        assertNull(m.get("checksum_ok"));
        assertEquals("scalar \"loop\"", m.get("lib_style"));
    }

    @Test
    void rowsAreReadBackAsTheyWereWritten() {
        Row r = row("W4-d64K50", 2, 0.25);
        assertEquals(r, Row.fromJson(Json.parseFlat(r.toJson("d"))));
        Row empty = new Row("W9", "x", 1, 1e-3, Double.NaN, Double.NaN, 1, Double.NaN, null, null, 10, "", "n/a");
        assertEquals(empty, Row.fromJson(Json.parseFlat(empty.toJson("d"))));
    }

    @Test
    void missingFiguresAreJsonNull() {
        Row r = new Row("W9", "x", 1, 1e-3, Double.NaN, Double.NaN, 1, Double.NaN, null, null, 10, "", "n/a");
        Map<String, Object> m = Json.parseFlat(r.toJson("d"));
        assertTrue(m.containsKey("grad_s"));
        assertNull(m.get("grad_s"));
        assertNull(m.get("ratio_lib"));
    }

    @Test
    void badJsonIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseFlat("{\"a\" 1}"));
        assertTrue(e.getMessage().contains("expected ':'"), e.getMessage());
    }

    @Test
    void optionsParseThreadsBudgetAndWorkloads() {
        Options o = Options.parse("--threads", "1", "--budget", "0.5", "W1", "W6");
        assertEquals(List.of(1), o.threads);
        assertEquals(0.5, o.budget, 0);
        assertEquals(List.of("W1", "W6"), o.workloads);
        Options d = Options.parse();
        assertEquals(List.of(1, Runtime.getRuntime().availableProcessors()), d.threads);
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--threads", "3"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--budget", "-1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--bogus"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--out"));
        assertEquals(true, d.fork);
        assertEquals(false, Options.parse("--no-fork").fork);
        assertEquals(List.of("1", "all"), d.threadSpecs);
    }

    @Test
    void eachForkedJvmGetsItsThreadSettingAndTheVectorModule() {
        // The bench's own tests run with the vector module, as ./zygote4j bench does.
        List<String> mine = List.of("-Xss8m", "-Dzygote4j.threads=1", "-Dzygote4j.kernels=java");
        List<String> flags = BenchMain.childJvmFlags(mine, 2);
        assertEquals(List.of("-Xss8m", "-Dzygote4j.kernels=java", "--add-modules=jdk.incubator.vector",
                "-Dzygote4j.threads=2"), flags);
        flags = BenchMain.childJvmFlags(List.of("--add-modules=jdk.incubator.vector", "-Xmx6g"), 1);
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Xmx6g", "-Dzygote4j.threads=1"), flags);
    }

    @Test
    void referencesCompareRelatively() {
        Reference r = Reference.of(2630.8121741291843, 7149.541058265523);
        assertTrue(r.valueMatches(2630.8121741291843 * (1 + 5e-10)));
        assertFalse(r.valueMatches(2630.8121741291843 * (1 + 5e-9)));
        assertFalse(r.checksumMatches(Double.NaN));
        assertTrue(Reference.close(0, 0, 1e-9));
    }

    @Test
    void timesAreFormattedWithAUnit() {
        assertEquals("12.3 us", Timer.format(12.3e-6));
        assertEquals("4.56 ms", Timer.format(4.56e-3));
        assertEquals("1.23 s", Timer.format(1.23));
        assertEquals("n/a", Timer.format(Double.NaN));
    }

    @Test
    void compareMatchesRowsByWorkloadAndThreads(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("ours.jsonl"), torch = dir.resolve("torch.jsonl");
        Files.write(ours, List.of(row("W1", 1, 4e-3).toJson("d"), row("W2", 1, 1.0).toJson("d")));
        Files.write(torch, List.of("{\"workload\": \"W1\", \"threads\": 1, \"primal_lib_s\": 0.001, \"grad_s\": 0.002, "
                + "\"ratio_lib\": 2.0, \"value\": 1.5, \"checksum\": -2.25}"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Compare.print(Compare.read(ours), Compare.read(torch), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        String w1 = out.lines().filter(l -> l.startsWith("W1 ")).findFirst().orElseThrow();
        assertTrue(w1.contains("2.00"), w1);   // ours 4 ms / torch 2 ms
        assertTrue(w1.trim().endsWith("yes"), w1);
        String w2 = out.lines().filter(l -> l.startsWith("W2 ")).findFirst().orElseThrow();
        assertTrue(w2.contains("n/a"), w2);
    }
}
