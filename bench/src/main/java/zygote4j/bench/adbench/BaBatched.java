package zygote4j.bench.adbench;

import static zygote4j.Zygote.pullback;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import zygote4j.Grads;
import zygote4j.Pullback;
import zygote4j.Tensor;

/**
 * ADBench's BA residuals for many observations at once, with whole-array operations on
 * vectors (one vector per input: the 11 camera parameters, 3 point coordinates and the
 * weight of each observation), and the sparse Jacobian from two backward passes: since
 * observation i's errors depend only on entry i of each vector, the gradient of the sum
 * of all x errors holds every x row of the Jacobian, and the same for y. The
 * observations are taken in batches of {@link #BATCH}, so that a batch's intermediate
 * vectors stay in the processor's cache through both passes and while its rows are
 * written. Observations whose rotation is exactly zero (a different branch of Rodrigues'
 * formula) are taken one at a time by {@link BaLib}.
 *
 * <pre>{@code BaSparseJacobian j = BaBatched.jacobian(in, residuals);}</pre>
 */
public final class BaBatched {
    /**
     * Observations per batch: the batch's 70 or so intermediate vectors of 2048 doubles
     * (16 KiB each) come to about a second-level cache (1 MiB per core on the benchmark
     * machine), and an operation on 2048 elements is still long enough that what it costs
     * besides its loop hardly shows. 1024 and 4096 measured about the same; the whole 31843
     * at once, a third slower.
     */
    public static final int BATCH = 2048;

    /** Observations whose rows (30 values each: 60 KiB) are written together. */
    private static final int RUN = 256;
    private static final Tensor SEED_X = Tensor.of(1, 0), SEED_Y = Tensor.of(0, 1);
    /** The number 1 as a 0-d tensor, for {@code 1 - cos}. */
    private static final Tensor ONE = Tensor.full(1);

    private BaBatched() {
    }

    /**
     * Consecutive observations laid out by observation: entry i of each vector belongs to
     * observation {@code first + i}.
     *
     * <pre>{@code BaBatched.columns(in).get(0).params().size();   // 15}</pre>
     *
     * @param first the first observation
     * @param params 15 parameter vectors (camera parameters 0..10, point 0..2, weight), the
     *     differentiated argument
     * @param fx features' x
     * @param fy features' y
     */
    public record Batch(int first, List<Tensor> params, Tensor fx, Tensor fy) {
        /**
         * The number of observations.
         *
         * <pre>{@code batch.size();   // 2048, fewer in the last batch}</pre>
         *
         * @return the length of each vector
         */
        public int size() {
            return fx.length();
        }
    }

    /**
     * The instance in batches of {@link #BATCH} observations.
     *
     * <pre>{@code BaBatched.columns(in).size();   // 16 for p = 31843}</pre>
     *
     * @param in the instance
     * @return the batches, in order, plain
     */
    public static List<Batch> columns(BaInput in) {
        return columns(in, BATCH);
    }

