package zygote4j.bench.adbench;

import static zygote4j.Zygote.pullback;

import java.util.ArrayList;
import java.util.List;
import zygote4j.Grads;
import zygote4j.Pullback;
import zygote4j.Tensor;

/**
 * ADBench's BA residuals for all observations at once, with whole-array operations on
 * vectors of length p (one vector per input: the 11 camera parameters, 3 point
 * coordinates and the weight of each observation), and the sparse Jacobian from two
 * backward passes: since observation i's errors depend only on entry i of each vector,
 * the gradient of the sum of all x errors holds every x row of the Jacobian, and the
 * same for y. Observations whose rotation is exactly zero (a different branch of
 * Rodrigues' formula) are taken one at a time by {@link BaLib}.
 *
 * <pre>{@code BaSparseJacobian j = BaBatched.jacobian(in, residuals);}</pre>
 */
public final class BaBatched {
    private static final Tensor SEED_X = Tensor.of(1, 0), SEED_Y = Tensor.of(0, 1);

    private BaBatched() {
    }

    /**
     * The 15 input vectors [p]: camera parameters 0..10, point 0..2, weight, for each
     * observation.
     *
     * <pre>{@code BaBatched.columns(in).size();   // 15}</pre>
     *
     * @param in the instance
     * @return 15 plain vectors
     */
    public static List<Tensor> columns(BaInput in) {
        int p = in.p();
        List<Tensor> cols = new ArrayList<>(15);
        for (int j = 0; j < 15; j++) {
            double[] c = new double[p];
            for (int i = 0; i < p; i++) {
                if (j < BaInput.NCAM) c[i] = in.cams()[in.obs()[2 * i] * BaInput.NCAM + j];
                else if (j < 14) c[i] = in.x()[in.obs()[2 * i + 1] * 3 + j - BaInput.NCAM];
                else c[i] = in.w()[i];
            }
            cols.add(Tensor.of(c));
        }
        return cols;
    }

    /**
     * The x and y errors of all observations (the general branch of Rodrigues' formula,
     * valid where the rotation is not zero).
     *
     * <pre>{@code Tensor[] e = BaBatched.reprojErrors(cols, fx, fy);}</pre>
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
        Tensor tmp = w0.times(x0).plus(w1.times(x1)).plus(w2.times(x2)).times(cos.neg().plus(1));
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

    /**
     * All residuals by the Zygote4j code, not differentiated: their sum (reprojection
     * errors, then weight errors).
     *
     * <pre>{@code BaBatched.residualSum(in, cols);}</pre>
     *
     * @param in the instance
     * @param cols {@link #columns(BaInput)}
     * @return the sum of all residuals
     */
    public static double residualSum(BaInput in, List<Tensor> cols) {
        Tensor[] fxy = features(in);
        Tensor[] e = reprojErrors(cols, fxy[0], fxy[1]);
        double s = withZeroRotations(in, e, e[0].sum().value() + e[1].sum().value());
        Tensor w = cols.get(14);
        return s + w.square().neg().plus(1).sum().value();
    }

