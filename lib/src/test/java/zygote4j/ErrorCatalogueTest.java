package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static zygote4j.Zygote.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/errors.md, checked: every entry of the catalogue has a misuse here that throws
 * exactly the exception and the message the page shows, and every misuse here has its
 * entry. In a documented message, "…" stands for any text.
 */
class ErrorCatalogueTest {
    /** The misuse of each catalogue entry, by its id (E1, E2, ...). */
    static final Map<String, Executable> MISUSES = new LinkedHashMap<>();

    /** A record argument, as in the catalogue's examples. */
    record Point(Real x, Real y) {
    }

    /** A primitive whose rules and value come from the given functions. */
    static Primitive rule(String name, java.util.function.Function<Object[], Object> value,
                          java.util.function.Function<Object[], Object> forward,
                          java.util.function.Function<Object[], Object[]> reverse) {
        return new Primitive(name) {
            @Override
            protected Object evaluate(Object[] in) {
                return value.apply(in);
            }

            @Override
            protected Object jvp(Object[] in, Object out, Object[] t) {
                return forward.apply(new Object[] {in, t});
            }

            @Override
            protected Object[] vjp(Object[] in, Object out, Object ct) {
                return reverse.apply(new Object[] {in, ct});
            }
        };
    }

    /** Runs body on a new thread with the given name and rethrows what it threw. */
    static void onThread(String name, Runnable body) throws Throwable {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, name);
        t.start();
        t.join();
        if (thrown.get() != null) throw thrown.get();
    }

    static {
        MISUSES.put("E1", () -> gradient((Tensor x) -> x.times(2), Tensor.of(1, 2, 3)));
        MISUSES.put("E2", () -> gradient((String s) -> Real.of(s.length()), "abc"));
        MISUSES.put("E3", () -> gradient((int[] a) -> Real.of(a[0]), new int[] {1, 2}));
        MISUSES.put("E4", () -> gradient((Point p) -> p.x().times(p.y()), (Point) null));
        MISUSES.put("E5", () -> {
            Point p = new Point(Real.of(1), Real.of(2));
            jvp((Point q) -> q.x(), p, p);
        });
        MISUSES.put("E6", () -> jvp((Tensor x) -> x.sum(), Tensor.of(1, 2), Tensor.of(1, 0, 0)));
        MISUSES.put("E7", () -> jvp((Real x) -> "x = " + x, Real.of(1), Real.ONE));
        MISUSES.put("E8", () -> pullback((Tensor x) -> x.times(2), Tensor.of(1, 2)).back(Tensor.of(1, 2, 3)));
        MISUSES.put("E9", () -> pullback(x -> x.square(), 3).back(Tensor.of(1, 2)));
        MISUSES.put("E10", () -> Tensor.of(1, 2).plus(Tensor.of(1, 2, 3)));
        MISUSES.put("E11", () -> Tensor.of(1, 2, 3).get(3));
        MISUSES.put("E12", () -> Tensor.of(new double[][] {{1, 2}, {3, 4}}).get(1));
        MISUSES.put("E13", () -> Tensor.of(new double[][] {{1, 2}, {3}}));
        MISUSES.put("E14", () -> Tensor.of(1, 2, 3, 4, 5, 6).reshape(4, 2));
        MISUSES.put("E15", () -> Tensor.zeros(2, -1));
        MISUSES.put("E16", () -> range(3, 1));
        MISUSES.put("E17", () -> Tensor.of(Real.of(1), null));
        MISUSES.put("E18", () -> gradient((a, b) -> a.times(2), 1, 2).real(1));
        MISUSES.put("E19", () -> gradient(x -> x.square(), 3).tensor(0));
        MISUSES.put("E20", () -> gradient(x -> x.square(), 3).get(1));
        MISUSES.put("E21", () -> gradient(x -> x.square(), 3).get(Real.of(3)));
        MISUSES.put("E22", () -> {
            Real[] kept = new Real[1];
            gradient(x -> {
                kept[0] = x;   // the tracked argument escapes into a field
                return x.square();
            }, 3);
            kept[0].sin();     // used after gradient returned
        });
        MISUSES.put("E23", () -> onThread("trainer", () -> gradient(x -> {
            try {
                onThread("logger", () -> x.times(2));   // x belongs to the trainer's gradient
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
            return x.square();
        }, 3)));
        MISUSES.put("E24", () -> {
            Primitive twice = rule("twice", in -> ((Real) in[0]).times(2),
                    a -> ((Real) ((Object[]) a[1])[0]).times(2),
                    a -> new Object[] {((Real) a[1]).times(2), Real.ZERO});   // one too many
            gradient(x -> (Real) twice.apply(x), 1);
        });
        MISUSES.put("E25", () -> {
            Primitive total = rule("total", in -> ((Tensor) in[0]).sum(),
                    a -> ((Tensor) ((Object[]) a[1])[0]).sum(),
                    a -> new Object[] {Tensor.of(((Real) a[1]).value())});   // shape [1], not [3]
            gradient((Tensor x) -> (Real) total.apply(x), Tensor.of(1, 2, 3));
        });
        MISUSES.put("E26", () -> {
            Primitive total = rule("total", in -> ((Tensor) in[0]).sum(),
                    a -> ((Object[]) a[1])[0],   // the input's tangent, a Tensor, for a Real output
                    a -> new Object[] {Tensor.full(((Real) a[1]).value(), 3)});
            jvp((Tensor x) -> (Real) total.apply(x), Tensor.of(1, 2, 3), Tensor.of(1, 0, 0));
        });
        MISUSES.put("E27", () -> {
            Primitive name = rule("name", in -> "x = " + in[0], a -> null, a -> null);
            name.apply(Real.of(1));
        });
        MISUSES.put("E28", () -> GradCheckTest.cube().apply(2.0));
        MISUSES.put("E29", () -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            UnaryOperator<Real> toTensor = (UnaryOperator) (UnaryOperator<Object>) g -> Tensor.of(1);
            gradient(a -> hook(toTensor, a).times(2), 3);
        });
        MISUSES.put("E30", () -> gradient((Tensor x) -> hook(g -> Tensor.ones(3).times(g.sum()), x).sum(),
                Tensor.of(1, 2)));
        MISUSES.put("E31", () -> {
            Primitive wrongSquare = rule("wrongSquare", in -> ((Real) in[0]).square(),
                    a -> ((Real) ((Object[]) a[1])[0]).times((Real) ((Object[]) a[0])[0]).times(2),
                    a -> new Object[] {((Real) a[1]).times((Real) ((Object[]) a[0])[0])});   // forgot the 2
            GradCheck.check(wrongSquare, Real.of(1.5));
        });
        MISUSES.put("E32", () -> GradCheck.withTolerance(0));
        // Tensors: axes, slices and linear algebra
        MISUSES.put("E33", () -> Tensor.of(new double[][] {{1, 2}, {3, 4}}).sum(2));
        MISUSES.put("E34", () -> Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).slice(all(), range(1, 4)));
        MISUSES.put("E35", () -> Tensor.of(1, 2, 3).slice(all(), at(0)));
        MISUSES.put("E36", () -> Tensor.of(new double[][] {{1, 2}, {3, 4}}).matmul(Tensor.of(1, 2, 3)));
        MISUSES.put("E37", () -> Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).det());
        MISUSES.put("E38", () -> Tensor.of(new double[][] {{1, 2}, {2, 4}}).inv());
        MISUSES.put("E39", () -> gradient((Tensor a) -> a.det(), Tensor.of(new double[][] {{1, 2}, {2, 4}})));
        MISUSES.put("E40", () -> Tensor.of(new double[][] {{1, 2}, {3, 4}}).logdet());
        MISUSES.put("E41", () -> Tensor.of(new double[][] {{1, 2}, {2, 1}}).cholesky());
        MISUSES.put("E42", () -> Tensor.of(new double[][] {{2, 0}, {0, 2}}).solve(Tensor.of(1, 2, 3)));
        MISUSES.put("E43", () -> Tensor.zeros(0).max());
        MISUSES.put("E44", () -> Tensor.concat(0, Tensor.of(1, 2), Tensor.of(new double[][] {{3, 4}})));
        MISUSES.put("E45", () -> Tensor.zeros(2, 3, 4).permute(0, 0, 1));
        // Buffers
        MISUSES.put("E46", () -> {
            Buffer buf = Buffer.of(Tensor.of(1, 2));
            buf.copy();
            buf.set(3, 0);
        });
        MISUSES.put("E47", () -> Buffer.of(Tensor.of(1, 2), 2, 3).set(Tensor.of(1, 2, 3), all(), at(0)));
        MISUSES.put("E48", () -> Buffer.of(Tensor.of(1, 2), 2, 3).set(Tensor.of(1, 2), all(), at(3)));
        // forwarddiff and implicit parameters
        MISUSES.put("E49", () -> hessian(x -> forwarddiff(y -> y.pow(3), x), 2));
        MISUSES.put("E50", () -> forwarddiff((String s) -> Real.of(s.length()), "abc"));
        MISUSES.put("E51", () -> gradient((Tensor x) -> {
            Params.of(x);
            return x.sum();
        }, Tensor.of(1, 2)));
        MISUSES.put("E52", () -> {
            Tensor w = Tensor.of(1, 2);
            gradient(ps -> w.sum(), Params.of(w));
        });
        MISUSES.put("E53", () -> {
            Tensor w = Tensor.of(1, 2);
            gradient(() -> w.sum(), Params.of(w)).get(Tensor.of(1, 2));
        });
        MISUSES.put("E54", () -> Params.of(Tensor.of(1, 2)).get(1));
        // jacobian, hessian and checkpointed
        MISUSES.put("E55", () -> jacobian((Point p) -> p.x(), new Point(Real.of(1), Real.of(2))));
        MISUSES.put("E56", () -> jacobian(x -> List.of(x), 2));
        MISUSES.put("E57", () -> checkpointed((List<Real> xs) -> xs.get(0), List.of(Real.of(1))));
        MISUSES.put("E58", () -> hessian(v -> v.square().sum(), Tensor.of(1, 2), 0));
        MISUSES.put("E59", () -> graph((Real x) -> "x = " + x, Real.of(1)));
    }

    /** An entry of the page: its id, title, and the documented exception and message. */
    record Entry(String id, String title, String exception, String message) {
    }

    static Path page() {
        for (Path p : List.of(Path.of("..", "docs", "errors.md"), Path.of("docs", "errors.md"))) {
            if (Files.exists(p)) return p;
        }
        throw new IllegalStateException("docs/errors.md not found from " + Path.of("").toAbsolutePath());
    }

    static List<Entry> entries() throws IOException {
        String text = Files.readString(page());
        Pattern section = Pattern.compile("(?m)^### (E\\d+)\\. (.+)$");
        Pattern thrown = Pattern.compile("(?s)```text\\n(\\w+): (.*?)\\n```");
        List<Entry> out = new ArrayList<>();
        Matcher m = section.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            bounds.add(new int[] {m.end(), 0});
            heads.add(new String[] {m.group(1), m.group(2)});
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? text.lastIndexOf("###", bounds.get(i + 1)[0]) : text.length();
            String body = text.substring(bounds.get(i)[0], end);
            Matcher t = thrown.matcher(body);
            assertTrue(t.find(), heads.get(i)[0] + " has no ```text block with 'Exception: message'");
            out.add(new Entry(heads.get(i)[0], heads.get(i)[1], t.group(1), t.group(2)));
        }
        return out;
    }

    /** The documented message as a pattern: "…" matches any text, everything else literally. */
    static boolean matches(String documented, String actual) {
        StringBuilder re = new StringBuilder();
        for (String part : documented.split("…", -1)) {
            if (re.length() > 0) re.append(".*");
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    @TestFactory
    Stream<DynamicTest> everyEntryThrowsWhatThePageShows() throws IOException {
        return entries().stream().map(e -> DynamicTest.dynamicTest(e.id() + ". " + e.title(), () -> {
            Executable misuse = MISUSES.get(e.id());
            assertNotNull(misuse, e.id() + " is documented but has no misuse in ErrorCatalogueTest");
            Throwable got = null;
            try {
                misuse.execute();
            } catch (Throwable t) {
                got = t;
            }
            if (got == null) fail(e.id() + ": nothing was thrown");
            assertEquals(e.exception(), got.getClass().getSimpleName(), e.id() + ": exception type (message: "
                    + got.getMessage() + ")");
            assertTrue(matches(e.message(), got.getMessage()), e.id() + ": the message differs from the page.\n"
                    + "page:   " + e.message() + "\nthrown: " + got.getMessage());
            assertEquals(0, Levels.depth(), e.id() + ": the level stack is not empty afterwards");
        }));
    }

    @Test
    void everyMisuseIsOnThePage() throws IOException {
        List<String> documented = entries().stream().map(Entry::id).toList();
        assertEquals(new ArrayList<>(MISUSES.keySet()), documented, "catalogue entries, in page order");
    }
}
