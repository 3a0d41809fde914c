package zygote4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand workloads on ADBench's hand1 instances (N = 100): the plain, Zygote4j and
 * Jacobian runs give the same value and the Jacobian has ADBench's shape (its entries
 * are checked in {@code adbench.HandTest}).
 */
class HandWorkloadTest {
    private static Hand workload(boolean complicated) {
        String dir = complicated ? "hand/complicated_small/" : "hand/simple_small/";
        // The model under data/hand/model is byte-identical to the *_small/model ones.
        return new Hand(WorkloadsTest.adbench(), complicated ? "hand-complicated" : "hand-simple",
                dir + "hand1_t26_c100.txt", "hand/model", complicated);
    }

    private static void check(boolean complicated) {
        Hand w = workload(complicated);
        w.setUp();
        try {
            double plain = w.primalPlain(), lib = w.primalLib();
            GradResult g = w.grad();
            if (!Reference.close(g.value(), plain, 1e-12)) fail("plain value " + plain + " but the Jacobian run gave " + g.value());
            if (!Reference.close(g.value(), lib, 1e-12)) fail("Zygote4j value " + lib + " but the Jacobian run gave " + g.value());
            assertEquals(300 * (complicated ? 28 : 26), g.derivative().length);
            assertEquals(complicated ? "complicated N=100 vertices=544" : "simple N=100 vertices=544", w.size());
            assertNull(w.reference());
        } finally {
            w.tearDown();
        }
    }

    @Test
    void simpleWorkloadAgreesWithItself() {
        check(false);
    }

    @Test
    void complicatedWorkloadAgreesWithItself() {
        check(true);
    }

    @Test
    void bothAreSelectedByTheNameHand() {
        List<Workload> w = Workloads.select(List.of("hand"), WorkloadsTest.adbench());
        assertEquals(2, w.size());
        assertEquals("hand-simple", w.get(0).id());
        assertEquals("hand-complicated", w.get(1).id());
    }
}
