package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** graph(f, args...): one DOT node per tape entry with name, shape, value and cotangent. */
class GraphTest {
    /** The parts of a DOT text this package writes: node labels by id, edges, a caption. */
    record Dot(Map<Integer, String> labels, Map<Integer, String> attributes, List<int[]> edges, String caption) {
        private static final Pattern NODE = Pattern.compile("  n(\\d+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"(.*)\\];");
        private static final Pattern EDGE = Pattern.compile("  n(\\d+) -> n(\\d+);");
        private static final Pattern CAPTION = Pattern.compile("  label=\"((?:[^\"\\\\]|\\\\.)*)\";");

        /** Parses every line, failing on any line that is not a statement this package writes. */
        static Dot parse(String dot) {
            String[] lines = dot.split("\n", -1);
            assertEquals("digraph zygote4j {", lines[0]);
            assertEquals("}", lines[lines.length - 2]);
            assertEquals("", lines[lines.length - 1], "the text ends with a line break");
            Map<Integer, String> labels = new TreeMap<>();
            Map<Integer, String> attributes = new TreeMap<>();
            List<int[]> edges = new ArrayList<>();
            String caption = null;
            for (int i = 1; i < lines.length - 2; i++) {
                String line = lines[i];
                Matcher m;
                if ((m = NODE.matcher(line)).matches()) {
                    labels.put(Integer.parseInt(m.group(1)), unescape(m.group(2)));
                    attributes.put(Integer.parseInt(m.group(1)), m.group(3));
                } else if ((m = EDGE.matcher(line)).matches()) {
                    edges.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
                } else if ((m = CAPTION.matcher(line)).matches()) {
                    caption = unescape(m.group(1));
                } else {
                    assertTrue(line.startsWith("  node [") || line.startsWith("  edge ["), "unexpected DOT line: " + line);
                    assertTrue(line.endsWith("];"), line);
                }
            }
            assertBalanced(dot);
            return new Dot(labels, attributes, edges, caption);
        }

        private static String unescape(String s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    char next = s.charAt(++i);
                    sb.append(next == 'n' ? '\n' : next);
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        /** Braces and brackets outside strings balance; every string is closed. */
        private static void assertBalanced(String dot) {
            int braces = 0, brackets = 0;
            boolean inString = false;
            for (int i = 0; i < dot.length(); i++) {
                char c = dot.charAt(i);
                if (inString) {
                    if (c == '\\') i++;
                    else if (c == '"') inString = false;
                    else assertFalse(c == '\n', "a string spans a line");
                    continue;
                }
                if (c == '"') inString = true;
                else if (c == '{') braces++;
                else if (c == '}') braces--;
                else if (c == '[') brackets++;
                else if (c == ']') brackets--;
                assertTrue(braces >= 0 && brackets >= 0, "closed before opened at " + i);
            }
            assertFalse(inString, "an unclosed string");
            assertEquals(0, braces, "braces");
            assertEquals(0, brackets, "brackets");
        }

        String label(int id) {
            String l = labels.get(id);
            assertTrue(l != null, "no node n" + id);
            return l;
        }

        /** The label's lines: name, "shape: value", and "cotangent: ..." after a backward pass. */
        String[] lines(int id) {
            return label(id).split("\n");
        }

        List<String> edgeList() {
            List<String> out = new ArrayList<>();
            for (int[] e : edges) out.add(e[0] + "->" + e[1]);
            return out;
        }
    }

    /** The number of entries f records on a tape at these arguments. */
    private static int tapeEntries(FnN f, Object... args) {
        return Reverse.pullback("test", f, args).tape().size();
    }

