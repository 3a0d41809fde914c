package zygote4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    @Test
    void firstThreeValuesAreThoseOfWorkloadsMd() {
        SplitMix64 g = new SplitMix64();
        assertEquals(0.4831297575436466, g.nextDouble(), 0);
        assertEquals(-0.6801792142461598, g.nextDouble(), 0);
        assertEquals(-0.4427977394897227, g.nextDouble(), 0);
    }

    @Test
    void arraysContinueTheSameStreamAndScale() {
        double[] a = new SplitMix64().doubles(3, 0.1);
        assertEquals(0.4831297575436466 * 0.1, a[0], 0);
        assertEquals(-0.6801792142461598 * 0.1, a[1], 0);
        assertEquals(-0.4427977394897227 * 0.1, a[2], 0);
    }

    @Test
    void valuesStayInMinusOneToOne() {
        SplitMix64 g = new SplitMix64(123);
        for (int i = 0; i < 100_000; i++) {
            double d = g.nextDouble();
            if (d < -1 || d >= 1) throw new AssertionError("value " + d + " at draw " + i + " is outside [-1, 1)");
        }
    }
}
