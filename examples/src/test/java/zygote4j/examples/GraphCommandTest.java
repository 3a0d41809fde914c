package zygote4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./zygote4j graph: the picture with Graphviz, the DOT text without it, and clear errors. */
class GraphCommandTest {
    /** A program name no machine has, standing for a missing Graphviz. */
    private static final String NO_DOT = "zygote4j-test-no-such-dot-program";

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    private static Run run(String dot, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = GraphCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dot);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The number of node and edge statements of a DOT text, checking it is a whole digraph. */
    private static int[] nodesAndEdges(String dot) {
        assertTrue(dot.startsWith("digraph zygote4j {\n"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
        int nodes = 0, edges = 0;
        Matcher m = Pattern.compile("(?m)^  n\\d+ (\\[label|-> n\\d+;)").matcher(dot);
        while (m.find()) {
            if (m.group(1).startsWith("[")) nodes++;
            else edges++;
        }
        return new int[] {nodes, edges};
    }

    @Test
    void withoutGraphvizWritesTheDotTextAndSaysSo() throws IOException {
        Path svg = dir.resolve("picture.svg");
        Run r = run(NO_DOT, "--out", svg.toString());
        assertEquals(0, r.status(), r.err());
        Path dot = dir.resolve("picture.dot");
        assertFalse(Files.exists(svg), "no SVG without Graphviz");
        String text = Files.readString(dot);
        // The default example: (a, b) -> a.times(b).plus(a.sin()) at 2, 3.
        assertEquals(5, nodesAndEdges(text)[0]);
        assertEquals(5, nodesAndEdges(text)[1]);
        assertTrue(text.contains("plus (output)\\nscalar: 6.909\\ncotangent: 1"), text);
        assertTrue(text.contains("arg 0\\nscalar: 2\\ncotangent: 2.584"), text);
        assertTrue(r.out().contains("dot program was not found"), r.out());
        assertTrue(r.out().contains("Wrote the DOT text of the computation of (a, b) -> a.times(b).plus(a.sin())"), r.out());
        assertTrue(r.out().contains(dot.toString()), "the message names the file: " + r.out());
        assertTrue(r.out().contains("apt-get install graphviz"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aDotFileNameAsksForTheDotText() throws IOException {
        Path dot = dir.resolve("sub/network.dot");
        Run r = run(NO_DOT, "network", "--out=" + dot);
        assertEquals(0, r.status(), r.err());
        String text = Files.readString(dot);
        assertTrue(text.contains("\"matmul\\n[4, 3]"), text);
        assertTrue(text.contains("logsumexp"), text);
        assertTrue(text.contains("arg 0.w1\\n[2, 3]"), text);
        assertTrue(text.contains("div (output)"), text);
        assertTrue(r.out().startsWith("Wrote the DOT text of the computation of the loss of a two-layer network"), r.out());
        assertTrue(r.out().contains(dot.toString()), r.out());
    }

    @Test
    void withGraphvizWritesTheSvg() throws IOException {
        // A stand-in for dot: called as "dot -Tsvg -o FILE", it copies its input to FILE.
        Path fake = dir.resolve("fake-dot");
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = -Tsvg ] && [ \"$2\" = -o ] || exit 9\ncat > \"$3\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        Path svg = dir.resolve("elements.svg");
        Run r = run(fake.toString(), "elements", "--out", svg.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("Wrote an SVG picture of the computation of v -> v.get(0).times(v.get(1)).plus(v.get(2).sin()) "
                + "at v = [1, 2, 3, 4] to " + svg + "\n", r.out().replace(System.lineSeparator(), "\n"));
        String given = Files.readString(svg);
        assertTrue(given.contains("get[0]\\nscalar: 1\\ncotangent: 2"), given);
        // d/dv (v0 v1 + sin v2) = [v1, v0, cos v2, 0], and cos 3 = -0.98999... to four digits.
        assertTrue(given.contains("cotangent: [2, 1, -0.99, 0]"), given);
        assertFalse(Files.exists(dir.resolve("elements.dot")));
    }

    @Test
    void aFailingGraphvizIsReportedAndTheDotTextKept() throws IOException {
        Path fake = dir.resolve("broken-dot");
        Files.writeString(fake, "#!/bin/sh\ncat > /dev/null\necho 'syntax error in line 1' >&2\nexit 3\n");
        assertTrue(fake.toFile().setExecutable(true));
        Path svg = dir.resolve("picture.svg");
        Run r = run(fake.toString(), "--out", svg.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("exit status 3 (syntax error in line 1)"), r.err());
        assertTrue(r.err().contains(dir.resolve("picture.dot").toString()), r.err());
        assertTrue(Files.readString(dir.resolve("picture.dot")).startsWith("digraph zygote4j {"));
    }

    @Test
    void dashWritesTheDotTextToStandardOutput() {
        for (String name : GraphCommand.EXAMPLES.keySet()) {
            Run r = run(NO_DOT, name, "--out", "-");
            assertEquals(0, r.status(), name + ": " + r.err());
            int[] counts = nodesAndEdges(r.out());
            assertTrue(counts[0] >= 3 && counts[1] >= 2, name + ": " + r.out());
            assertTrue(r.out().contains("(output)"), r.out());
        }
        assertEquals(Set.of("scalar", "elements", "network"), GraphCommand.EXAMPLES.keySet());
        int[] elements = nodesAndEdges(run(NO_DOT, "elements", "--out", "-").out());
        // arg 0, get[0], get[1], get[2], times, sin, plus; reads 3 + times 2 + sin 1 + plus 2.
        assertEquals(7, elements[0]);
        assertEquals(8, elements[1]);
    }

    @Test
    void badArgumentsAreExplained() {
        Run unknown = run(NO_DOT, "nope");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("zygote4j graph: unknown example 'nope'; choose one of: scalar, elements, network."),
                unknown.err());
        assertTrue(unknown.err().contains("Usage: ./zygote4j graph [--out FILE] [example]"), unknown.err());
        assertEquals("", unknown.out());

        Run missing = run(NO_DOT, "scalar", "--out");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("zygote4j graph: --out needs a file name"), missing.err());

        Run option = run(NO_DOT, "--svg");
        assertEquals(2, option.status());
        assertTrue(option.err().startsWith("zygote4j graph: unknown option '--svg'."), option.err());

        Run two = run(NO_DOT, "scalar", "network");
        assertEquals(2, two.status());
        assertTrue(two.err().startsWith("zygote4j graph: one example at a time: got 'scalar' and 'network'."), two.err());
    }

    @Test
    void helpListsTheExamples() {
        Run r = run(NO_DOT, "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: ./zygote4j graph [--out FILE] [example]"), r.out());
        assertTrue(r.out().contains("  scalar     (a, b) -> a.times(b).plus(a.sin()) at a = 2, b = 3 (default)"), r.out());
        assertTrue(r.out().contains("  network    the loss of a two-layer network"), r.out());
        assertEquals("", r.err());
    }
}
