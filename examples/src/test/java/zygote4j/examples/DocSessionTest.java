package zygote4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zygote4j.Zygote;

/** The checker of DocExamplesTest catches wrong examples, and passes right ones. */
class DocSessionTest {
    private static DocSession session;

    @BeforeAll
    static void start() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String lib = Path.of(Zygote.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        session = new DocSession(lib + java.io.File.pathSeparator + cp);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static DocSession.Outcome run(String... lines) {
        return session.run(new DocBlocks.Block("Test.java", 1, List.of(lines), List.of(), null));
    }

    private static void assertFails(DocSession.Outcome o, String expected) {
        assertEquals(1, o.failures.size(), "failures: " + o.failures);
        assertTrue(o.failures.get(0).contains(expected), o.failures.get(0));
    }

    @Test
    void rightValuesPass() {
        DocSession.Outcome o = run("Real x = Real.of(2);   // 2.0",
                "gradient(t -> t.square(), 3);   // (6.0,)",
                "Tensor.of(new double[][] {{1, 2}, {3, 4}});",
                "// [[1.0, 2.0],",
                "//  [3.0, 4.0]]",
                "Tensor.zeros(2, 3).shape();   // [2, 3]",
                "Real.of(3).toString();   // \"3.0\"",
                "gradient((a, b) -> showgrad(a).times(b), 2, 3);   // prints ∂(a) = 3.0, returns (3.0, 2.0)",
                "Tensor.of(1, 2).get(5);   // throws IndexOutOfBoundsException",
                "Real.of(4).sqrt();   // 2.0  (a remark after the value)",
                "Real.of(1).plus(1);   // a remark: runs without a check");
        assertEquals(List.of(), o.failures);
        assertEquals(8, o.checkedLines);
    }

    @Test
    void aWrongValueFails() {
        assertFails(run("gradient(t -> t.square(), 3);   // (7.0,)"), "the comment says (7.0,)");
        assertFails(run("Tensor.of(new double[][] {{1, 2}, {3, 4}});", "// [[1.0, 2.0],", "//  [3.0, 5.0]]"),
                "the comment says [[1.0, 2.0], [3.0, 5.0]]");
        assertFails(run("Real.of(4).sqrt();   // 2  (an integer is not a double)"), "the comment says 2");
    }

    @Test
    void aWrongPrintFails() {
        assertFails(run("gradient(a -> showgrad(\"b\", a).times(2), 2);   // prints ∂(a) = 2.0"),
                "but it printed ∂(b) = 2.0");
    }

    @Test
    void wrongExceptionsFail() {
        assertFails(run("Real.of(1).plus(1);   // throws IllegalStateException"),
                "the comment says it throws IllegalStateException but it returned 2.0");
        assertFails(run("Tensor.of(1, 2).get(5);   // 0.0"), "threw IndexOutOfBoundsException");
    }

    @Test
    void aFragmentFails() {
        assertFails(run("m.slice(all(), at(0));   // [1.0, 4.0]"), "cannot find symbol");
        assertFails(run("gradient(x -> x.square(),", "  3)"), "incomplete code");
    }

    @Test
    void membersSeeTheirClassExampleAndNothingElse() {
        List<String> context = List.of("Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});   // unchecked");
        DocSession.Outcome o = session.run(new DocBlocks.Block("Test.java", 1,
                List.of("m.slice(all(), at(0));   // [1.0, 4.0]", "Real leftover = Real.of(1);"), context, null));
        assertEquals(List.of(), o.failures);
        o = session.run(new DocBlocks.Block("Test.java", 1, List.of("leftover;   // 1.0"), context, null));
        assertFails(o, "cannot find symbol");
        assertFails(run("m;"), "cannot find symbol");
    }

    @Test
    void aShownExceptionIsChecked() {
        DocSession.Outcome o = session.run(new DocBlocks.Block("errors.md", 1, List.of("Tensor.zeros(2, -1);"), List.of(),
                "IllegalArgumentException: Tensor.zeros: negative dimension in shape …"));
        assertEquals(List.of(), o.failures);
        assertEquals(1, o.checkedLines);
        o = session.run(new DocBlocks.Block("errors.md", 1, List.of("Tensor.zeros(2, -1);"), List.of(),
                "IllegalArgumentException: Tensor.zeros: a different message"));
        assertFails(o, "but the example threw");
        o = session.run(new DocBlocks.Block("errors.md", 1, List.of("Tensor.zeros(2, 1);"), List.of(),
                "IllegalArgumentException: Tensor.zeros: negative dimension in shape …"));
        assertFails(o, "threw nothing");
    }

    @Test
    void membersWithoutAnExampleAreFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("Thing.java"), String.join("\n",
                "package zygote4j;",
                "/** A thing. <pre>{@code new Thing();}</pre> */",
                "@Deprecated",
                "public final class Thing {",
                "    /** Documented. <pre>{@code Thing.one();   // 1}</pre> */",
                "    public static int one() { return 1; }",
                "    /** No example. */",
                "    @Override",
                "    public String toString() { return \"\"; }",
                "    public int two() { return 2; }",
                "    protected Thing(int x) { }",
                "    int internal() { return 3; }",
                "    public static final int FIELD = Math.max(1, 2);",
                "}", ""));
        java.nio.file.Files.writeString(dir.resolve("Hidden.java"), "package zygote4j;\nfinal class Hidden {\n"
                + "    public int x() { return 0; }\n}\n");
        assertEquals(List.of("Thing.java:9: public String toString() { return \"\"; }",
                "Thing.java:10: public int two() { return 2; }", "Thing.java:11: protected Thing(int x) { }"),
                DocBlocks.membersWithoutExample(dir));
    }

    @Test
    void expectationsAreReadFromComments() {
        assertEquals("(NaN,)", DocExpectation.parse(" (NaN,): 0 * Infinity, never hidden").value());
        assertEquals("1.0", DocExpectation.parse(" 1.0  (forward mode)").value());
        assertEquals("[1.0, 4.0]", DocExpectation.parse(" [1.0, 4.0], the first column").value());
        assertEquals("\"a, b\"", DocExpectation.parse(" \"a, b\"").value());
        assertNull(DocExpectation.parse(" 3x5 buffer").value());
        assertNull(DocExpectation.parse(" buf[0, 1] = 7").value());
        assertEquals("IllegalStateException", DocExpectation.parse(" throws IllegalStateException: frozen").thrown());
        DocExpectation p = DocExpectation.parse(" prints ∂(a) = 3.0, returns (3.0, 2.0)");
        assertEquals("∂(a) = 3.0", p.printed());
        assertEquals("(3.0, 2.0)", p.value());
    }
}
