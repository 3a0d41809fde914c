package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records (nested), lists and maps as arguments: gradients shaped like the arguments. */
class StructuredArgsTest {
    record Layer(Tensor w, Tensor b) {
    }

    record Model(Layer first, Layer second, Real scale, String name, int width) {
    }

    record Point(Real x, Real y) {
    }

    record Tagged(Real value, double weight, List<Real> extras) {
    }

    static Tensor apply(Layer l, Tensor x) {
        return l.w().times(x).sum(1).plus(l.b());
    }

    static Real loss(Model m, Tensor x) {
        return apply(m.second(), apply(m.first(), x).tanh()).square().sum().times(m.scale());
    }

    static Model model(java.util.Random r) {
        return new Model(new Layer(Prop.tensor(r, -1, 1, 3, 2), Prop.tensor(r, -1, 1, 3)),
                new Layer(Prop.tensor(r, -1, 1, 2, 3), Prop.tensor(r, -1, 1, 2)), Real.of(0.7), "net", 3);
    }

    @Test
    void nestedRecordsGetRecordGradientsThatMatchFiniteDifferences() {
        Prop.forAll("nested records", 3, r -> {
            Model m = model(r);
            Tensor x = Prop.tensor(r, -1, 1, 2);
            Model g = (Model) gradient(mm -> loss(mm, x), m).get(0);
            // non-differentiable components: null, or zero for primitives
            assertNull(g.name());
            assertEquals(0, g.width());
            // each leaf against the explicit gradient with that leaf as the argument
            assertEquals(gradient(w -> loss(new Model(new Layer(w, m.first().b()), m.second(), m.scale(), "net", 3), x),
                    m.first().w()).get(0), g.first().w());
            assertEquals(gradient(b -> loss(new Model(m.first(), new Layer(m.second().w(), b), m.scale(), "net", 3), x),
                    m.second().b()).get(0), g.second().b());
            double fd = Check.fd(s -> loss(new Model(m.first(), m.second(), Real.of(s), "net", 3), x).value(), 0.7);
            Check.close(fd, g.scale().value(), 1e-8, "scale");
            double[] fw = Check.fdGradient(w -> loss(new Model(m.first(), new Layer(w, m.second().b()), m.scale(), "net", 3), x),
                    m.second().w());
            for (int i = 0; i < fw.length; i++) Check.close(fw[i], g.second().w().toDoubleArray()[i], 1e-7, "second.w");
        });
    }

    @Test
    void recordsThatDoNotInfluenceTheResultGetNothing() {
        Point p = new Point(Real.of(2), Real.of(3));
        assertEquals("(Point[x=3.0, y=nothing],)".replace("nothing", "null"),
                gradient(q -> q.x().times(3), p).toString());
        Grads g = gradient((q, s) -> s.times(2), p, 1.0);
        assertNull(g.get(0));
        assertEquals("(nothing, 2.0)", g.toString());
        // a record inside a list, and a double component (not differentiable)
        Tagged t = new Tagged(Real.of(2), 5.0, List.of(Real.of(1), Real.of(4)));
        Tagged gt = (Tagged) gradient(u -> u.value().times(u.extras().get(1)), t).get(0);
        assertEquals(4.0, gt.value().value());
        assertEquals(0.0, gt.weight());
        assertEquals(Arrays.asList(null, Real.of(2)), gt.extras());
    }

    @Test
    void listsGetListsWithNullForNoGradient() {
        List<Object> xs = List.of(Real.of(2), Tensor.of(1, 2), Real.of(5), "label");
        List<?> g = (List<?>) gradient(l -> ((Real) l.get(0)).times(((Tensor) l.get(1)).sum()), xs).get(0);
        assertEquals(4, g.size());
        assertEquals(Real.of(3), g.get(0));
        assertEquals(Tensor.of(2, 2), g.get(1));
        assertNull(g.get(2));
        assertNull(g.get(3));
        // lists of lists, and a list that gets nothing at all
        List<List<Real>> nested = List.of(List.of(Real.of(1), Real.of(2)), List.of(Real.of(3)));
        Grads gn = gradient((l, s) -> l.get(0).get(1).times(l.get(1).get(0)).plus(s), nested, 1.0);
        assertEquals("([[nothing, 3.0], [2.0]], 1.0)".replace("nothing", "null"), gn.toString());
        assertNull(gradient((l, s) -> s.times(2), nested, 1.0).get(0));
        // a mutable list argument works too, and the function sees its tracked elements
        List<Real> mutable = new ArrayList<>(List.of(Real.of(2), Real.of(3)));
        assertEquals("([3.0, 2.0],)", gradient(l -> l.get(0).times(l.get(1)), mutable).toString());
    }