    /**
     * The residuals and their sparse Jacobian in ADBench's CSR layout.
     *
     * <pre>{@code BaBatched.jacobian(in, cols, residuals);}</pre>
     *
     * @param in the instance
     * @param cols {@link #columns(BaInput)}
     * @param residuals 3p outputs (2p reprojection errors, then p weight errors), or null
     * @return the Jacobian
     */
    public static BaSparseJacobian jacobian(BaInput in, List<Tensor> cols, double[] residuals) {
        int p = in.p();
        Tensor[] fxy = features(in);
        Tensor[] out = new Tensor[2];
        Pullback pb = pullback(v -> {
            Tensor[] e = reprojErrors(v, fxy[0], fxy[1]);
            out[0] = e[0];
            out[1] = e[1];
            return Tensor.of(e[0].sum(), e[1].sum());
        }, cols);
        double[][] jx = rows(pb.back(SEED_X)), jy = rows(pb.back(SEED_Y));
        BaSparseJacobian j = BaSparseJacobian.layout(in);
        double[] vals = j.vals();
        double[] ex = out[0].toDoubleArray(), ey = out[1].toDoubleArray();
        // Row i of the CSR values is (x row, y row) of observation i: entry i of each of the
        // 30 gradient vectors. Copied in blocks of observations, one vector at a time, so that
        // reads run along each vector and the block's rows stay in cache while written.
        final int block = 256;
        for (int i0 = 0; i0 < p; i0 += block) {
            int i1 = Math.min(p, i0 + block);
            for (int c = 0; c < 30; c++) {
                double[] col = c < 15 ? jx[c] : jy[c - 15];
                for (int i = i0; i < i1; i++) vals[30 * i + c] = col[i];
            }
        }
        int k = 30 * p;
        if (residuals != null) {
            for (int i = 0; i < p; i++) {
                residuals[2 * i] = ex[i];
                residuals[2 * i + 1] = ey[i];
            }
        }
        Tensor w = cols.get(14);
        Pullback pw = pullback(x -> x.square().neg().plus(1).sum(), w);
        double[] dw = pw.back(1).tensor(0).toDoubleArray();
        System.arraycopy(dw, 0, vals, k, p);
        if (residuals != null) {
            double[] we = w.square().neg().plus(1).toDoubleArray();
            System.arraycopy(we, 0, residuals, 2 * p, p);
        }
        redoZeroRotations(in, vals, residuals);
        return j;
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

    private static double[][] rows(Grads g) {
        @SuppressWarnings("unchecked")
        List<Tensor> cols = (List<Tensor>) g.get(0);
        double[][] out = new double[15][];
        for (int c = 0; c < 15; c++) out[c] = cols.get(c).toDoubleArray();
        return out;
    }

    private static Tensor[] features(BaInput in) {
        int p = in.p();
        double[] fx = new double[p], fy = new double[p];
        for (int i = 0; i < p; i++) {
            fx[i] = in.feats()[2 * i];
            fy[i] = in.feats()[2 * i + 1];
        }
        return new Tensor[] {Tensor.of(fx), Tensor.of(fy)};
    }

    private static boolean zeroRotation(BaInput in, int i) {
        int c = in.obs()[2 * i] * BaInput.NCAM;
        double[] cam = in.cams();
        return cam[c] * cam[c] + cam[c + 1] * cam[c + 1] + cam[c + 2] * cam[c + 2] == 0;
    }

    /**
     * The sum of all errors: the batched sum when no rotation is zero; otherwise the
     * batched errors of zero-rotation observations (NaN) are left out and their own
     * branch's put in.
     */
    private static double withZeroRotations(BaInput in, Tensor[] e, double batchedSum) {
        double[] ex = null, ey = null;
        double corr = 0;
        for (int i = 0; i < in.p(); i++) {
            if (!zeroRotation(in, i)) continue;
            if (ex == null) {
                ex = e[0].toDoubleArray();
                ey = e[1].toDoubleArray();
            }
            Tensor r = BaLib.reprojError(BaLib.block(in, i), in.feats()[2 * i], in.feats()[2 * i + 1]);
            corr += r.get(0).value() + r.get(1).value();
        }
        if (ex == null) return batchedSum;
        double kept = 0;
        for (int i = 0; i < in.p(); i++) if (!zeroRotation(in, i)) kept += ex[i] + ey[i];
        return kept + corr;
    }

    private static void redoZeroRotations(BaInput in, double[] vals, double[] residuals) {
        for (int i = 0; i < in.p(); i++) {
            if (!zeroRotation(in, i)) continue;
            double fx = in.feats()[2 * i], fy = in.feats()[2 * i + 1];
            Pullback pb = pullback(v -> BaLib.reprojError(v, fx, fy), BaLib.block(in, i));
            System.arraycopy(pb.back(SEED_X).tensor(0).toDoubleArray(), 0, vals, 30 * i, 15);
            System.arraycopy(pb.back(SEED_Y).tensor(0).toDoubleArray(), 0, vals, 30 * i + 15, 15);
            if (residuals != null) {
                double[] e = ((Tensor) pb.value()).toDoubleArray();
                residuals[2 * i] = e[0];
                residuals[2 * i + 1] = e[1];
            }
        }
    }
}
