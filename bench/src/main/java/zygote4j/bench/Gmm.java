package zygote4j.bench;

import static zygote4j.Zygote.withgradient;

import java.io.IOException;
import java.nio.file.Path;
import zygote4j.Grads;
import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;
import zygote4j.bench.adbench.GmmArrays;
import zygote4j.bench.adbench.GmmInput;
import zygote4j.bench.adbench.GmmPlain;
import zygote4j.bench.adbench.GmmScalar;

/**
 * W4 gmm: ADBench's GMM objective and its gradient with respect to alphas, means and
 * icf, on an ADBench instance file. The Zygote4j version is {@link GmmArrays}
 * (whole-array over points and components: a batched {@code matmul}, {@code logsumexp(0)}).
 *
 * <pre>{@code new Gmm(adbench, "W4", "1k/gmm_d10_K25.txt", reference);}</pre>
 */
public final class Gmm extends AdbenchWorkload {
    private final String id, file;
    private final Reference reference;
    private GmmInput in;
    private Tensor alphas, means, icf;

    /**
     * @param adbench the ADBench folder
     * @param id the workload id
     * @param file the instance, relative to {@code data/gmm/}
     * @param reference the reference figures, or null
     */
    Gmm(Path adbench, String id, String file, Reference reference) {
        super(adbench);
        this.id = id;
        this.file = file;
        this.reference = reference;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return "gmm";
    }

    @Override
    public String size() {
        return in == null ? file : "d=" + in.d() + " K=" + in.k() + " n=" + in.n();
    }

    @Override
    public String libStyle() {
        return "whole-array [K, n, d]: batched matmul, logsumexp(0)";
    }

    @Override
    public Reference reference() {
        return reference;
    }

    @Override
    public void setUp() {
        Path f = dataFile("gmm/" + file);
        try {
            in = GmmInput.read(f);
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        alphas = GmmScalar.alphas(in);
        means = GmmScalar.means(in);
        icf = GmmScalar.icf(in);
    }

    @Override
    public void tearDown() {
        in = null;
        alphas = means = icf = null;
    }

    @Override
    public double primalPlain() {
        return GmmPlain.objective(in);
    }

    @Override
    public double primalLib() {
        return GmmArrays.objective(alphas, means, icf, in).value();
    }

    @Override
    public GradResult grad() {
        WithGradient r = withgradient((a, m, q) -> GmmArrays.objective(a, m, q, in), alphas, means, icf);
        Grads g = r.grad();
        return new GradResult(((Real) r.val()).value(),
                concat(g.tensor(0).toDoubleArray(), g.tensor(1).toDoubleArray(), g.tensor(2).toDoubleArray()));
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
