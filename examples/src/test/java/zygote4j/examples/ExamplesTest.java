package zygote4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the examples transcript and checks what the seed page's examples printed and returned. */
class ExamplesTest {
    private static String text;
    private static final Map<String, Transcript.Entry> BY_CODE = new LinkedHashMap<>();
    private static List<Transcript.Entry> entries;

    @BeforeAll
    static void runTranscript() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        entries = Examples.write(new PrintStream(bytes, true, StandardCharsets.UTF_8)).entries();
        text = bytes.toString(StandardCharsets.UTF_8);
        for (Transcript.Entry e : entries) BY_CODE.put(e.code(), e);
    }

    private static Transcript.Entry entry(String code) {
        Transcript.Entry e = BY_CODE.get(code);
        assertNotNull(e, "no example with code: " + code);
        return e;
    }

    private static void assertExample(String code, String printed, String returned) {
        Transcript.Entry e = entry(code);
        assertEquals(printed, e.printed(), "printed by " + code);
        assertEquals(returned, e.returned(), "returned by " + code);
        assertNull(e.thrown(), "thrown by " + code);
    }

    @Test
    void showgradExamples() {
        assertExample("gradient((a, b) -> showgrad(a).times(b), 2, 3);", "∂(a) = 3.0", "(3.0, 2.0)");
        assertExample("gradient(a -> showgrad(a).times(a), 2);", "∂(a) = 2.0", "(4.0,)");
        assertExample("gradient((a, b) -> {\n  showgrad(a);   // not used, so no gradient\n  return a.times(b);\n}, 2, 3);",
                "∂(a) = nothing", "(3.0, 2.0)");
    }

    @Test
    void hookAndDropgradExamples() {
        assertExample("gradient((a, b) -> hook(abar -> {\n  System.out.println(\"abar = \" + abar);\n  return abar;\n}, a).times(b), 2, 3);",
                "abar = 3.0", "(3.0, 2.0)");
        assertExample("gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3);", null, "(-3.0, 2.0)");
        assertExample("gradient((a, b) -> dropgrad(a).times(b), 2, 3);", null, "(nothing, 2.0)");
    }

    @Test
    void hessianAndBufferExamples() {
        assertExample("hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));", null, "[[0.0, 1.0],\n [1.0, 0.0]]");
        assertExample("vstack(Tensor.of(1, 2, 3));", null,
                "[[1.0, 1.0, 1.0, 1.0, 1.0],\n [2.0, 2.0, 2.0, 2.0, 2.0],\n [3.0, 3.0, 3.0, 3.0, 3.0]]");
        assertExample("gradient(x -> vstack(x).sum(), Tensor.of(1, 2, 3));", null, "([5.0, 5.0, 5.0],)");
        Transcript.Entry frozen = entry("Buffer buf = Buffer.of(Tensor.of(1, 2, 3));\nTensor copy = buf.copy();\nbuf.set(1, 0);");
        assertTrue(frozen.thrown().startsWith("IllegalStateException: Buffer.set: this buffer is frozen"), frozen.thrown());
    }

    @Test
    void forwarddiffExamples() {
        assertExample("gradient(x -> forwarddiff(y -> pow(y, 2), x), 5);", null, "(10.0,)");
        assertExample("gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3);", null, "(3.0, nothing)");
        assertExample("gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3);", null, "(3.0, 2.0)");
    }

    @Test
    void theRestOfTheApi() {
        assertExample("withgradient(x -> x.square(), 3);", null, "(val = 9.0, grad = (6.0,))");
        assertExample("p.back(10);   // back may be called more than once", null, "(30.0, 20.0)");
        assertExample("hessianReverse(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));", null, "[[0.0, 1.0],\n [1.0, 0.0]]");
        assertExample("diaghessian((a, b) -> a.square().times(b), 2, 3);", null, "(6.0, 0.0)");
        assertExample("calls[0];   // f ran again", null, "2");
        assertExample("gradient(x -> x.times(ignore(() -> x.times(2))), 3);", null, "(6.0,)");
        assertExample("hessian(x -> (Real) cube.apply(x), 2);", null, "12.0");
        assertTrue(entry("gradient(x -> x.times(2), Tensor.of(1, 2));").thrown().contains("jacobian"));
    }

    @Test
    void seedExamplesComeInThePagesOrder() {
        String[] order = {"showgrad(a).times(b)", "hook(abar", "hook(Real::neg", "dropgrad(a)", "hessian(v ->",
            "vstack(Tensor.of(1, 2, 3));", "forwarddiff(y -> pow(y, 2), x)", "forwarddiff(x -> x.times(b), a)",
            "Tensor.of(a, b)), 2, 3);"};
        int at = -1;
        for (String s : order) {
            int next = text.indexOf(s, at + 1);
            assertTrue(next > at, s + " should come after the previous example");
            at = next;
        }
    }

    @Test
    void labelsAreAligned() {
        assertTrue(text.contains("    gradient((a, b) -> showgrad(a).times(b), 2, 3);\n      prints:  ∂(a) = 3.0\n      returns: (3.0, 2.0)\n"), text);
        assertTrue(text.contains("      returns: [[0.0, 1.0],\n                [1.0, 0.0]]\n"), text);
    }
}
