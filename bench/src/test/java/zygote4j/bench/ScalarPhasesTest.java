package zygote4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import zygote4j.Grads;
import zygote4j.Pullback;
import zygote4j.Real;

/**
 * {@code bench phases} times the functions of WORKLOADS.md: the tape it records has the
 * reference value and gradient checksum, and its two primals compute the same value. (No
 * timing is checked.)
 */
class ScalarPhasesTest {
    private static void assertReference(ScalarPhases.Case c, Reference r) {
        Pullback p = c.record().get();
        double value = ((Real) p.value()).value();
        assertTrue(r.valueMatches(value), c.id() + " value " + value);
        Grads g = p.back(1);
        double checksum = 0;
        for (int k = 0; k < g.size(); k++) {
            Object o = g.get(k);
            if (o instanceof Real x) checksum += x.value();
            else for (double d : ((zygote4j.Tensor) o).toDoubleArray()) checksum += d;
        }
        assertTrue(r.checksumMatches(checksum), c.id() + " checksum " + checksum + ", reference " + r.checksum());
        assertTrue(Reference.close(c.lib().get(), value, Reference.RELATIVE), c.id() + " primal_lib");
        assertTrue(Reference.close(c.plain().get(), value, Reference.RELATIVE), c.id() + " primal_plain");
    }

    @Test
    void eachCaseComputesItsWorkload() throws IOException {
        Path adbench = WorkloadsTest.adbench();
        assertReference(ScalarPhases.build("W1", adbench), new ScalarLoop().reference());
        assertReference(ScalarPhases.build("W6", adbench), new PowLoop().reference());
        Lstm lstm = new Lstm(adbench);
        lstm.setUp();
        ScalarPhases.Case w7 = ScalarPhases.build("W7", adbench);
        assertNotNull(w7, "W7's data is in the test resources");
        assertReference(w7, lstm.reference());
    }

    @Test
    void measuringGivesFiguresForEveryPhase() throws IOException {
        ScalarPhases.Figures f = ScalarPhases.measure(ScalarPhases.build("W1", WorkloadsTest.adbench()), 3);
        assertEquals("W1", f.id());
        assertTrue(f.record() > 0 && f.back() > 0 && f.lib() > 0 && f.plain() > 0, f.toString());
        // the tape holds at least 24 bytes per entry, 11 entries per step of the loop
        assertTrue(f.recordBytes() < 0 || f.recordBytes() > 24L * 11 * (ScalarLoop.N - 1), f.toString());
    }

    @Test
    void anUnknownWorkloadIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalarPhases.build("W2", WorkloadsTest.adbench()));
        assertTrue(e.getMessage().contains("no scalar workload 'W2'"), e.getMessage());
    }
}