    @Test
    void productPlusSine() {
        Dot d = Dot.parse(graph((a, b) -> a.times(b).plus(a.sin()), 2, 3).toDot());
        assertEquals(tapeEntries(xs -> ((Real) xs[0]).times((Real) xs[1]).plus(((Real) xs[0]).sin()), 2.0, 3.0),
                d.labels().size());
        assertEquals(5, d.labels().size());
        assertEquals(List.of("0->2", "1->2", "0->3", "2->4", "3->4"), d.edgeList());
        assertEquals("arg 0", d.lines(0)[0]);
        assertEquals("scalar: 2", d.lines(0)[1]);
        // d/da (a b + sin a) = b + cos a = 3 + cos 2 = 2.5838531634528574
        assertEquals("cotangent: " + DotWriter.number(3 + Math.cos(2)), d.lines(0)[2]);
        assertEquals("cotangent: 2.584", d.lines(0)[2]);
        assertEquals("arg 1", d.lines(1)[0]);
        assertEquals("cotangent: 2", d.lines(1)[2]);
        assertEquals(List.of("times", "scalar: 6", "cotangent: 1"), List.of(d.lines(2)));
        assertEquals(List.of("sin", "scalar: " + DotWriter.number(Math.sin(2)), "cotangent: 1"), List.of(d.lines(3)));
        assertEquals("scalar: 0.9093", d.lines(3)[1]);
        assertEquals(List.of("plus (output)", "scalar: 6.909", "cotangent: 1"), List.of(d.lines(4)));
        assertTrue(d.attributes().get(4).contains("peripheries=2"), "the output is marked");
        assertFalse(d.attributes().get(2).contains("peripheries"), "only the output is marked");
        assertTrue(d.attributes().get(0).contains("shape=ellipse"), "inputs are drawn apart");
        assertNull(d.caption());
    }

    @Test
    void unusedInputGetsNothing() {
        Dot d = Dot.parse(graph(xs -> ((Real) xs[0]).times((Real) xs[2]), 1, 2, 3).toDot());
        assertEquals(4, d.labels().size());
        assertEquals(List.of("0->3", "2->3"), d.edgeList());
        assertEquals("cotangent: 3", d.lines(0)[2]);
        assertEquals("cotangent: nothing", d.lines(1)[2]);
        assertEquals("cotangent: 1", d.lines(2)[2]);
        assertTrue(d.attributes().get(1).contains("fontcolor"), "a node without cotangent is greyed");
    }

    @Test
    void unreachedOperationGetsNothingAndZeroIsNotNothing() {
        // a.cos() is computed but unused; b times 0 is a path with a zero derivative.
        Dot d = Dot.parse(graph((a, b) -> {
            a.cos();
            return a.square().plus(b.times(0));
        }, 3, 5).toDot());
        assertEquals(List.of("cos", "scalar: " + DotWriter.number(Math.cos(3)), "cotangent: nothing"), List.of(d.lines(2)));
        assertEquals(List.of("square", "scalar: 9", "cotangent: 1"), List.of(d.lines(3)));
        assertEquals("cotangent: 6", d.lines(0)[2]);
        assertEquals("cotangent: 0", d.lines(1)[2]);
        assertEquals(List.of("0->2", "0->3", "1->4", "3->5", "4->5"), d.edgeList());
    }

    @Test
    void repeatedOperandHasTwoEdges() {
        Dot d = Dot.parse(graph(x -> x.times(x), 3).toDot());
        assertEquals(List.of("0->1", "0->1"), d.edgeList());
        assertEquals("cotangent: 6", d.lines(0)[2]);
    }

