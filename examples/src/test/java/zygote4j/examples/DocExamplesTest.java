package zygote4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import zygote4j.Zygote;

/**
 * The documentation's examples are true: every {@code <pre>{@code ...}</pre>} of the
 * library's Javadoc, and every {@code ```java} block of README.md and docs/*.md, runs in
 * JShell, and each line of the form {@code EXPRESSION;   // RESULT} gives RESULT (see
 * {@link DocExpectation} for what a comment may claim, {@link DocSession} for how examples
 * run). Every example shows at least one result. A Markdown example followed by a
 * {@code ```text} block with {@code Exception: message} (docs/errors.md) must throw exactly
 * that. And every public member of the library has an example.
 */
class DocExamplesTest {
    static final Path LIB_SOURCES = Path.of("..", "lib", "src", "main", "java", "zygote4j");
    static final Path README = Path.of("..", "README.md");
    static final Path DOCS = Path.of("..", "docs");

    /**
     * Examples that are fragments and cannot run alone, by file and first line, each with
     * the reason. Everything else runs.
     */
    static final Map<String, String> SKIPPED = Map.of();

    private static DocSession session;
    /** Per source (Javadoc, Markdown): examples run, examples skipped, lines checked. */
    private static final Map<String, int[]> COUNTS = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void startShell() throws Exception {
        // Under Maven the class path may be a manifest-only jar: ask Surefire for the real one,
        // and add the library itself wherever it was loaded from.
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String lib = Path.of(Zygote.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        session = new DocSession(lib + java.io.File.pathSeparator + cp);
    }

    @AfterAll
    static void report() {
        if (session != null) session.close();
        COUNTS.forEach((source, c) -> System.out.println("DocExamplesTest, " + source + ": " + c[0]
                + " examples run (" + c[1] + " skipped), " + c[2] + " lines checked against their comments"));
    }

    static List<DocBlocks.Block> markdownBlocks() throws Exception {
        List<DocBlocks.Block> out = new ArrayList<>(DocBlocks.markdown(README));
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path p : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                out.addAll(DocBlocks.markdown(p));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> javadocExamples() {
        return tests("Javadoc", DocBlocks.javadoc(LIB_SOURCES));
    }

    @TestFactory
    Stream<DynamicTest> markdownExamples() throws Exception {
        return tests("Markdown", markdownBlocks());
    }

    private static Stream<DynamicTest> tests(String source, List<DocBlocks.Block> all) {
        int[] counts = COUNTS.computeIfAbsent(source, k -> new int[3]);
        return all.stream().map(b -> DynamicTest.dynamicTest(b.where() + " " + b.firstLine(), () -> {
            String reason = SKIPPED.get(b.file() + ": " + b.firstLine());
            if (reason != null) {
                counts[1]++;
                Assumptions.abort("skipped: " + reason);
            }
            DocSession.Outcome o = session.run(b);
            counts[0]++;
            counts[2] += o.checkedLines;
            if (!o.failures.isEmpty()) fail(String.join("\n", o.failures));
            if (o.checkedLines == 0) {
                fail(b.where() + ": the example shows no result: give at least one line a comment with its value,"
                        + " as in `expr;   // 3.0`, or `// prints ...`, or `// throws ...`");
            }
        }));
    }

    @Test
    void everyPublicMemberHasAnExample() {
        assertEquals(List.of(), DocBlocks.membersWithoutExample(LIB_SOURCES),
                "public members whose Javadoc has no <pre>{@code ...}</pre> example");
    }

    @Test
    void theExamplesAreFoundAndTheSkipListIsCurrent() throws Exception {
        List<DocBlocks.Block> javadoc = DocBlocks.javadoc(LIB_SOURCES);
        List<DocBlocks.Block> markdown = markdownBlocks();
        assertTrue(javadoc.size() > 300, "only " + javadoc.size() + " Javadoc examples found in " + LIB_SOURCES);
        assertTrue(markdown.size() > 40, "only " + markdown.size() + " Markdown examples found");
        for (String key : SKIPPED.keySet()) {
            boolean exists = Stream.concat(javadoc.stream(), markdown.stream())
                    .anyMatch(b -> (b.file() + ": " + b.firstLine()).equals(key));
            assertTrue(exists, "the skip list names an example that no longer exists: " + key);
        }
    }
}
