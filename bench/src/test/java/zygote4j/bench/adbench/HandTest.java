package zygote4j.bench.adbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static zygote4j.Zygote.jacobian;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import zygote4j.Tensor;

class HandTest {
    private static HandInput simple() throws IOException {
        return HandInput.read(Resources.adbench("data/hand/test.txt"), Resources.adbench("data/hand/model"), false);
    }

    private static HandInput complicated() throws IOException {
        return HandInput.read(Resources.adbench("data/hand/hand_complicated.txt"), Resources.adbench("data/hand/model"), true);
    }

    private static List<double[]> expected(String name) throws IOException {
        return Expected.read(Resources.adbench("expected/" + name));
    }

    private static double[] plainResiduals(HandInput in, double[] theta, double[] us) {
        double[] err = new double[3 * in.correspondences().length];
        HandPlain.objective(in, theta, us, err);
        return err;
    }

    @Test
    void plainObjectiveMatchesAdbench() throws IOException {
        HandInput s = simple(), c = complicated();
        AdbenchAssert.close(expected("hand_test_simple.expected.txt").get(0), plainResiduals(s, s.theta(), null),
                "plain simple residuals");
        AdbenchAssert.close(expected("hand_complicated.expected.txt").get(0), plainResiduals(c, c.theta(), c.us()),
                "plain complicated residuals");
    }

    @Test
    void zygoteResidualsMatchAdbench() throws IOException {
        HandInput s = simple(), c = complicated();
        AdbenchAssert.close(expected("hand_test_simple.expected.txt").get(0),
                HandLib.residuals(Tensor.of(s.theta()), HandLib.constants(s)).toDoubleArray(), "Zygote4j simple residuals");
        AdbenchAssert.close(expected("hand_complicated.expected.txt").get(0),
                HandLib.residuals(Tensor.of(c.theta()), Tensor.of(c.us()), HandLib.constants(c)).toDoubleArray(),
                "Zygote4j complicated residuals");
    }

    @Test
    void simpleJacobianMatchesAdbench() throws IOException {
        HandInput in = simple();
        List<double[]> e = expected("hand_test_simple.expected.txt");
        double[] res = new double[6];
        double[] j = HandLib.jacobian(in, HandLib.constants(in), res);
        assertEquals(6 * 26, j.length);
        AdbenchAssert.close(e.get(1), j, "simple Jacobian (column-major, 6 x 26)");
        AdbenchAssert.close(e.get(0), res, "residuals returned with the simple Jacobian");
    }

    @Test
    void complicatedJacobianMatchesAdbench() throws IOException {
        HandInput in = complicated();
        List<double[]> e = expected("hand_complicated.expected.txt");
        double[] res = new double[6];
        double[] j = HandLib.jacobian(in, HandLib.constants(in), res);
        assertEquals(6 * 28, j.length);
        AdbenchAssert.close(e.get(1), j, "complicated Jacobian (column-major, 6 x 28: du0, du1, 26 theta)");
        AdbenchAssert.close(e.get(0), res, "residuals returned with the complicated Jacobian");
    }

    @Test
    void complicatedJacobianAgreesWithCentralDifferences() throws IOException {
        HandInput in = complicated();
        double[] j = HandLib.jacobian(in, HandLib.constants(in), null);
        int rows = 6;
        double h = 1e-6;
        for (int col = 0; col < 28; col++) {
            double[] tp = in.theta().clone(), tm = in.theta().clone(), up = in.us().clone(), um = in.us().clone();
            if (col < 2) {
                // The compressed u column: move every point's u_col at once.
                for (int i = col; i < up.length; i += 2) {
                    up[i] += h;
                    um[i] -= h;
                }
            } else {
                tp[col - 2] += h;
                tm[col - 2] -= h;
            }
            double[] fp = plainResiduals(in, tp, up), fm = plainResiduals(in, tm, um);
            for (int r = 0; r < rows; r++) {
                double fd = (fp[r] - fm[r]) / (2 * h);
                assertEquals(fd, j[col * rows + r], 1e-8, "column " + col + ", row " + r);
            }
        }
    }

    @Test
    void jacobiansOfTheBenchmarkInstancesAgreeWithCentralDifferences() throws IOException {
        for (boolean comp : new boolean[] {false, true}) {
            String file = comp ? "data/hand/complicated_small/hand1_t26_c100.txt" : "data/hand/simple_small/hand1_t26_c100.txt";
            HandInput in = HandInput.read(Resources.adbench(file), Resources.adbench("data/hand/model"), comp);
            double[] res = new double[300];
            double[] j = HandLib.jacobian(in, HandLib.constants(in), res);
            double[] plain = plainResiduals(in, in.theta(), in.us());
            for (int r = 0; r < 300; r++) assertEquals(plain[r], res[r], 1e-14, file + " residual " + r);
            int uCols = comp ? 2 : 0;
            double h = 1e-6;
            for (int col = 0; col < uCols + 26; col++) {
                double[] tp = in.theta().clone(), tm = in.theta().clone();
                double[] up = comp ? in.us().clone() : null, um = comp ? in.us().clone() : null;
                if (col < uCols) {
                    for (int i = col; i < up.length; i += 2) {
                        up[i] += h;
                        um[i] -= h;
                    }
                } else {
                    tp[col - uCols] += h;
                    tm[col - uCols] -= h;
                }
                double[] fp = plainResiduals(in, tp, up), fm = plainResiduals(in, tm, um);
                for (int r = 0; r < 300; r++) {
                    assertEquals((fp[r] - fm[r]) / (2 * h), j[col * 300 + r], 1e-8, file + " column " + col + ", row " + r);
                }
            }
        }
    }

