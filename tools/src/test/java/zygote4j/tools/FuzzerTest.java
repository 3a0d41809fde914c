package zygote4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CI budget of the differential fuzzer: a fixed base seed, two thousand programs. */
class FuzzerTest {
    @Test
    void randomProgramsAgreeAcrossModesOrdersAndFiniteDifferences() {
        long base = Long.getLong("zygote4j.seed", 20261126L);
        Fuzzer f = new Fuzzer(base);
        int trials = 2000;
        for (int t = 0; t < trials; t++) f.trial(t);
        assertEquals(0, f.failures().size(), () -> f.summary(trials) + "\n" + String.join("\n", f.failures()));
        assertTrue(f.summary(trials).contains(trials + " programs"));
    }
}
