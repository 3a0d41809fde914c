package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An ADBench GMM instance: K Gaussians in d dimensions, n points, and the Wishart prior.
 * Layout as ADBench: {@code means} is K rows of d, {@code icf} is K rows of
 * d(d+1)/2 (d log-diagonal values, then the strictly-lower part column by column),
 * {@code x} is n rows of d.
 *
 * <pre>{@code
 * GmmInput in = GmmInput.read(Path.of("/work/shared/adbench/data/gmm/test.txt"));
 * in.d();   // 2
 * }</pre>
 *
 * @param d dimensions
 * @param k components
 * @param n points
 * @param alphas K mixture weights (log-space, unnormalised)
 * @param means K x d, row-major
 * @param icf K x d(d+1)/2, row-major
 * @param x n x d, row-major
 * @param gamma Wishart gamma
 * @param m Wishart m
 */
public record GmmInput(int d, int k, int n, double[] alphas, double[] means, double[] icf, double[] x, double gamma,
        int m) {
    /**
     * The length of one icf row, d(d+1)/2.
     *
     * <pre>{@code in.icfSize();   // 3 for d = 2}</pre>
     *
     * @return the length
     */
    public int icfSize() {
        return d * (d + 1) / 2;
    }

    /**
     * Reads an ADBench GMM file. Files holding one point for n (the 2.5M instances,
     * ADBench's replicate-point mode) have that point repeated n times.
     *
     * <pre>{@code GmmInput.read(Path.of("data/gmm/1k/gmm_d10_K25.txt"));}</pre>
     *
     * @param file the file
     * @return the instance
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not a GMM file
     */
    public static GmmInput read(Path file) throws IOException {
        Tokens t = Tokens.of(file);
        int d = t.nextInt(), k = t.nextInt(), n = t.nextInt();
        if (d <= 0 || k <= 0 || n <= 0) throw new IllegalArgumentException(file + ": bad GMM sizes d=" + d + " K=" + k + " n=" + n);
        int icfSz = d * (d + 1) / 2;
        double[] alphas = t.doubles(k);
        double[] means = t.doubles(k * d);
        double[] icf = t.doubles(k * icfSz);
        int rest = t.remaining();
        double[] x = new double[Math.multiplyExact(n, d)];
        if (rest == (long) n * d + 2) {
            for (int i = 0; i < x.length; i++) x[i] = t.nextDouble();
        } else if (rest == d + 2) {
            double[] p = t.doubles(d);
            for (int i = 0; i < n; i++) System.arraycopy(p, 0, x, i * d, d);
        } else {
            throw new IllegalArgumentException(file + ": after the parameters expected " + n + " points of " + d
                    + " numbers (or one point to replicate) and 'gamma m', found " + rest + " numbers");
        }
        double gamma = t.nextDouble();
        int m = (int) t.nextDouble();
        return new GmmInput(d, k, n, alphas, means, icf, x, gamma, m);
    }
}
