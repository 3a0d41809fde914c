package zygote4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import zygote4j.bench.adbench.BaInput;
import zygote4j.bench.adbench.BaLib;

/**
 * Every workload computes the function WORKLOADS.md defines: its plain, Zygote4j and
 * gradient values agree, and value and checksum match the reference figures (computed
 * independently with PyTorch) to 1e-9 relative.
 */
class WorkloadsTest {
    static Path adbench() {
        try {
            return Path.of(WorkloadsTest.class.getResource("/adbench").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GradResult check(Workload w) {
        w.setUp();
        try {
            double plain = w.primalPlain(), lib = w.primalLib();
            GradResult g = w.grad();
            assertClose(g.value(), plain, w.id() + " plain value");
            assertClose(g.value(), lib, w.id() + " Zygote4j value");
            Reference r = w.reference();
            if (r != null) {
                if (!r.valueMatches(g.value())) fail(w.id() + ": value " + g.value() + " differs from reference " + r.value());
                if (!r.checksumMatches(g.checksum())) {
                    fail(w.id() + ": checksum " + g.checksum() + " differs from reference " + r.checksum());
                }
            }
            return g;
        } finally {
            w.tearDown();
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        if (!Reference.close(actual, expected, 1e-9)) fail(what + ": " + actual + " but the gradient run gave " + expected);
    }

    @Test
    void scalarLoopMatchesTheReference() {
        GradResult g = check(new ScalarLoop());
        assertEquals(1.3491014105970798, g.derivative()[0], 1e-12);
        assertEquals(0.0057182937927465205, g.derivative()[1], 1e-12);
    }

    @Test
    void rosenbrockMatchesTheReference() {
        GradResult g = check(new Rosenbrock());
        assertEquals(175.51995682980788, g.derivative()[0], 1e-9);
        assertEquals(-432.42406982029127, g.derivative()[1], 1e-9);
    }

    @Test
    void mlpMatchesTheReference() {
        GradResult g = check(new Mlp());
        assertEquals(-0.0009382599817685214, g.derivative()[0], 1e-15);
        assertEquals(0.00013921139431757176, g.derivative()[2], 1e-15);
    }

    @Test
    void gmmMatchesTheReference() {
        GradResult g = check(new Gmm(adbench(), "W4", "1k/gmm_d10_K25.txt", Reference.of(-25649.6526211973, -17695.995235195696)));
        assertEquals(48.346683416110565, g.derivative()[0], 1e-9);
        assertEquals(-35.275500604705854, g.derivative()[1], 1e-9);
    }

    @Test
    void hessianMatchesTheReference() {
        GradResult g = check(new HessianLoop());
        assertEquals(1.7930785251842927, g.derivative()[0], 1e-12);
        assertEquals(0.685514812435049, g.derivative()[1], 1e-12);
        assertEquals(-0.01711430116164356, g.derivative()[2], 1e-12);
        // symmetric
        double[] h = g.derivative();
        for (int i = 0; i < 100; i++) for (int j = 0; j < i; j++) assertEquals(h[i * 100 + j], h[j * 100 + i], 1e-12);
    }

    @Test
    void powLoopMatchesTheReference() {
        check(new PowLoop());
    }

    @Test
    void lstmMatchesAdbench() {
        Lstm w = new Lstm(adbench());
        check(w);
        // The reference comes from ADBench's expected file, read at setUp.
        w.setUp();
        assertEquals(0.66666518, w.reference().value(), 0);
        w.tearDown();
    }

    @Test
    void baBatchedJacobianEqualsThePerObservationOne() throws Exception {
        GradResult g = check(new Ba(adbench()));
        BaInput in = BaInput.read(adbench().resolve("data/ba/ba1_n49_m7776_p31843.txt"));
        double[] one = BaLib.jacobian(in, null).vals();
        assertEquals(one.length, g.derivative().length);
        for (int i = 0; i < one.length; i += 97) {
            assertEquals(one[i], g.derivative()[i], 1e-12 * Math.max(1, Math.abs(one[i])), "Jacobian value " + i);
        }
    }

    @Test
    void missingAdbenchDataIsReportedNotThrownAsIoError() {
        Workload w = new Lstm(Path.of("/nonexistent/adbench"));
        Workload.Unavailable e = assertThrows(Workload.Unavailable.class, w::setUp);
        assertTrue(e.getMessage().contains("--adbench"), e.getMessage());
    }

    @Test
    void selectionByIdOrNameKeepsWorkloadsMdOrder() {
        List<Workload> w = Workloads.select(List.of("pow-loop", "w1"), adbench());
        assertEquals("W1", w.get(0).id());
        assertEquals("W6", w.get(1).id());
        assertEquals(11, Workloads.all(adbench()).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workloads.select(List.of("W9"), adbench()));
        assertTrue(e.getMessage().contains("W9") && e.getMessage().contains("W8"), e.getMessage());
        assertNull(new Ba(adbench()).reference());
    }
}