    @Test
    void tensorsMatmulAndElementReads() {
        Tensor w = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor v = Tensor.of(0.1, 0.2, 0.3);
        Fn2<Tensor, Tensor> f = (m, x) -> m.matmul(x).tanh().sum().plus(m.get(1, 2)).plus(x.get(2));
        Dot d = Dot.parse(graph(f, w, v).toDot());
        assertEquals(tapeEntries(xs -> f.apply((Tensor) xs[0], (Tensor) xs[1]), w, v), d.labels().size());
        assertEquals("arg 0", d.lines(0)[0]);
        assertEquals("[2, 3]: [[1, 2, 3], [4, 5, 6]]", d.lines(0)[1]);
        assertEquals("[3]: [0.1, 0.2, 0.3]", d.lines(1)[1]);
        List<String> names = new ArrayList<>();
        for (int id : d.labels().keySet()) names.add(d.lines(id)[0]);
        assertTrue(names.contains("matmul"), names.toString());
        assertTrue(names.contains("tanh"), names.toString());
        assertTrue(names.contains("sum"), names.toString());
        assertTrue(names.contains("get[1, 2]"), names.toString());
        assertTrue(names.contains("get[2]"), names.toString());
        assertEquals("plus (output)", names.get(names.size() - 1));

        // The cotangent of each argument is its gradient, in closed form:
        // d/dW = (1 - tanh(Wv)^2) v^T + e_(1,2); d/dv = W^T (1 - tanh(Wv)^2) + e_2.
        double[] z = {0.1 + 0.4 + 0.9, 0.4 + 1.0 + 1.8};
        double[] s = {1 - Math.pow(Math.tanh(z[0]), 2), 1 - Math.pow(Math.tanh(z[1]), 2)};
        Tensor dw = Tensor.of(new double[][] {{s[0] * 0.1, s[0] * 0.2, s[0] * 0.3}, {s[1] * 0.1, s[1] * 0.2, s[1] * 0.3 + 1}});
        Tensor dv = Tensor.of(s[0] + 4 * s[1], 2 * s[0] + 5 * s[1], 3 * s[0] + 6 * s[1] + 1);
        assertEquals("cotangent: " + DotWriter.value(dw), d.lines(0)[2]);
        assertEquals("cotangent: " + DotWriter.value(dv), d.lines(1)[2]);
        Grads g = gradient(f, w, v);
        assertEquals("cotangent: " + DotWriter.value(g.get(0)), d.lines(0)[2]);

        int matmul = names.indexOf("matmul");
        String[] m = d.lines(matmul);
        assertEquals("[2, 1]: [[" + DotWriter.number(z[0]) + "], [" + DotWriter.number(z[1]) + "]]", m[1]);
        assertEquals("cotangent: [[" + DotWriter.number(s[0]) + "], [" + DotWriter.number(s[1]) + "]]", m[2]);
        int read = names.indexOf("get[1, 2]");
        assertEquals(List.of("get[1, 2]", "scalar: 6", "cotangent: 1"), List.of(d.lines(read)));
        assertTrue(d.edgeList().contains("0->" + read), "an element read has an edge from its tensor");
        assertTrue(d.edgeList().contains("0->" + matmul), d.edgeList().toString());
        // Edges: one per tracked operand of each entry.
        int edges = 0;
        Tape tape = Reverse.pullback("test", xs -> f.apply((Tensor) xs[0], (Tensor) xs[1]), new Object[] {w, v}).tape();
        for (int k = 0; k < tape.size(); k++) {
            byte kind = tape.kindOf(k);
            if (kind == Tape.READ) edges++;
            else if (kind == Tape.NODE) for (int id : tape.nodeOf(k).ids) edges += id >= 0 ? 1 : 0;
            else if (kind != Tape.LEAF) edges += (tape.firstInput(k) >= 0 ? 1 : 0) + (tape.secondInput(k) >= 0 ? 1 : 0);
        }
        assertEquals(edges, d.edges().size());
    }

    @Test
    void largeTensorsAreAbbreviated() {
        Dot d = Dot.parse(graph(x -> x.times(2).sum(), Tensor.of(1, 2, 3, 4, 5, 6, 7, 8)).toDot());
        assertEquals("[8]: [1, 2, 3, ...]", d.lines(0)[1]);
        assertEquals("cotangent: [2, 2, 2, ...]", d.lines(0)[2]);
        Dot m = Dot.parse(graph(x -> x.sum(), Tensor.ones(4, 5)).toDot());
        assertEquals("[4, 5]: [[1, 1, ...], [1, 1, ...], ...]", m.lines(0)[1]);
    }

    @Test
    void vectorOutputHasNoCotangents() {
        Dot d = Dot.parse(graph(x -> x.times(2), Tensor.of(1, 2, 3)).toDot());
        assertEquals(2, d.labels().size());
        assertEquals(List.of("times (output)", "[3]: [2, 4, 6]"), List.of(d.lines(1)));
        assertEquals(2, d.lines(0).length, "no cotangent line without a backward pass");
        assertTrue(d.caption().contains("[3]"), d.caption());
    }

    @Test
    void oneElementTensorOutputIsSeeded() {
        Dot d = Dot.parse(graph(x -> x.square().reshape(1), Tensor.of(3)).toDot());
        assertEquals("cotangent: [6]", d.lines(0)[2]);
        assertNull(d.caption());
    }

    @Test
    void constantOutput() {
        Dot d = Dot.parse(graph(x -> Real.of(5), 2).toDot());
        assertEquals(1, d.labels().size());
        assertEquals(List.of("arg 0", "scalar: 2"), List.of(d.lines(0)));
        assertEquals("the output does not depend on the arguments: 5", d.caption());
    }