    @Test
    void mapsGetMapsOfTheKeysThatReceivedAGradient() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("w", Tensor.of(1, 2));
        params.put("b", Real.of(3));
        params.put("unused", Real.of(4));
        params.put("note", "text");
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) gradient(
                m -> ((Tensor) m.get("w")).times(((Real) m.get("b"))).sum(), params).get(0);
        assertEquals(List.of("w", "b"), new ArrayList<>(g.keySet()));
        assertEquals(Tensor.of(3, 3), g.get("w"));
        assertEquals(Real.of(3), g.get("b"));
        // a map of records
        Map<String, Layer> layers = Map.of("l", new Layer(Tensor.of(2), Tensor.of(1)));
        @SuppressWarnings("unchecked")
        Map<String, Layer> gl = (Map<String, Layer>) gradient(m -> m.get("l").w().times(m.get("l").b()).sum(), layers).get(0);
        assertEquals(new Layer(Tensor.of(1), Tensor.of(2)), gl.get("l"));
    }

    @Test
    void structuredGradientsDifferentiateAgain() {
        // d/ds of the gradient of s * (x . x) with respect to the record's x: 2x
        Layer l = new Layer(Tensor.of(1, 2), Tensor.of(0));
        Grads g = gradient(s -> ((Layer) gradient(q -> q.w().times(q.w()).sum().times(s), l).get(0)).w().sum(), 3.0);
        assertEquals("(6.0,)", g.toString());
        // pullback with a record argument, called twice
        Pullback p = pullback(q -> q.w().times(q.b()), l);
        assertEquals(new Layer(Tensor.of(0, 0), Tensor.of(3)), p.back(Tensor.of(1, 1)).get(0));
        assertEquals(new Layer(Tensor.of(0, 0), Tensor.of(6)), p.back(Tensor.of(2, 2)).get(0));
    }

    record Strict(Tensor w, Tensor b) {
        Strict {
            java.util.Objects.requireNonNull(w, "w");
            java.util.Objects.requireNonNull(b, "b");
        }
    }

    record Positive(Real sigma) {
        Positive {
            if (sigma.value() <= 0) throw new IllegalArgumentException("sigma must be positive");
        }
    }

    record Pair<A, B>(A first, B second) {
    }

    record WithArrayList(ArrayList<Real> xs) {
    }

    @Test
    void recordConstructorsThatRejectNullsGetZerosForMissingGradients() {
        // Bug guarded: a gradient record was built with null components, which a
        // requireNonNull in the compact constructor rejected with a bare NullPointerException.
        Strict s = new Strict(Tensor.of(1, 2), Tensor.of(3));
        assertEquals(new Strict(Tensor.of(1, 1), Tensor.of(0)), gradient(q -> q.w().sum(), s).get(0));
        assertEquals(new Strict(Tensor.of(2, 2), Tensor.of(0)), pullback(q -> q.w().sum(), s).back(2).get(0));
        // a constructor that validates values cannot hold a gradient: a clear error, with the cause
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> gradient(p -> p.sigma().times(-1), new Positive(Real.of(2))));
        assertTrue(e.getMessage().contains("Positive") && e.getMessage().contains("sigma must be positive"), e.getMessage());
        // an exception from the constructor while the arguments are tracked reaches the caller unchanged
        // (here the function itself builds one)
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
                () -> gradient(x -> new Positive(x.neg()).sigma(), 1.0));
        assertEquals("sigma must be positive", user.getMessage());
    }

    @Test
    void genericRecordsAndBadlyTypedComponents() {
        assertEquals("(Pair[first=3.0, second=2.0],)",
                gradient(p -> ((Real) p.first()).times((Real) p.second()), new Pair<>(Real.of(2), Real.of(3))).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gradient(w -> w.xs().get(0), new WithArrayList(new ArrayList<>(List.of(Real.of(1))))));
        assertTrue(e.getMessage().contains("'xs'") && e.getMessage().contains("declare list and map components as List"),
                e.getMessage());
    }

    @Test
    void unsupportedArgumentsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gradient(a -> Real.ONE, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("double[]") && e.getMessage().contains("Tensor.of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gradient(a -> Real.ONE, "text"));
        assertTrue(e.getMessage().contains("String") && e.getMessage().contains("records"), e.getMessage());
    }
}
