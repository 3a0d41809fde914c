package zygote4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import zygote4j.bench.adbench.BaBatched;
import zygote4j.bench.adbench.BaInput;
import zygote4j.bench.adbench.BaPlain;
import zygote4j.bench.adbench.BaSparseJacobian;

/**
 * W8 ba: ADBench's bundle-adjustment residuals and their sparse Jacobian (CSR, 3p rows,
 * 11n + 3m + p columns) on {@code data/ba/ba1_n49_m7776_p31843.txt}. The value is the
 * sum of all residuals; the checksum is the sum of all Jacobian non-zeros. The Zygote4j
 * version is {@link BaBatched} (whole-array over batches of observations); {@code BaLib} has
 * the per-observation version, one pullback per 2 x 15 block, as ADBench's tools do.
 *
 * <pre>{@code new Ba(adbench).grad().checksum();}</pre>
 */
public final class Ba extends AdbenchWorkload {
    private BaInput in;
    private double[] reproj, wErr, residuals;
    private List<BaBatched.Batch> cols;
    /** The Jacobian each grad() writes again, as ADBench's tools refill one matrix. */
    private BaSparseJacobian jac;

    Ba(Path adbench) {
        super(adbench);
    }

    @Override
    public String id() {
        return "W8";
    }

    @Override
    public String name() {
        return "ba";
    }

    @Override
    public String size() {
        return "n=49 m=7776 p=31843";
    }

    @Override
    public String libStyle() {
        return "whole-array over batches of " + BaBatched.BATCH + " observations, 2 backward passes each";
    }

    @Override
    public void setUp() {
        Path f = dataFile("ba/ba1_n49_m7776_p31843.txt");
        try {
            in = BaInput.read(f);
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        reproj = new double[2 * in.p()];
        wErr = new double[in.p()];
        residuals = new double[3 * in.p()];
        cols = BaBatched.columns(in);
        jac = BaSparseJacobian.ofSize(in);
    }

    @Override
    public void tearDown() {
        in = null;
        reproj = wErr = residuals = null;
        cols = null;
        jac = null;
    }

    @Override
    public double primalPlain() {
        BaPlain.objective(in, reproj, wErr);
        double s = 0;
        for (double r : reproj) s += r;
        for (double r : wErr) s += r;
        return s;
    }

    @Override
    public double primalLib() {
        return BaBatched.residualSum(in, cols);
    }

    @Override
    public GradResult grad() {
        BaSparseJacobian j = BaBatched.jacobian(in, cols, residuals, jac);
        double s = 0;
        for (double r : residuals) s += r;
        return new GradResult(s, j.vals());
    }
}
