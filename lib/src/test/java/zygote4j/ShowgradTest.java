package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** showgrad prints the cotangent under the variable's source name, read from the bytecode. */
class ShowgradTest {
    /** Written inside a differentiated function, so that showgrad reads a field. */
    private Tensor scaled;

    @AfterEach
    void restoreOutput() {
        setShowgradOutput(null);
    }

    /** Runs body with showgrad's output captured; returns {printed, body's result}. */
    private static String[] capture(Supplier<Object> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        setShowgradOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Object result;
        try {
            result = body.get();
        } finally {
            setShowgradOutput(null);
        }
        return new String[] {bytes.toString(StandardCharsets.UTF_8), String.valueOf(result)};
    }

    @Test
    void seedExampleUsedOnce() {
        String[] r = capture(() -> gradient((a, b) -> showgrad(a).times(b), 2, 3));
        assertEquals("∂(a) = 3.0\n", r[0]);
        assertEquals("(3.0, 2.0)", r[1]);
    }

    @Test
    void seedExampleOnlyThisUse() {
        String[] r = capture(() -> gradient(a -> showgrad(a).times(a), 2));
        assertEquals("∂(a) = 2.0\n", r[0]);
        assertEquals("(4.0,)", r[1]);
    }

    @Test
    void seedExampleUnused() {
        String[] r = capture(() -> gradient((a, b) -> {
            showgrad(a);
            return a.times(b);
        }, 2, 3));
        assertEquals("∂(a) = nothing\n", r[0]);
        assertEquals("(3.0, 2.0)", r[1]);
    }

    @Test
    void anotherParameterName() {
        String[] r = capture(() -> gradient((weight, bias) -> showgrad(bias).plus(weight.times(5)), 2, 3));
        assertEquals("∂(bias) = 1.0\n", r[0]);
        assertEquals("(5.0, 1.0)", r[1]);
    }

    @Test
    void localVariableInALambdaBody() {
        String[] r = capture(() -> gradient(x -> {
            Real hidden = x.times(x);
            Real shown = showgrad(hidden);
            return shown.times(3);
        }, 2));
        assertEquals("∂(hidden) = 3.0\n", r[0]);
        assertEquals("(12.0,)", r[1]);
    }

    @Test
    void capturedVariable() {
        Real scale = Real.of(7);
        String[] r = capture(() -> gradient(x -> showgrad(x).times(scale), 2));
        assertEquals("∂(x) = 7.0\n", r[0]);
    }

    @Test
    void tensorVariable() {
        String[] r = capture(() -> gradient(v -> showgrad(v).times(v).sum(), Tensor.of(1, 2)));
        assertEquals("∂(v) = [1.0, 2.0]\n", r[0]);
        assertEquals("([2.0, 4.0],)", r[1]);
    }

    @Test
    void fieldIsNamedByTheField() {
        // A field is loaded with getfield; its name is in the constant pool.
        String[] r = capture(() -> gradient(v -> {
            scaled = v.times(2);
            return showgrad(scaled).times(v).sum();
        }, Tensor.of(3, 4)));
        assertEquals("∂(scaled) = [3.0, 4.0]\n", r[0]);
        assertEquals("([12.0, 16.0],)", r[1]);
    }

    @Test
    void expressionHasThePlaceholderWithItsPosition() {
        String[] r = capture(() -> gradient((a, b) -> showgrad(a.times(b)).times(2), 2, 3));
        assertTrue(r[0].matches("∂\\(\\? at ShowgradTest\\.java:\\d+\\) = 2\\.0\n"), r[0]);
        assertEquals("(6.0, 4.0)", r[1]);
    }

    @Test
    void aConditionalArgumentHasNoSingleName() {
        for (double k : new double[] {-1, 1}) {
            String[] r = capture(() -> gradient((a, b) -> showgrad(k > 0 ? a : b).times(3), 2, 3));
            assertTrue(r[0].matches("∂\\(\\? at ShowgradTest\\.java:\\d+\\) = 3\\.0\n"), r[0]);
            assertEquals(k > 0 ? "(3.0, nothing)" : "(nothing, 3.0)", r[1]);
        }
    }

    @Test
    void castIsSeenThrough() {
        String[] r = capture(() -> gradient((FnN) xs -> showgrad((Real) xs[0]).square(), Real.of(3)));
        assertTrue(r[0].matches("∂\\(\\? at ShowgradTest\\.java:\\d+\\) = 6\\.0\n"), r[0]);
        String[] q = capture(() -> gradient((FnN) xs -> {
            Object item = xs[0];
            return showgrad((Real) item).square();
        }, Real.of(3)));
        assertEquals("∂(item) = 6.0\n", q[0]);
    }

    @Test
    void throughAMethodReferenceThereIsNoName() {
        // The caller's instruction is UnaryOperator.apply, not showgrad: no name is guessed.
        java.util.function.UnaryOperator<Real> show = Zygote::showgrad;
        String[] r = capture(() -> gradient(x -> show.apply(x).times(2), 3));
        assertTrue(r[0].matches("∂\\(\\? at ShowgradTest\\.java:\\d+\\) = 2\\.0\n"), r[0]);
    }

    @Test
    void explicitLabel() {
        String[] r = capture(() -> gradient(x -> showgrad("label", x).times(x), 2));
        assertEquals("∂(label) = 2.0\n", r[0]);
        assertEquals("(4.0,)", r[1]);
        String[] t = capture(() -> gradient(x -> showgrad("t", x).sum(), Tensor.of(1, 2)));
        assertEquals("∂(t) = [1.0, 1.0]\n", t[0]);
    }

    @Test
    void sameCallSiteTwiceGivesTheSameName() {
        for (int i = 0; i < 3; i++) {
            final double k = i + 1;
            String[] r = capture(() -> gradient(a -> showgrad(a).times(k), 2));
            assertEquals("∂(a) = " + k + "\n", r[0]);
        }
    }

    @Test
    void manyLocalsUseAloadWithAnOperand() {
        String[] r = capture(() -> gradient(x -> {
            Real l1 = x.plus(1), l2 = x.plus(2), l3 = x.plus(3), l4 = x.plus(4);
            return showgrad(l4).times(l1.plus(l2).plus(l3));
        }, 0));
        assertEquals("∂(l4) = 6.0\n", r[0]);
    }

    @Test
    void insideASwitchTheBytecodeIsStillDecoded() {
        // tableswitch and lookupswitch have padded operands; the decoder must step over them.
        for (int k : new int[] {1, 2, 1000}) {
            String[] r = capture(() -> gradient(x -> {
                Real y;
                switch (k) {
                    case 1 -> y = x.times(1);
                    case 2 -> y = x.times(2);
                    case 3 -> y = x.times(3);
                    default -> y = x.times(4);
                }
                switch (k) {
                    case 10 -> y = y.plus(1);
                    case 1000 -> y = y.plus(2);
                    default -> y = y.plus(0);
                }
                Real after = y;
                return showgrad(after).times(5);
            }, 1));
            assertEquals("∂(after) = 5.0\n", r[0]);
        }
    }
}