    @Test
    void structuredArgumentsNameTheirLeaves() {
        record Layer(Tensor w, Real b) {
        }
        Dot d = Dot.parse(graph((layer, x) -> layer.w().times(x).sum().plus(layer.b()),
                new Layer(Tensor.of(1, 2), Real.of(0.5)), 4).toDot());
        assertEquals("arg 0.w", d.lines(0)[0]);
        assertEquals("cotangent: [4, 4]", d.lines(0)[2]);
        assertEquals("arg 0.b", d.lines(1)[0]);
        assertEquals("cotangent: 1", d.lines(1)[2]);
        assertEquals("arg 1", d.lines(2)[0]);
        assertEquals("cotangent: 3", d.lines(2)[2]);
    }

    @Test
    void listAndMapArgumentsNameTheirLeaves() {
        Dot d = Dot.parse(graph(xs -> {
            List<?> list = (List<?>) xs[0];
            Map<?, ?> map = (Map<?, ?>) xs[1];
            return ((Real) list.get(1)).times((Real) map.get("k"));
        }, List.of(Real.of(1), Real.of(2)), Map.of("k", Real.of(5))).toDot());
        assertEquals(List.of("arg 0[0]", "scalar: 1", "cotangent: nothing"), List.of(d.lines(0)));
        assertEquals(List.of("arg 0[1]", "scalar: 2", "cotangent: 5"), List.of(d.lines(1)));
        assertEquals(List.of("arg 1[k]", "scalar: 5", "cotangent: 2"), List.of(d.lines(2)));
    }

    @Test
    void quotesAndBackslashesInNamesAreEscaped() {
        Primitive odd = new Primitive("say \"hi\" \\ twice") {
            @Override
            protected Object evaluate(Object[] in) {
                return Real.of(2 * ((Real) in[0]).value());
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                return ((Real) t[0]).times(2);
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                return new Object[] {((Real) ct).times(2)};
            }
        };
        String dot = graph(x -> (Real) odd.apply(x), 1).toDot();
        assertTrue(dot.contains("say \\\"hi\\\" \\\\ twice (output)"), dot);
        Dot d = Dot.parse(dot);
        assertEquals(List.of("say \"hi\" \\ twice (output)", "scalar: 2", "cotangent: 1"), List.of(d.lines(1)));
        assertEquals("cotangent: 2", d.lines(0)[2]);
    }

    /** The names on the first lines of the labels, in id order. */
    private static List<String> names(Dot d) {
        List<String> names = new ArrayList<>();
        for (int id : d.labels().keySet()) names.add(d.lines(id)[0]);
        return names;
    }

    @Test
    void javadocExamples() {
        Dot squares = Dot.parse(graph(x -> x.times(x).sum(), Tensor.of(1, 2)).toDot());
        assertEquals(List.of("arg 0", "times", "sum (output)"), names(squares));
        assertEquals("cotangent: [2, 4]", squares.lines(0)[2]);

        Dot sinTimes = Dot.parse(graph(x -> x.sin().times(x), 2).toDot());
        assertEquals(List.of("arg 0", "sin", "times (output)"), names(sinTimes));
        // d/dx x sin x = sin x + x cos x
        assertEquals("cotangent: " + DotWriter.number(Math.sin(2) + 2 * Math.cos(2)), sinTimes.lines(0)[2]);

        Dot product = Dot.parse(graph((w, x) -> w.matmul(x).sum(), Tensor.of(new double[][] {{1, 2}, {3, 4}}),
                Tensor.of(5, 6)).toDot());
        assertTrue(names(product).contains("matmul"), names(product).toString());
        assertEquals("sum (output)", names(product).get(names(product).size() - 1));
        assertEquals("cotangent: [[5, 6], [5, 6]]", product.lines(0)[2]);
        assertEquals("cotangent: [4, 6]", product.lines(1)[2]);

        Dot scaled = Dot.parse(graph((a, v) -> v.times(a).sum(), 2, Tensor.of(1, 2, 3)).toDot());
        assertEquals("cotangent: 6", scaled.lines(0)[2]);
        assertEquals("cotangent: [2, 2, 2]", scaled.lines(1)[2]);

        Dot read = Dot.parse(graph((v, b) -> v.get(0).times(b), Tensor.of(1, 2), 3).toDot());
        assertEquals(List.of("arg 0", "arg 1", "get[0]", "times (output)"), names(read));
        assertEquals("cotangent: [3, 0]", read.lines(0)[2]);

        String dot = graph((a, b) -> a.times(b).plus(a.sin()), 2, 3).toString();
        assertTrue(dot.contains("  n2 [label=\"times\\nscalar: 6\\ncotangent: 1\"];\n"), dot);
        assertTrue(graph(x -> x.sin(), 1).toDot().startsWith("digraph zygote4j {\n  "));
    }

