package zygote4j.examples;

import zygote4j.Real;
import zygote4j.Tensor;

/**
 * Logistic regression: the probability that a point x has label 1 is
 * {@code sigmoid(x · w + b)}. The parameters are one record, {@link Model}, so that
 * {@code gradient(m -> loss(m, data), model)} returns the gradient as a {@code Model}
 * too, with a field for each parameter.
 *
 * <pre>{@code
 * Dataset data = Dataset.twoBlobs(200, 42);
 * Model m = new Model(Tensor.zeros(2), Real.of(0));
 * Model g = (Model) gradient(p -> LogisticRegression.loss(p, data), m).get(0);
 * g.w();   // ∂loss/∂w, a vector of 2
 * g.b();   // ∂loss/∂b, a Real
 * }</pre>
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /**
     * The parameters: a weight per input coordinate and a bias.
     *
     * <pre>{@code new Model(Tensor.of(1, 2), Real.of(0.5))}</pre>
     *
     * @param w the weights, one per coordinate
     * @param b the bias
     */
    public record Model(Tensor w, Real b) {
        /**
         * One step of gradient descent: each parameter moves against its gradient.
         *
         * <pre>{@code model = model.step(grad, 0.5);}</pre>
         *
         * @param grad the gradient of the loss, a Model of the same shapes
         * @param learningRate the step size
         * @return the updated parameters
         */
        public Model step(Model grad, double learningRate) {
            return new Model(w.minus(grad.w.times(learningRate)), b.minus(grad.b.times(learningRate)));
        }
    }

    /**
     * The scores {@code x · w + b}, one per point: the log-odds that the label is 1.
     * One matrix-vector product and a broadcast plus, no loop over the points.
     *
     * <pre>{@code LogisticRegression.logits(model, data.x());   // a vector of n}</pre>
     *
     * @param m the parameters
     * @param x the points, n x 2
     * @return the n scores
     */
    public static Tensor logits(Model m, Tensor x) {
        return x.matmul(m.w()).plus(m.b());
    }

    /**
     * The mean cross-entropy (negative log-likelihood) of the labels. For a score z and a
     * label y it is {@code -y log σ(z) - (1 - y) log(1 - σ(z))}, which simplifies to
     * {@code softplus(z) - y z}; written that way it never takes the log of a rounded 0,
     * however large the scores grow.
     *
     * <pre>{@code LogisticRegression.loss(new Model(Tensor.zeros(2), Real.of(0)), data);   // log 2 = 0.693...}</pre>
     *
     * @param m the parameters
     * @param data the points and labels
     * @return the mean loss
     */
    public static Real loss(Model m, Dataset data) {
        return crossEntropy(logits(m, data.x()), data.y());
    }

    /**
     * The mean of {@code softplus(z) - y z}: the cross-entropy of labels {@code y} given
     * scores {@code z} (see {@link #loss}).
     *
     * <pre>{@code LogisticRegression.crossEntropy(Tensor.of(0, 0), Tensor.of(0, 1));   // 0.693...}</pre>
     *
     * @param z the scores
     * @param y the labels, 0.0 or 1.0
     * @return the mean loss
     */
    public static Real crossEntropy(Tensor z, Tensor y) {
        return z.softplus().minus(y.times(z)).mean();
    }
}
