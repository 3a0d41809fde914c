package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An ADBench bundle-adjustment instance: n cameras of 11 parameters (rotation as
 * angle-axis 3, centre 3, focal length, principal point 2, radial distortion 2), m
 * points of 3 coordinates, p observations each with a weight and a 2-D feature.
 * Observation i sees point {@code obs[2i+1]} with camera {@code obs[2i]}.
 *
 * <pre>{@code BaInput.read(Path.of("data/ba/ba1_n49_m7776_p31843.txt")).p();   // 31843}</pre>
 *
 * @param n cameras
 * @param m points
 * @param p observations
 * @param cams n x 11, row-major
 * @param x m x 3, row-major
 * @param w p weights
 * @param obs p pairs (camera, point)
 * @param feats p x 2, row-major
 */
public record BaInput(int n, int m, int p, double[] cams, double[] x, double[] w, int[] obs, double[] feats) {
    /** Parameters per camera. */
    public static final int NCAM = 11;

    /**
     * Reads an ADBench BA file: it holds one camera, one point, one weight and one
     * feature, which ADBench's reader replicates to all n cameras, m points and p
     * observations; observation i uses camera i mod n and point i mod m.
     *
     * <pre>{@code BaInput.read(Path.of("data/ba/test.txt"));}</pre>
     *
     * @param file the file
     * @return the instance
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not a BA file
     */
    public static BaInput read(Path file) throws IOException {
        Tokens t = Tokens.of(file);
        int n = t.nextInt(), m = t.nextInt(), p = t.nextInt();
        if (n <= 0 || m <= 0 || p <= 0) throw new IllegalArgumentException(file + ": bad BA sizes n=" + n + " m=" + m + " p=" + p);
        double[] cam = t.doubles(NCAM), pt = t.doubles(3);
        double w0 = t.nextDouble();
        double[] feat = t.doubles(2);
        double[] cams = new double[n * NCAM], x = new double[m * 3], w = new double[p], feats = new double[2 * p];
        int[] obs = new int[2 * p];
        for (int i = 0; i < n; i++) System.arraycopy(cam, 0, cams, i * NCAM, NCAM);
        for (int i = 0; i < m; i++) System.arraycopy(pt, 0, x, i * 3, 3);
        for (int i = 0; i < p; i++) {
            w[i] = w0;
            feats[2 * i] = feat[0];
            feats[2 * i + 1] = feat[1];
            obs[2 * i] = i % n;
            obs[2 * i + 1] = i % m;
        }
        return new BaInput(n, m, p, cams, x, w, obs, feats);
    }

    /**
     * The number of Jacobian columns, 11n + 3m + p.
     *
     * <pre>{@code in.cols();}</pre>
     *
     * @return the count
     */
    public int cols() {
        return NCAM * n + 3 * m + p;
    }
}