    @Test
    void numbersHaveFourSignificantDigits() {
        assertEquals("6", DotWriter.number(6));
        assertEquals("-3", DotWriter.number(-3));
        assertEquals("0", DotWriter.number(0));
        assertEquals("0.9093", DotWriter.number(Math.sin(2)));
        assertEquals("2.584", DotWriter.number(3 + Math.cos(2)));
        assertEquals("1235", DotWriter.number(1234.5678));
        assertEquals("0.5", DotWriter.number(0.5));
        assertEquals("-2.5e-07", DotWriter.number(-2.5e-7));
        assertEquals("1.235e+07", DotWriter.number(12345678.9));
        assertEquals("1e+20", DotWriter.number(1e20));
        assertEquals("NaN", DotWriter.number(Double.NaN));
        assertEquals("-Infinity", DotWriter.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void nestedGradientInsideIsDrawnAndDifferentiated() {
        // f(a) = d/db (b^2 a) at b = a, = 2 a^2; the inner backward pass is recorded on
        // graph's tape, so the cotangent of a is f'(a) = 4a = 12.
        Dot d = Dot.parse(graph(a -> gradient(b -> b.square().times(a), a).real(0), 3).toDot());
        assertEquals("cotangent: 12", d.lines(0)[2]);
        String[] out = d.lines(d.labels().size() - 1);
        assertEquals("scalar: 18", out[1]);
        assertTrue(out[0].endsWith("(output)"), out[0]);
        assertEquals(0, Levels.depth());
    }

    @Test
    void graphLeavesNoLevelOpenAndRecordingOff() {
        graph((a, b) -> a.times(b), 2, 3);
        assertEquals(0, Levels.depth());
        Pullback p = Reverse.pullback("test", xs -> ((Real) xs[0]).sin(), new Object[] {Real.of(1)});
        assertNull(p.tape().labels, "a normal pullback records no names");
        assertNull(p.tape().values);
        assertEquals("(" + Math.cos(1) + ",)", gradient(x -> x.sin(), 1).toString());

        Pullback q = Reverse.pullback("test", xs -> ((Real) xs[0]).sin(), new Object[] {Real.of(1)}, true);
        assertEquals("sin", q.tape().labels[1]);
        Tape.Recorded r = q.tape().stopRecording();
        assertEquals(Math.sin(1), r.values()[1]);
        assertNull(q.tape().labels, "recording is off once stopped");

        RuntimeException boom = new RuntimeException("boom");
        assertEquals(boom, assertThrows(RuntimeException.class, () -> graph(x -> {
            throw boom;
        }, 1)));
        assertEquals(0, Levels.depth());
    }

    @Test
    void nonNumericResultIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> graph(xs -> "text", 1));
        assertTrue(e.getMessage().startsWith("graph: the function must return a Real or a Tensor"), e.getMessage());
        assertEquals(0, Levels.depth());
    }

    @Test
    void longTapesGrowTheRecording() {
        // More entries than the tape's first capacity: names and values grow with it.
        Dot d = Dot.parse(graph(x -> {
            Real y = x;
            for (int i = 0; i < 200; i++) y = y.times(1.01);
            return y;
        }, 1).toDot());
        assertEquals(201, d.labels().size());
        assertEquals("times", d.lines(200)[0].replace(" (output)", ""));
        assertEquals("scalar: " + DotWriter.number(Math.pow(1.01, 200)), d.lines(200)[1]);
        assertEquals("cotangent: " + DotWriter.number(Math.pow(1.01, 200)), d.lines(0)[2]);
    }
}
