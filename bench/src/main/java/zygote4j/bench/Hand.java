package zygote4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import zygote4j.bench.adbench.HandInput;
import zygote4j.bench.adbench.HandLib;
import zygote4j.bench.adbench.HandPlain;

/**
 * hand: ADBench's hand-tracking residuals and their dense Jacobian (3N x 26 for the
 * simple variant; 3N x 28 for the complicated one, the two compressed u columns first),
 * on an ADBench instance and its model. The value is the sum of all residuals; the
 * checksum is the sum of all Jacobian entries. The Zygote4j version is {@link HandLib}:
 * a bone chain on small tensors, whole-array skinning, and the Jacobian by forward mode
 * (one {@code jvp} per column), since there are far more residuals than parameters.
 *
 * <pre>{@code new Hand(adbench, "hand-simple", "hand/simple_small/hand1_t26_c100.txt", "hand/simple_small/model", false);}</pre>
 */
public final class Hand extends AdbenchWorkload {
    private final String id, file, modelDir;
    private final boolean complicated;
    private HandInput in;
    private HandLib.Constants constants;
    private double[] residuals;

    /**
     * @param adbench the ADBench folder
     * @param id the workload id
     * @param file the instance, relative to {@code data/}
     * @param modelDir its model directory, relative to {@code data/}
     * @param complicated whether the instance is the complicated variant (with us)
     */
    Hand(Path adbench, String id, String file, String modelDir, boolean complicated) {
        super(adbench);
        this.id = id;
        this.file = file;
        this.modelDir = modelDir;
        this.complicated = complicated;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return "hand";
    }

    @Override
    public String size() {
        String variant = complicated ? "complicated" : "simple";
        return in == null ? variant + " " + Path.of(file).getFileName() : variant + " N=" + in.correspondences().length + " vertices="
                + in.model().vertexCount();
    }

    @Override
    public String libStyle() {
        return "whole-array skinning, Jacobian by jvp per column";
    }

    @Override
    public void setUp() {
        Path f = dataFile(file);
        Path model = dataFile(modelDir + "/bones.txt").getParent();
        try {
            in = HandInput.read(f, model, complicated);
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        constants = HandLib.constants(in);
        residuals = new double[3 * in.correspondences().length];
    }

    @Override
    public void tearDown() {
        in = null;
        constants = null;
        residuals = null;
    }

    @Override
    public double primalPlain() {
        return HandPlain.residualSum(in);
    }

    @Override
    public double primalLib() {
        return HandLib.residualSum(in, constants);
    }

    @Override
    public GradResult grad() {
        double[] j = HandLib.jacobian(in, constants, residuals);
        double s = 0;
        for (double r : residuals) s += r;
        return new GradResult(s, j);
    }
}
