package zygote4j.examples;

import java.util.Random;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * A neural network with one hidden layer, for two classes: the hidden layer is
 * {@code h = tanh(x W1 + b1)}, and the scores of the classes are {@code h W2 + b2}, one
 * row per point and one column per class. Whole-array operations throughout: a batch
 * of points goes through as one matrix.
 *
 * <pre>{@code
 * Network net = TwoLayerNetwork.init(16, 1);
 * Network g = (Network) gradient(p -> TwoLayerNetwork.loss(p, data), net).get(0);
 * g.w1().shape();   // [2, 16], like net.w1()
 * }</pre>
 */
public final class TwoLayerNetwork {
    private TwoLayerNetwork() {
    }

    /**
     * The parameters: weights and biases of the hidden layer and of the output layer.
     *
     * <pre>{@code TwoLayerNetwork.init(16, 1).w2().shape();   // [16, 2]}</pre>
     *
     * @param w1 the hidden layer's weights, 2 x hidden
     * @param b1 the hidden layer's biases, one per hidden unit
     * @param w2 the output layer's weights, hidden x 2
     * @param b2 the output layer's biases, one per class
     */
    public record Network(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        /**
         * One step of gradient descent: each parameter moves against its gradient.
         *
         * <pre>{@code net = net.step(grad, 0.5);}</pre>
         *
         * @param grad the gradient of the loss, a Network of the same shapes
         * @param learningRate the step size
         * @return the updated parameters
         */
        public Network step(Network grad, double learningRate) {
            return new Network(w1.minus(grad.w1.times(learningRate)), b1.minus(grad.b1.times(learningRate)),
                    w2.minus(grad.w2.times(learningRate)), b2.minus(grad.b2.times(learningRate)));
        }
    }

    /**
     * Random starting parameters: Gaussian weights scaled by 1/√(inputs), so that every
     * layer starts with scores of order one, and zero biases.
     *
     * <pre>{@code TwoLayerNetwork.init(16, 1).w1().shape();   // [2, 16]}</pre>
     *
     * @param hidden the number of hidden units
     * @param seed the seed of the random numbers
     * @return the parameters
     */
    public static Network init(int hidden, long seed) {
        Random random = new Random(seed);
        return new Network(gaussian(2, hidden, random), Tensor.zeros(hidden), gaussian(hidden, 2, random),
                Tensor.zeros(2));
    }

    private static Tensor gaussian(int rows, int cols, Random random) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) row[j] = random.nextGaussian() / Math.sqrt(rows);
        }
        return Tensor.of(a);
    }

    /**
     * The scores of the two classes for each point (n x 2). The biases are vectors added
     * to every row of a matrix: broadcasting, as in NumPy.
     *
     * <pre>{@code TwoLayerNetwork.logits(net, data.x()).shape();   // [n, 2]}</pre>
     *
     * @param net the parameters
     * @param x the points, n x 2
     * @return the scores
     */
    public static Tensor logits(Network net, Tensor x) {
        Tensor hidden = x.matmul(net.w1()).plus(net.b1()).tanh();
        return hidden.matmul(net.w2()).plus(net.b2());
    }

    /**
     * The mean cross-entropy of the labels under the softmax of the scores: for each point,
     * {@code logsumexp(scores) - score of its own class}. logsumexp is stable for any size
     * of scores, and multiplying by the one-hot labels picks each point's own score.
     *
     * <pre>{@code TwoLayerNetwork.loss(net, data);   // log 2 = 0.693... when all scores are equal}</pre>
     *
     * @param net the parameters
     * @param data the points and labels
     * @return the mean loss
     */
    public static Real loss(Network net, Dataset data) {
        Tensor scores = logits(net, data.x());
        Tensor own = scores.times(data.oneHot()).sum(1);
        return scores.logsumexp(1).minus(own).mean();
    }

    /**
     * One score per point that is positive where the network prefers label 1: the score of
     * class 1 minus that of class 0 (the log-odds).
     *
     * <pre>{@code data.accuracy(TwoLayerNetwork.logOdds(net, data.x()));}</pre>
     *
     * @param net the parameters
     * @param x the points
     * @return n log-odds
     */
    public static Tensor logOdds(Network net, Tensor x) {
        return logits(net, x).matmul(Tensor.of(-1, 1));
    }
}
