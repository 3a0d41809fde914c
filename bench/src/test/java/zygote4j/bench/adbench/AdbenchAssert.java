package zygote4j.bench.adbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** ADBench's own comparison: |x - y| / max(1, |x| + |y|) <= 1e-8. */
final class AdbenchAssert {
    static final double TOL = 1e-8;

    private AdbenchAssert() {
    }

    static void close(double expected, double actual, String what) {
        if (!Expected.close(expected, actual, TOL)) {
            fail(what + ": expected " + expected + " but got " + actual + " (ADBench tolerance " + TOL + ")");
        }
    }

    static void close(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) close(expected[i], actual[i], what + "[" + i + "]");
    }
}
