package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

/**
 * The library's tanh against 40-digit arithmetic, at its special points, through the rules,
 * and in its vector form (bit for bit).
 */
class TanhTest {
    private static final DfpField FIELD = new DfpField(40);

    /** tanh(x) to 40 digits, as (e^{2x} - 1) / (e^{2x} + 1). */
    private static Dfp exact(double x) {
        Dfp e = DfpMath.exp(FIELD.newDfp(x).multiply(2));
        return e.subtract(1).divide(e.add(1));
    }

    private static double ulpError(double x) {
        Dfp t = exact(x);
        return Math.abs(t.subtract(FIELD.newDfp(Tanh.of(x))).toDouble()) / Math.ulp(t.toDouble());
    }

    @Test
    void isWithinOneAndAHalfUlpsOfTheExactValue() {
        SplittableRandom r = new SplittableRandom(20261205L);
        double worst = 0, at = 0;
        for (int i = 0; i < 40_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble(-0.625, 0.625);
                case 1 -> r.nextDouble(-3, 3);
                case 2 -> r.nextDouble(-20, 20);
                default -> Math.scalb(r.nextDouble(0.5, 1), -r.nextInt(60)) * (r.nextBoolean() ? 1 : -1);
            };
            double e = ulpError(x);
            if (e > worst) {
                worst = e;
                at = x;
            }
        }
        double w = worst, a = at;
        assertTrue(worst <= 1.5, () -> "tanh is " + w + " ulps off at " + a);
    }

    @Test
    void isAccurateAndMonotoneWhereTheTwoFormulasMeet() {
        double prev = Tanh.of(Math.nextDown(0.625) - 64 * Math.ulp(0.625));
        for (double x = Math.nextDown(0.625) - 63 * Math.ulp(0.625); x < 0.625 + 64 * Math.ulp(0.625); x = Math.nextUp(x)) {
            double y = Tanh.of(x);
            assertTrue(y >= prev, "tanh decreases at " + x);
            assertTrue(ulpError(x) <= 1.5, "tanh is off at " + x);
            prev = y;
        }
    }

    @Test
    void keepsSignedZerosNaNAndSaturatesAtTheInfinities() {
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Tanh.of(0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Tanh.of(-0.0)));
        assertTrue(Double.isNaN(Tanh.of(Double.NaN)));
        assertEquals(1.0, Tanh.of(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Tanh.of(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Tanh.of(1000));
        assertEquals(1.0, Tanh.of(22.5));
        assertEquals(Double.MIN_VALUE, Tanh.of(Double.MIN_VALUE));
        assertEquals(1e-300, Tanh.of(1e-300));
        // Just below where the saturation starts, the formula also gives 1.
        assertEquals(1.0, Tanh.of(21.999));
    }

    @Test
    void theExponentialIsWithinAnUlpOnItsRange() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double t = i == 0 ? 1.25 : i == 1 ? 44 : r.nextDouble(1.25, 44);
            Dfp exact = DfpMath.exp(FIELD.newDfp(t));
            double err = Math.abs(exact.subtract(FIELD.newDfp(Tanh.exp(t))).toDouble()) / Math.ulp(exact.toDouble());
            assertTrue(err <= 1, "exp(" + t + ") is " + err + " ulps off");
        }
    }

    /** Inputs of every kind: both ranges, their border, saturation, zeros, NaN, infinities, tiny values. */
    private static double[] mixedInputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.625,
            -0.625, Math.nextDown(0.625), 22, 22.5, -1000, Double.MIN_VALUE, 1e-300, Double.MAX_VALUE};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (r.nextInt(4)) {
                case 0 -> special[r.nextInt(special.length)];
                case 1 -> r.nextDouble(-0.7, 0.7);
                case 2 -> r.nextGaussian() * 2;
                default -> r.nextDouble(-30, 30);
            };
        }
        return x;
    }

    @Test
    void theVectorFormHasTheScalarBitsAtEveryLengthAndOffset() {
        for (int n = 0; n <= 40; n++) {
            double[] x = mixedInputs(n, n);
            for (int from = 0; from <= Math.min(n, 3); from++) {
                double[] o = new double[n];
                VectorTanh.map(x, o, from, n);
                for (int i = from; i < n; i++) {
                    assertEquals(Double.doubleToRawLongBits(Tanh.of(x[i])), Double.doubleToRawLongBits(o[i]),
                            "tanh(" + x[i] + ") at " + i + " of " + n + " from " + from);
                }
            }
        }
    }

    @Test
    void aTensorsTanhHasTheScalarBits() {
        double[] x = mixedInputs(100_003, 11);
        double[] y = Tensor.of(x).tanh().toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Tanh.of(x[i])), Double.doubleToRawLongBits(y[i]), "at " + x[i]);
        }
    }

    @Test
    void isOdd() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double x = r.nextDouble(-30, 30);
            assertEquals(-Tanh.of(x), Tanh.of(-x), 0.0, "at " + x);
        }
    }

    @Test
    void realAndTensorUseItAndTheDerivativeIsOneMinusItsSquare() {
        double x = 0.3;
        double y = Tanh.of(x);
        assertEquals(y, Real.of(x).tanh().value(), 0.0);
        assertEquals(y, Tensor.of(x, -x).tanh().get(0).value(), 0.0);
        double g = Zygote.gradient((Real t) -> t.tanh(), x).real(0).value();
        assertEquals(1 - y * y, g, 0.0);
        assertEquals(1 - Math.tanh(x) * Math.tanh(x), g, 1e-15);
    }
}
