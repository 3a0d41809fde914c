package zygote4j.examples;

import java.util.Random;
import zygote4j.Tensor;

/**
 * A labelled toy data set of 2-D points: {@code x} is an n x 2 matrix (one point a row)
 * and {@code y} a vector of n labels, 0.0 or 1.0. The points are made in code from a
 * fixed seed, so every run sees the same data.
 *
 * <pre>{@code
 * Dataset d = Dataset.twoBlobs(200, 42);
 * d.x().shape();   // [200, 2]
 * d.y().shape();   // [200]
 * }</pre>
 *
 * @param x the points, n x 2
 * @param y the labels, 0.0 or 1.0, n of them
 */
public record Dataset(Tensor x, Tensor y) {

    /**
     * Two overlapping round clouds of points, half of them around (-1, -1) with label 0
     * and half around (1, 1) with label 1, each coordinate with standard deviation 1. The
     * clouds overlap on purpose: no straight line separates them, so the best logistic
     * regression has finite weights, and its accuracy is about 92% (the best any
     * classifier can do here: the chance that a point lies on its own side of the line
     * x1 + x2 = 0 is Φ(√2) ≈ 0.92).
     *
     * <pre>{@code Dataset.twoBlobs(200, 42).y().sum();   // 100.0}</pre>
     *
     * @param n the number of points (even)
     * @param seed the seed of the random numbers
     * @return the data set
     */
    public static Dataset twoBlobs(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double center = i % 2 == 0 ? -1 : 1;
            x[i] = new double[] {center + random.nextGaussian(), center + random.nextGaussian()};
            y[i] = i % 2;
        }
        return new Dataset(Tensor.of(x), Tensor.of(y));
    }

    /**
     * Two interleaved half circles ("two moons"), a classic problem that no straight line
     * solves: label 0 on the upper arc of the unit circle, label 1 on a lower arc shifted to
     * (1, 0.5), each point moved by Gaussian noise of the given standard deviation.
     *
     * <pre>{@code Dataset.twoMoons(200, 0.1, 7).x().shape();   // [200, 2]}</pre>
     *
     * @param n the number of points (even)
     * @param noise the standard deviation of the noise added to each coordinate
     * @param seed the seed of the random numbers
     * @return the data set
     */
    public static Dataset twoMoons(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = Math.PI * random.nextDouble();
            boolean upper = i % 2 == 0;
            double px = upper ? Math.cos(angle) : 1 - Math.cos(angle);
            double py = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
            x[i] = new double[] {px + noise * random.nextGaussian(), py + noise * random.nextGaussian()};
            y[i] = upper ? 0 : 1;
        }
        return new Dataset(Tensor.of(x), Tensor.of(y));
    }

    /**
     * The number of points.
     *
     * <pre>{@code Dataset.twoBlobs(200, 42).size();   // 200}</pre>
     *
     * @return n
     */
    public int size() {
        return y.length();
    }

    /**
     * The points with a column of ones appended (n x 3), so that a linear model
     * {@code x · w + b} becomes one product {@code [x, 1] · θ} with θ = (w, b).
     *
     * <pre>{@code Dataset.twoBlobs(200, 42).withOnes().shape();   // [200, 3]}</pre>
     *
     * @return the n x 3 design matrix
     */
    public Tensor withOnes() {
        return Tensor.concat(1, x, Tensor.ones(size(), 1));
    }

    /**
     * The labels as one-hot rows (n x 2): row i is (1, 0) for label 0 and (0, 1) for
     * label 1. Multiplying by it picks each point's own column out of a matrix of scores.
     *
     * <pre>{@code Dataset.twoBlobs(2, 42).oneHot();   // [[1.0, 0.0], [0.0, 1.0]]}</pre>
     *
     * @return the n x 2 matrix
     */
    public Tensor oneHot() {
        Tensor labels = y.reshape(size(), 1);
        return Tensor.concat(1, labels.neg().plus(1), labels);
    }

    /**
     * The fraction of points that a classifier gets right, given its scores: a point is
     * predicted to have label 1 where its score is positive, label 0 otherwise.
     *
     * <pre>{@code Dataset.twoBlobs(2, 42).accuracy(Tensor.of(-3, 2));   // 1.0 (labels are [0, 1])}</pre>
     *
     * @param scores one score per point, such as log-odds
     * @return a number between 0 and 1
     */
    public double accuracy(Tensor scores) {
        double[] s = scores.toDoubleArray(), labels = y.toDoubleArray();
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((s[i] > 0 ? 1 : 0) == labels[i]) right++;
        }
        return (double) right / labels.length;
    }
}
