package zygote4j.bench.adbench;

/**
 * ADBench's bundle-adjustment residuals on doubles, as ADBench's C++ reference computes
 * them: each observation's reprojection error (rotate the point relative to the camera
 * centre by Rodrigues' formula, project, distort radially, scale by the focal length,
 * shift by the principal point, subtract the feature, multiply by the weight), then each
 * weight's error {@code 1 - w^2}.
 *
 * <pre>{@code
 * double[] r = new double[2 * in.p()], we = new double[in.p()];
 * BaPlain.objective(in, r, we);
 * }</pre>
 */
public final class BaPlain {
    private BaPlain() {
    }

    /**
     * All residuals.
     *
     * <pre>{@code BaPlain.objective(in, reprojErr, wErr);}</pre>
     *
     * @param in the instance
     * @param reprojErr 2p outputs: x and y error per observation
     * @param wErr p outputs: weight error per observation
     */
    public static void objective(BaInput in, double[] reprojErr, double[] wErr) {
        double[] cams = in.cams(), x = in.x(), w = in.w(), feats = in.feats();
        int[] obs = in.obs();
        double[] out = new double[2];
        for (int i = 0; i < in.p(); i++) {
            reprojError(cams, obs[2 * i] * BaInput.NCAM, x, obs[2 * i + 1] * 3, w[i], feats[2 * i], feats[2 * i + 1], out);
            reprojErr[2 * i] = out[0];
            reprojErr[2 * i + 1] = out[1];
        }
        for (int i = 0; i < in.p(); i++) wErr[i] = 1 - w[i] * w[i];
    }

    /**
     * One observation's weighted reprojection error.
     *
     * <pre>{@code BaPlain.reprojError(cams, 0, x, 0, w, fx, fy, out);}</pre>
     *
     * @param cam camera parameters
     * @param c offset of this camera in {@code cam}
     * @param x point coordinates
     * @param xo offset of this point in {@code x}
     * @param w the weight
     * @param fx feature x
     * @param fy feature y
     * @param out the two errors
     */
    public static void reprojError(double[] cam, int c, double[] x, int xo, double w, double fx, double fy,
            double[] out) {
        double x0 = x[xo] - cam[c + 3], x1 = x[xo + 1] - cam[c + 4], x2 = x[xo + 2] - cam[c + 5];
        double r0 = cam[c], r1 = cam[c + 1], r2 = cam[c + 2];
        double c0, c1, c2;
        double sqtheta = r0 * r0 + r1 * r1 + r2 * r2;
        if (sqtheta != 0) {
            double theta = Math.sqrt(sqtheta);
            double cos = Math.cos(theta), sin = Math.sin(theta), inv = 1.0 / theta;
            double w0 = r0 * inv, w1 = r1 * inv, w2 = r2 * inv;
            double k0 = w1 * x2 - w2 * x1, k1 = w2 * x0 - w0 * x2, k2 = w0 * x1 - w1 * x0;
            double tmp = (w0 * x0 + w1 * x1 + w2 * x2) * (1. - cos);
            c0 = x0 * cos + k0 * sin + w0 * tmp;
            c1 = x1 * cos + k1 * sin + w1 * tmp;
            c2 = x2 * cos + k2 * sin + w2 * tmp;
        } else {
            c0 = x0 + (r1 * x2 - r2 * x1);
            c1 = x1 + (r2 * x0 - r0 * x2);
            c2 = x2 + (r0 * x1 - r1 * x0);
        }
        double p0 = c0 / c2, p1 = c1 / c2;
        double rsq = p0 * p0 + p1 * p1;
        double l = 1. + cam[c + 9] * rsq + cam[c + 10] * rsq * rsq;
        p0 = p0 * l;
        p1 = p1 * l;
        double f = cam[c + 6];
        out[0] = w * (p0 * f + cam[c + 7] - fx);
        out[1] = w * (p1 * f + cam[c + 8] - fy);
    }
}
