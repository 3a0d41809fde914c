package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An ADBench hand-tracking instance: N observed points, each matched to a model vertex
 * (simple) or to a point of a model triangle given by barycentric-like coordinates u
 * (complicated), and the 26 pose parameters theta.
 *
 * <pre>{@code
 * HandInput h = HandInput.read(Path.of("data/hand/test.txt"), Path.of("data/hand/model"), false);
 * h.theta().length;   // 26
 * }</pre>
 *
 * @param model the hand model
 * @param correspondences vertex (simple) or triangle (complicated) index per point
 * @param points N x 3, row-major
 * @param us N x 2 for the complicated variant, null for the simple one
 * @param theta the pose parameters
 */
public record HandInput(HandModel model, int[] correspondences, double[] points, double[] us, double[] theta) {
    /**
     * Reads an instance file and its model directory.
     *
     * <pre>{@code HandInput.read(Path.of("data/hand/hand_complicated.txt"), Path.of("data/hand/model"), true);}</pre>
     *
     * @param file the instance ({@code N n_theta}, N lines of correspondence and point,
     *     then for the complicated variant N lines of u, then theta)
     * @param modelDir the model directory
     * @param complicated whether the file has the u lines
     * @return the instance
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a file is not in the expected format
     */
    public static HandInput read(Path file, Path modelDir, boolean complicated) throws IOException {
        HandModel model = HandModel.read(modelDir);
        Tokens t = Tokens.of(file);
        int n = t.nextInt(), nTheta = t.nextInt();
        int[] corr = new int[n];
        double[] pts = new double[3 * n];
        int limit = complicated ? model.triangles().length / 3 : model.vertexCount();
        for (int i = 0; i < n; i++) {
            corr[i] = t.nextInt();
            if (corr[i] < 0 || corr[i] >= limit) {
                throw new IllegalArgumentException(file + ": correspondence " + corr[i] + " of point " + i + " is outside 0.."
                        + (limit - 1) + (complicated ? " (triangles)" : " (vertices)"));
            }
            for (int j = 0; j < 3; j++) pts[3 * i + j] = t.nextDouble();
        }
        double[] us = complicated ? t.doubles(2 * n) : null;
        double[] theta = t.doubles(nTheta);
        if (t.hasNext()) {
            throw new IllegalArgumentException(file + ": numbers remain after theta; is the file "
                    + (complicated ? "a simple" : "a complicated") + " instance? (complicated = " + complicated + ")");
        }
        return new HandInput(model, corr, pts, us, theta);
    }
}