    @Test
    void reverseModeJacobianAgreesWithForwardMode() throws IOException {
        HandInput in = simple();
        HandLib.Constants c = HandLib.constants(in);
        double[] forward = HandLib.jacobian(in, c, null);
        double[] reverse = jacobian(t -> HandLib.residuals(t, c), Tensor.of(in.theta())).tensor(0).toDoubleArray();
        for (int r = 0; r < 6; r++) {
            for (int k = 0; k < 26; k++) {
                assertEquals(forward[k * 6 + r], reverse[r * 26 + k], 1e-13, "row " + r + ", theta " + k);
            }
        }
    }

    @Test
    void smallGlobalRotationIsTheIdentityInBothVersions() throws IOException {
        // Below an angle of 1e-4 ADBench uses the identity: plain and Zygote4j code agree there too.
        HandInput t = complicated();
        double[] theta = t.theta().clone();
        theta[0] = 3e-5;
        theta[1] = -2e-5;
        theta[2] = 0;
        HandInput in = new HandInput(t.model(), t.correspondences(), t.points(), t.us(), theta);
        double[] plain = plainResiduals(in, theta, in.us());
        HandLib.Constants c = HandLib.constants(in);
        double[] lib = HandLib.residuals(Tensor.of(theta), Tensor.of(in.us()), c).toDoubleArray();
        for (int r = 0; r < 6; r++) assertEquals(plain[r], lib[r], 1e-14, "row " + r);
        double[] j = HandLib.jacobian(in, c, null);
        // The identity does not depend on theta[0..2]; the translation columns stay -I.
        for (int r = 0; r < 18; r++) assertEquals(0, j[2 * 6 + r], 0, "rotation columns, entry " + r);
        for (int r = 0; r < 6; r++) assertEquals(r % 3 == 0 ? -1 : 0, j[5 * 6 + r], 0, "translation x column, row " + r);
    }

    @Test
    void residualSumsOfPlainAndZygoteCodeAgree() throws IOException {
        for (HandInput in : new HandInput[] {simple(), complicated()}) {
            double plain = HandPlain.residualSum(in), lib = HandLib.residualSum(in, HandLib.constants(in));
            assertEquals(plain, lib, 1e-14);
        }
    }

    @Test
    void wrongArgumentsSayWhatIsExpected() throws IOException {
        HandInput s = simple(), c = complicated();
        HandLib.Constants cs = HandLib.constants(s), cc = HandLib.constants(c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandLib.residuals(Tensor.zeros(25), cs));
        assertTrue(e.getMessage().contains("26"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HandLib.residuals(Tensor.of(c.theta()), cc));
        assertTrue(e.getMessage().contains("residuals(theta, us, c)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HandLib.residuals(Tensor.of(c.theta()), Tensor.zeros(3), cc));
        assertTrue(e.getMessage().contains("expected 2 per point = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HandPlain.objective(s, s.theta(), new double[4], new double[6]));
        assertTrue(e.getMessage().contains("simple"), e.getMessage());
    }

    @Test
    void readsTheModel() throws IOException {
        HandModel m = HandModel.read(Resources.adbench("data/hand/model"));
        assertEquals(22, m.boneCount());
        assertEquals(544, m.vertexCount());
        assertEquals(1084 * 3, m.triangles().length);
        assertEquals("wrist", m.boneNames()[0]);
        assertEquals(-1, m.parents()[0]);
        assertEquals(1, m.parents()[2]);
        assertEquals(0.9205236434936523, m.baseRelatives()[0], 0);
        assertEquals(0.9205235242843628, m.inverseBaseAbsolutes()[0], 0);
        assertEquals(0.028303472325205803, m.positions()[0], 0);
        // Vertex 0: bones 2, 0, 3, 5 with these weights.
        int nv = m.vertexCount();
        assertEquals(0.2707933843876052, m.weights()[2 * nv], 0);
        assertEquals(0.3625080610927875, m.weights()[0], 0);
        assertEquals(0.2437626707111821, m.weights()[5 * nv], 0);
        assertEquals(290, m.triangles()[0]);
        // Every vertex's weights sum to 1.
        for (int v = 0; v < nv; v++) {
            double s = 0;
            for (int b = 0; b < m.boneCount(); b++) s += m.weights()[b * nv + v];
            assertEquals(1, s, 1e-6, "weights of vertex " + v);
        }
    }

    @Test
    void readsSimpleAndComplicatedInstances() throws IOException {
        HandInput s = HandInput.read(Resources.adbench("data/hand/test.txt"), Resources.adbench("data/hand/model"), false);
        assertEquals(2, s.correspondences().length);
        assertEquals(309, s.correspondences()[0]);
        assertEquals(-1.730528, s.points()[5], 0);
        assertNull(s.us());
        assertEquals(26, s.theta().length);
        assertEquals(-0.521279, s.theta()[0], 0);
        HandInput c = HandInput.read(Resources.adbench("data/hand/hand_complicated.txt"), Resources.adbench("data/hand/model"), true);
        assertEquals(4, c.us().length);
        assertEquals(0.5, c.us()[3], 0);
        assertEquals(26, c.theta().length);
    }

    @Test
    void readingAComplicatedFileAsSimpleSaysWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandInput.read(
                Resources.adbench("data/hand/hand_complicated.txt"), Resources.adbench("data/hand/model"), false));
        assertTrue(e.getMessage().contains("complicated"), e.getMessage());
    }
}