    /**
     * The instance in batches of {@code size} observations (the last one may be shorter).
     *
     * <pre>{@code BaBatched.columns(in, 4).size();   // 3 for p = 10}</pre>
     *
     * @param in the instance
     * @param size observations per batch, at least 1
     * @return the batches, in order, plain
     * @throws IllegalArgumentException if size is less than 1
     */
    public static List<Batch> columns(BaInput in, int size) {
        if (size < 1) throw new IllegalArgumentException("BaBatched.columns: batch size " + size + "; use at least 1");
        List<Batch> batches = new ArrayList<>();
        for (int first = 0; first < in.p(); first += size) {
            int n = Math.min(size, in.p() - first);
            List<Tensor> params = new ArrayList<>(15);
            for (int j = 0; j < 15; j++) {
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    int o = first + i;
                    if (j < BaInput.NCAM) c[i] = in.cams()[in.obs()[2 * o] * BaInput.NCAM + j];
                    else if (j < 14) c[i] = in.x()[in.obs()[2 * o + 1] * 3 + j - BaInput.NCAM];
                    else c[i] = in.w()[o];
                }
                params.add(Tensor.of(c));
            }
            double[] fx = new double[n], fy = new double[n];
            for (int i = 0; i < n; i++) {
                fx[i] = in.feats()[2 * (first + i)];
                fy[i] = in.feats()[2 * (first + i) + 1];
            }
            batches.add(new Batch(first, params, Tensor.of(fx), Tensor.of(fy)));
        }
        return batches;
    }

    /**
     * The x and y errors of all observations (the general branch of Rodrigues' formula,
     * valid where the rotation is not zero).
     *
     * <pre>{@code Tensor[] e = BaBatched.reprojErrors(params, fx, fy);}</pre>
     *
     * @param v the 15 input vectors
     * @param fx features' x
     * @param fy features' y
     * @return {x errors, y errors}
     */
    public static Tensor[] reprojErrors(List<Tensor> v, Tensor fx, Tensor fy) {
        Tensor r0 = v.get(0), r1 = v.get(1), r2 = v.get(2);
        Tensor x0 = v.get(11).minus(v.get(3)), x1 = v.get(12).minus(v.get(4)), x2 = v.get(13).minus(v.get(5));
        Tensor theta = r0.square().plus(r1.square()).plus(r2.square()).sqrt();
        Tensor cos = theta.cos(), sin = theta.sin(), inv = theta.reciprocal();
        Tensor w0 = r0.times(inv), w1 = r1.times(inv), w2 = r2.times(inv);
        Tensor k0 = w1.times(x2).minus(w2.times(x1));
        Tensor k1 = w2.times(x0).minus(w0.times(x2));
        Tensor k2 = w0.times(x1).minus(w1.times(x0));
        Tensor tmp = w0.times(x0).plus(w1.times(x1)).plus(w2.times(x2)).times(ONE.minus(cos));
        Tensor c0 = x0.times(cos).plus(k0.times(sin)).plus(w0.times(tmp));
        Tensor c1 = x1.times(cos).plus(k1.times(sin)).plus(w1.times(tmp));
        Tensor c2 = x2.times(cos).plus(k2.times(sin)).plus(w2.times(tmp));
        Tensor p0 = c0.div(c2), p1 = c1.div(c2);
        Tensor rsq = p0.square().plus(p1.square());
        Tensor l = v.get(9).times(rsq).plus(1).plus(v.get(10).times(rsq).times(rsq));
        Tensor f = v.get(6), w = v.get(14);
        Tensor ex = w.times(p0.times(l).times(f).plus(v.get(7)).minus(fx));
        Tensor ey = w.times(p1.times(l).times(f).plus(v.get(8)).minus(fy));
        return new Tensor[] {ex, ey};
    }

    /** Each observation's weight error {@code 1 - w^2}. */
    private static Tensor weightErrors(Tensor w) {
        return w.square().neg().plus(1);
    }

    /**
     * All residuals by the Zygote4j code, not differentiated: their sum (reprojection
     * errors, then weight errors).
     *
     * <pre>{@code BaBatched.residualSum(in, batches);}</pre>
     *
     * @param in the instance
     * @param batches {@link #columns(BaInput)}
     * @return the sum of all residuals
     */
    public static double residualSum(BaInput in, List<Batch> batches) {
        double s = 0;
        for (Batch b : batches) {
            Tensor[] e = reprojErrors(b.params(), b.fx(), b.fy());
            s += withZeroRotations(in, b, e);
        }
        for (Batch b : batches) s += weightErrors(b.params().get(14)).sum().value();
        return s;
    }

    /**
     * The residuals and their sparse Jacobian in ADBench's CSR layout, in a new matrix.
     *
     * <pre>{@code BaBatched.jacobian(in, batches, residuals);}</pre>
     *
     * @param in the instance
     * @param batches {@link #columns(BaInput)}
     * @param residuals 3p outputs (2p reprojection errors, then p weight errors), or null
     * @return the Jacobian
     */
    public static BaSparseJacobian jacobian(BaInput in, List<Batch> batches, double[] residuals) {
        return jacobian(in, batches, residuals, BaSparseJacobian.ofSize(in));
    }

    /**
     * The residuals and their sparse Jacobian in ADBench's CSR layout, written into a matrix
     * of the right size (its rows, columns and values are all written again, as ADBench's
     * tools clear and refill one sparse matrix per evaluation). Per batch: one pullback of
     * the sums of x and of y errors, pulled back twice, and the gradient vectors read in place
     * (no copies) into the CSR values while still in cache; the weight errors have a pullback
     * of their own.
     *
     * <pre>{@code BaBatched.jacobian(in, batches, residuals, BaSparseJacobian.ofSize(in));}</pre>
     *
     * @param in the instance
     * @param batches {@link #columns(BaInput)}
     * @param residuals 3p outputs (2p reprojection errors, then p weight errors), or null
     * @param into the matrix to write, {@link BaSparseJacobian#ofSize(BaInput)}
     * @return {@code into}
     * @throws IllegalArgumentException if {@code into} does not have the instance's size
     */
    public static BaSparseJacobian jacobian(BaInput in, List<Batch> batches, double[] residuals, BaSparseJacobian into) {
        int p = in.p();
        if (into.rows().length != 3 * p + 1 || into.cols().length != 31 * p || into.vals().length != 31 * p) {
            throw new IllegalArgumentException("BaBatched.jacobian: the matrix has " + into.vals().length
                    + " non-zeros but the instance needs " + 31 * p + "; make it with BaSparseJacobian.ofSize(in)");
        }
        double[] vals = into.vals();
        DoubleBuffer[] g = new DoubleBuffer[30];
        Tensor[] out = new Tensor[3];
        double[] run = new double[Math.max(RUN, batches.isEmpty() ? 0 : batches.get(0).size())];
        for (Batch b : batches) {
            Pullback pb = pullback(v -> {
                Tensor[] e = reprojErrors(v, b.fx(), b.fy());
                out[0] = e[0];
                out[1] = e[1];
                return Tensor.of(e[0].sum(), e[1].sum());
            }, b.params());
            gradients(pb.back(SEED_X), g, 0);
            gradients(pb.back(SEED_Y), g, 15);
            // As a third sum of the pullback above, the weight errors' backward pass would
            // also run through every reprojection node with a zero cotangent.
            Pullback pw = pullback(w -> {
                out[2] = weightErrors(w);
                return out[2].sum();
            }, b.params().get(14));
            DoubleBuffer dw = pw.back(1).tensor(0).asDoubleBuffer();
            int first = b.first(), n = b.size();
            layout(in, first, n, into.rows(), into.cols());
            // Observation i's x row is entry i of g[0..14], its y row entry i of g[15..29]:
            // one vector at a time, read in a run and written with a stride, in runs of
            // observations short enough that the rows they write stay in cache between vectors.
            for (int i0 = 0; i0 < n; i0 += RUN) {
                int m = Math.min(RUN, n - i0);
                for (int c = 0; c < 30; c++) {
                    g[c].get(i0, run, 0, m);
                    for (int i = 0, q = 30 * (first + i0) + c; i < m; i++, q += 30) vals[q] = run[i];
                }
            }
            dw.get(0, vals, 30 * p + first, n);
            if (residuals != null) {
                for (int r = 0; r < 2; r++) {
                    out[r].asDoubleBuffer().get(0, run, 0, n);
                    for (int i = 0, q = 2 * first + r; i < n; i++, q += 2) residuals[q] = run[i];
                }
                out[2].asDoubleBuffer().get(0, residuals, 2 * p + first, n);
            }
        }
        into.rows()[3 * p] = 31 * p;
        redoZeroRotations(in, vals, residuals);
        return into;
    }

    /**
     * Convenience: columns, then the Jacobian.
     *
     * <pre>{@code BaBatched.jacobian(in, residuals);}</pre>
     *
     * @param in the instance
     * @param residuals 3p outputs, or null
     * @return the Jacobian
     */
    public static BaSparseJacobian jacobian(BaInput in, double[] residuals) {
        return jacobian(in, columns(in), residuals);
    }

    /**
     * ADBench's CSR row starts and columns ({@link BaSparseJacobian#layout}) of observations
     * first .. first + n - 1: their x and y rows and their weight rows.
     */
    private static void layout(BaInput in, int first, int n, int[] rows, int[] cols) {
        int p = in.p();
        int[] obs = in.obs();
        int pointBase = BaInput.NCAM * in.n(), weightBase = pointBase + 3 * in.m();
        for (int i = first; i < first + n; i++) {
            int k = 30 * i, cam = BaInput.NCAM * obs[2 * i], pt = pointBase + 3 * obs[2 * i + 1];
            rows[2 * i] = k;
            rows[2 * i + 1] = k + 15;
            for (int r = 0; r < 2; r++, k += 15) {
                for (int c = 0; c < BaInput.NCAM; c++) cols[k + c] = cam + c;
                cols[k + 11] = pt;
                cols[k + 12] = pt + 1;
                cols[k + 13] = pt + 2;
                cols[k + 14] = weightBase + i;
            }
            rows[2 * p + i] = 30 * p + i;
            cols[30 * p + i] = weightBase + i;
        }
    }

    /** Views of the 15 gradient vectors of one backward pass, into {@code g} from {@code at}. */
    private static void gradients(Grads grads, DoubleBuffer[] g, int at) {
        @SuppressWarnings("unchecked")
        List<Tensor> cols = (List<Tensor>) grads.get(0);
        for (int c = 0; c < 15; c++) g[at + c] = cols.get(c).asDoubleBuffer();
    }

    private static boolean zeroRotation(BaInput in, int i) {
        int c = in.obs()[2 * i] * BaInput.NCAM;
        double[] cam = in.cams();
        return cam[c] * cam[c] + cam[c + 1] * cam[c + 1] + cam[c + 2] * cam[c + 2] == 0;
    }

    /**
     * The sum of a batch's errors: the batched sum when no rotation is zero; otherwise the
     * batched errors of zero-rotation observations (NaN) are left out and their own
     * branch's put in.
     */
    private static double withZeroRotations(BaInput in, Batch b, Tensor[] e) {
        double corr = 0;
        boolean any = false;
        for (int i = b.first(); i < b.first() + b.size(); i++) {
            if (!zeroRotation(in, i)) continue;
            any = true;
            Tensor r = BaLib.reprojError(BaLib.block(in, i), in.feats()[2 * i], in.feats()[2 * i + 1]);
            corr += r.get(0).value() + r.get(1).value();
        }
        if (!any) return e[0].sum().value() + e[1].sum().value();
        double[] ex = e[0].toDoubleArray(), ey = e[1].toDoubleArray();
        double kept = 0;
        for (int i = 0; i < b.size(); i++) if (!zeroRotation(in, b.first() + i)) kept += ex[i] + ey[i];
        return kept + corr;
    }

    private static void redoZeroRotations(BaInput in, double[] vals, double[] residuals) {
        for (int i = 0; i < in.p(); i++) {
            if (!zeroRotation(in, i)) continue;
            double fx = in.feats()[2 * i], fy = in.feats()[2 * i + 1];
            Pullback pb = pullback(v -> BaLib.reprojError(v, fx, fy), BaLib.block(in, i));
            pb.back(SEED_X).tensor(0).asDoubleBuffer().get(0, vals, 30 * i, 15);
            pb.back(SEED_Y).tensor(0).asDoubleBuffer().get(0, vals, 30 * i + 15, 15);
            if (residuals != null) {
                DoubleBuffer e = ((Tensor) pb.value()).asDoubleBuffer();
                residuals[2 * i] = e.get(0);
                residuals[2 * i + 1] = e.get(1);
            }
        }
    }
}
