package zygote4j.bench.adbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zygote4j.Zygote.withgradient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zygote4j.Grads;
import zygote4j.Real;
import zygote4j.WithGradient;

class GmmTest {
    private static GmmInput test() throws IOException {
        return GmmInput.read(Resources.adbench("data/gmm/test.txt"));
    }

    private static List<double[]> expected() throws IOException {
        return Expected.read(Resources.adbench("expected/gmm_test.expected.txt"));
    }

    @Test
    void readsTheTestInstance() throws IOException {
        GmmInput in = test();
        assertEquals(2, in.d());
        assertEquals(3, in.k());
        assertEquals(1, in.n());
        assertEquals(3, in.icfSize());
        assertEquals(-0.649014, in.alphas()[0], 0);
        assertEquals(0.396767, in.means()[3], 0);
        assertEquals(-1.270071, in.icf()[8], 0);
        assertEquals(2.029160, in.x()[1], 0);
        assertEquals(1.0, in.gamma(), 0);
        assertEquals(0, in.m());
    }

    @Test
    void plainObjectiveMatchesAdbench() throws IOException {
        AdbenchAssert.close(expected().get(0)[0], GmmPlain.objective(test()), "GMM objective (plain)");
    }

    @Test
    void zygoteObjectiveAndGradientMatchAdbench() throws IOException {
        GmmInput in = test();
        WithGradient r = withgradient((a, m, q) -> GmmScalar.objective(a, m, q, in), GmmScalar.alphas(in),
                GmmScalar.means(in), GmmScalar.icf(in));
        AdbenchAssert.close(expected().get(0)[0], ((Real) r.val()).value(), "GMM objective (Zygote4j)");
        Grads g = r.grad();
        double[] all = concat(g.tensor(0).toDoubleArray(), g.tensor(1).toDoubleArray(), g.tensor(2).toDoubleArray());
        AdbenchAssert.close(expected().get(1), all, "GMM gradient [alphas, means, icf]");
    }

    @Test
    void wholeArrayObjectiveAndGradientMatchAdbench() throws IOException {
        GmmInput in = test();
        WithGradient r = withgradient((a, m, q) -> GmmArrays.objective(a, m, q, in), GmmScalar.alphas(in),
                GmmScalar.means(in), GmmScalar.icf(in));
        AdbenchAssert.close(expected().get(0)[0], ((Real) r.val()).value(), "GMM objective (whole-array)");
        Grads g = r.grad();
        double[] all = concat(g.tensor(0).toDoubleArray(), g.tensor(1).toDoubleArray(), g.tensor(2).toDoubleArray());
        AdbenchAssert.close(expected().get(1), all, "GMM gradient (whole-array)");
    }

    @Test
    void replicatePointModeRepeatsTheOnePoint(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("g.txt");
        Files.writeString(f, "2 1 3\n0.5\n1 2\n0.1 0.2 0.3\n7 8\n1.000000 0\n");
        GmmInput in = GmmInput.read(f);
        assertEquals(3, in.n());
        assertEquals(7, in.x()[4], 0);
        assertEquals(8, in.x()[5], 0);
    }

    @Test
    void aTruncatedFileIsAClearError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("g.txt");
        Files.writeString(f, "2 1 3\n0.5\n1 2\n0.1 0.2 0.3\n7 8\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GmmInput.read(f));
        assertEquals(true, e.getMessage().contains("points"), e.getMessage());
    }

    @Test
    void lgammaMatchesClosedForms() {
        assertEquals(Math.log(24), SpecialFunctions.lgamma(5), 1e-14);
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.lgamma(0.5), 1e-14);
        assertEquals(Math.log(0.75 * Math.sqrt(Math.PI)), SpecialFunctions.lgamma(2.5), 1e-14);
        assertEquals(Math.log(3628800), SpecialFunctions.lgamma(11), 1e-13);
        assertEquals(0, SpecialFunctions.lgamma(1), 1e-15);
        assertEquals(0, SpecialFunctions.lgamma(2), 1e-15);
        // lgamma(x) ~ -log(x) for small x
        assertEquals(-Math.log(1e-8) - 0.5772156649015329 * 1e-8, SpecialFunctions.lgamma(1e-8), 1e-12);
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) n += p.length;
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
