package zygote4j.bench.adbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BaTest {
    private static BaInput input() throws IOException {
        return BaInput.read(Resources.adbench("data/ba/test.txt"));
    }

    /** The residuals are given in a comment of the expected file: reproj x, reproj y, w_err. */
    private static double[] expectedResiduals() throws IOException {
        String text = Files.readString(Resources.adbench("expected/ba_test.expected.txt"));
        Matcher m = Pattern.compile("reproj_err\\[2i\\]=(\\S+), reproj_err\\[2i\\+1\\]=(\\S+) for all i<10; w_err\\[i\\]=(\\S+) for all")
                .matcher(text);
        if (!m.find()) throw new AssertionError("the residual comment of ba_test.expected.txt was not found");
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    @Test
    void readsAndReplicatesTheInstance() throws IOException {
        BaInput in = input();
        assertEquals(2, in.n());
        assertEquals(10, in.m());
        assertEquals(10, in.p());
        assertEquals(62, in.cols());
        assertEquals(in.cams()[0], in.cams()[BaInput.NCAM], 0);
        assertEquals(90.859550, in.cams()[3], 0);
        assertEquals(1, in.obs()[2 * 3]);
        assertEquals(3, in.obs()[2 * 3 + 1]);
        assertEquals(-525.672849, in.feats()[18], 0);
    }

    @Test
    void plainResidualsMatchAdbench() throws IOException {
        BaInput in = input();
        double[] r = new double[2 * in.p()], w = new double[in.p()];
        BaPlain.objective(in, r, w);
        double[] e = expectedResiduals();
        for (int i = 0; i < in.p(); i++) {
            AdbenchAssert.close(e[0], r[2 * i], "reproj_err[" + 2 * i + "]");
            AdbenchAssert.close(e[1], r[2 * i + 1], "reproj_err[" + (2 * i + 1) + "]");
            AdbenchAssert.close(e[2], w[i], "w_err[" + i + "]");
        }
    }

    @Test
    void zygoteJacobianMatchesAdbench() throws IOException {
        BaInput in = input();
        double[] res = new double[3 * in.p()];
        BaSparseJacobian j = BaLib.jacobian(in, res);
        assertEquals(30, j.nrows());
        assertEquals(62, j.ncols());
        assertEquals(31, j.rows().length);
        assertEquals(310, j.cols().length);
        AdbenchAssert.close(Expected.read(Resources.adbench("expected/ba_test.expected.txt")).get(0), j.vals(),
                "BA Jacobian values (CSR order)");
        double[] e = expectedResiduals();
        for (int i = 0; i < in.p(); i++) {
            AdbenchAssert.close(e[0], res[2 * i], "Zygote4j reproj_err[" + 2 * i + "]");
            AdbenchAssert.close(e[1], res[2 * i + 1], "Zygote4j reproj_err[" + (2 * i + 1) + "]");
            AdbenchAssert.close(e[2], res[2 * in.p() + i], "Zygote4j w_err[" + i + "]");
        }
    }

    @Test
    void jacobianLayoutIsAdbenchs() throws IOException {
        BaSparseJacobian j = BaSparseJacobian.layout(input());
        // Observation 3 uses camera 1 and point 3: its x row starts at 6 * 15.
        int s = j.rows()[6];
        assertEquals(90, s);
        assertEquals(11, j.cols()[s]);
        assertEquals(22 + 9, j.cols()[s + 11]);
        assertEquals(22 + 30 + 3, j.cols()[s + 14]);
        // The weight rows come last, one non-zero each.
        assertArrayEquals(new int[] {300, 301}, new int[] {j.rows()[20], j.rows()[21]});
        assertEquals(22 + 30 + 9, j.cols()[309]);
    }

    @Test
    void residualsOfPlainAndZygoteCodeAgreeWithoutRotation() throws IOException {
        // A zero rotation takes the other branch of Rodrigues' formula.
        BaInput t = input();
        double[] cams = t.cams().clone();
        for (int c = 0; c < t.n(); c++) for (int k = 0; k < 3; k++) cams[c * BaInput.NCAM + k] = 0;
        BaInput in = new BaInput(t.n(), t.m(), t.p(), cams, t.x(), t.w(), t.obs(), t.feats());
        double[] r = new double[2 * in.p()], w = new double[in.p()], res = new double[3 * in.p()];
        BaPlain.objective(in, r, w);
        BaLib.jacobian(in, res);
        for (int i = 0; i < 2 * in.p(); i++) assertEquals(r[i], res[i], 1e-12 * Math.abs(r[i]));
    }

    @Test
    void batchedJacobianMatchesAdbench() throws IOException {
        BaInput in = input();
        double[] res = new double[3 * in.p()];
        BaSparseJacobian j = BaBatched.jacobian(in, res);
        AdbenchAssert.close(Expected.read(Resources.adbench("expected/ba_test.expected.txt")).get(0), j.vals(),
                "BA Jacobian values (batched)");
        double[] e = expectedResiduals();
        for (int i = 0; i < in.p(); i++) {
            AdbenchAssert.close(e[0], res[2 * i], "batched reproj_err[" + 2 * i + "]");
            AdbenchAssert.close(e[2], res[2 * in.p() + i], "batched w_err[" + i + "]");
        }
        AdbenchAssert.close(10 * (e[0] + e[1] + e[2]), BaBatched.residualSum(in, BaBatched.columns(in)), "residual sum");
    }

    @Test
    void batchesOfAnySizeGiveTheSameJacobian() throws IOException {
        BaInput in = input();
        double[] whole = new double[3 * in.p()], inThrees = new double[3 * in.p()];
        BaSparseJacobian one = BaBatched.jacobian(in, BaBatched.columns(in, in.p()), whole);
        // Batches of 3, 3, 3 and 1 observations.
        BaSparseJacobian four = BaBatched.jacobian(in, BaBatched.columns(in, 3), inThrees);
        assertEquals(4, BaBatched.columns(in, 3).size());
        assertArrayEquals(one.rows(), four.rows());
        assertArrayEquals(one.cols(), four.cols());
        assertArrayEquals(one.vals(), four.vals());
        assertArrayEquals(whole, inThrees);
        AdbenchAssert.close(Expected.read(Resources.adbench("expected/ba_test.expected.txt")).get(0), four.vals(),
                "BA Jacobian values (batches of 3)");
        double sum = 0;
        for (double r : whole) sum += r;
        assertEquals(sum, BaBatched.residualSum(in, BaBatched.columns(in, 3)), 1e-12 * Math.abs(sum));
        assertArrayEquals(BaSparseJacobian.layout(in).cols(), four.cols());
        assertArrayEquals(BaSparseJacobian.layout(in).rows(), four.rows());
        // A matrix filled again: every entry is written, whatever it held.
        BaSparseJacobian again = BaSparseJacobian.ofSize(in);
        java.util.Arrays.fill(again.rows(), -1);
        java.util.Arrays.fill(again.cols(), -1);
        java.util.Arrays.fill(again.vals(), Double.NaN);
        assertSame(again, BaBatched.jacobian(in, BaBatched.columns(in, 3), null, again));
        assertArrayEquals(one.rows(), again.rows());
        assertArrayEquals(one.cols(), again.cols());
        assertArrayEquals(one.vals(), again.vals());
        assertThrows(IllegalArgumentException.class,
                () -> BaBatched.jacobian(in, BaBatched.columns(in), null, BaSparseJacobian.ofSize(input30())));
    }

    /** The test instance with three times the observations. */
    private static BaInput input30() throws IOException {
        BaInput t = input();
        int p = 3 * t.p();
        int[] obs = new int[2 * p];
        double[] w = new double[p], feats = new double[2 * p];
        for (int i = 0; i < p; i++) {
            obs[2 * i] = i % t.n();
            obs[2 * i + 1] = i % t.m();
            w[i] = t.w()[0];
            feats[2 * i] = t.feats()[0];
            feats[2 * i + 1] = t.feats()[1];
        }
        return new BaInput(t.n(), t.m(), p, t.cams(), t.x(), w, obs, feats);
    }

    @Test
    void batchedJacobianTakesZeroRotationsOneByOne() throws IOException {
        // Camera 1 gets a zero rotation: observations 1, 3, 5, ... use the other branch.
        BaInput t = input();
        double[] cams = t.cams().clone();
        for (int k = 0; k < 3; k++) cams[BaInput.NCAM + k] = 0;
        BaInput in = new BaInput(t.n(), t.m(), t.p(), cams, t.x(), t.w(), t.obs(), t.feats());
        double[] r1 = new double[3 * in.p()], r2 = new double[3 * in.p()];
        double[] one = BaLib.jacobian(in, r1).vals();
        double sum = 0;
        for (double r : r1) sum += r;
        for (int size : new int[] {BaBatched.BATCH, 3}) {
            double[] batched = BaBatched.jacobian(in, BaBatched.columns(in, size), r2).vals();
            for (int i = 0; i < one.length; i++) {
                assertEquals(one[i], batched[i], 1e-12 * Math.max(1, Math.abs(one[i])), "value " + i + ", batches of " + size);
            }
            for (int i = 0; i < r1.length; i++) {
                assertEquals(r1[i], r2[i], 1e-12 * Math.max(1, Math.abs(r1[i])), "residual " + i + ", batches of " + size);
            }
            assertEquals(sum, BaBatched.residualSum(in, BaBatched.columns(in, size)), 1e-9 * Math.abs(sum));
        }
    }
}
