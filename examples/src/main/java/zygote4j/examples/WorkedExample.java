package zygote4j.examples;

import static zygote4j.Zygote.*;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import zygote4j.Fn1;
import zygote4j.Grads;
import zygote4j.Params;
import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;
import zygote4j.examples.LogisticRegression.Model;
import zygote4j.examples.TwoLayerNetwork.Network;

/**
 * A worked example to read and run: fitting models by gradient descent, then Newton's
 * method with second derivatives. Run it with {@code java zygote4j.examples.WorkedExample}.
 *
 * <ol>
 *   <li>Logistic regression on two overlapping blobs of points, by gradient descent.
 *       The parameters are a record, and so is the gradient.
 *   <li>A two-layer network on the "two moons", which no straight line separates; the
 *       same loop, a bigger record, and the same gradient again in implicit mode
 *       ({@code Params}).
 *   <li>Newton's method on the logistic regression of part 1, with the Hessian: the
 *       gradient vanishes in a handful of steps.
 * </ol>
 *
 * <pre>{@code WorkedExample.run(System.out);}</pre>
 */
public final class WorkedExample {
    /** Every data set and starting point comes from these seeds: each run prints the same. */
    static final long DATA_SEED = 42, MOONS_SEED = 7, NETWORK_SEED = 1;

    private WorkedExample() {
    }

    /**
     * The loss after a number of epochs (full passes over the data) of gradient descent.
     *
     * @param epoch the number of steps taken so far
     * @param loss the loss there
     */
    public record Checkpoint(int epoch, double loss) {
    }

    /**
     * The outcome of a gradient-descent fit.
     *
     * @param <M> the type of the parameters, a record
     * @param model the fitted parameters
     * @param checkpoints the loss at every printed epoch, the first at epoch 0
     * @param accuracy the fraction of training points classified right
     */
    public record Fit<M>(M model, List<Checkpoint> checkpoints, double accuracy) {
    }

    /**
     * Prints the whole example: the three parts, one after another.
     *
     * <pre>{@code WorkedExample.run(System.out);}</pre>
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        Fit<Model> logistic = logisticRegression(out);
        out.println();
        twoLayerNetwork(out);
        out.println();
        newton(out, logistic.model());
    }

    /**
     * Runs the example on standard output.
     *
     * <pre>{@code java -cp ... zygote4j.examples.WorkedExample}</pre>
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Part 1: logistic regression on {@link Dataset#twoBlobs}, 100 epochs of gradient
     * descent from zero, printing the loss every 20 epochs.
     *
     * <pre>{@code WorkedExample.logisticRegression(System.out).accuracy();   // about 0.9}</pre>
     *
     * @param out where to print
     * @return the fitted model, the printed losses and the accuracy
     */
    public static Fit<Model> logisticRegression(PrintStream out) {
        Dataset data = Dataset.twoBlobs(200, DATA_SEED);
        out.println("1. Logistic regression by gradient descent");
        out.println("   200 points in two overlapping blobs; p(label 1 | x) = sigmoid(x · w + b)");
        out.println("   epoch   loss");

        Model model = new Model(Tensor.zeros(2), Real.of(0));
        List<Checkpoint> checkpoints = new ArrayList<>();
        int epochs = 100;
        for (int epoch = 0; epoch <= epochs; epoch++) {
            // One pass gives the loss and its gradient; the gradient is a Model, like the argument.
            WithGradient r = withgradient(m -> LogisticRegression.loss(m, data), model);
            if (epoch % 20 == 0) checkpoints.add(print(out, epoch, (Real) r.val()));
            if (epoch < epochs) model = model.step((Model) r.grad().get(0), 1.0);
        }

        double accuracy = data.accuracy(LogisticRegression.logits(model, data.x()));
        out.printf(Locale.ROOT, "   w = %s, b = %.3f, accuracy %.1f%% (the blobs overlap: expect about 92%%)%n",
                format(model.w()), model.b().value(), 100 * accuracy);
        return new Fit<>(model, List.copyOf(checkpoints), accuracy);
    }

    /**
     * Part 2: a network with 16 hidden units on {@link Dataset#twoMoons}, 500 epochs of
     * gradient descent, printing the loss every 100 epochs; then the gradient at the end
     * once more in implicit mode, which must agree.
     *
     * <pre>{@code WorkedExample.twoLayerNetwork(System.out).accuracy();   // near 1}</pre>
     *
     * @param out where to print
     * @return the fitted network, the printed losses and the accuracy
     */
    public static Fit<Network> twoLayerNetwork(PrintStream out) {
        Dataset data = Dataset.twoMoons(200, 0.15, MOONS_SEED);
        out.println("2. A two-layer network on two moons");
        out.println("   200 points on two interleaved arcs; scores = tanh(x W1 + b1) W2 + b2, 16 hidden units");
        out.println("   epoch   loss");

        Network net = TwoLayerNetwork.init(16, NETWORK_SEED);
        List<Checkpoint> checkpoints = new ArrayList<>();
        int epochs = 500;
        for (int epoch = 0; epoch <= epochs; epoch++) {
            WithGradient r = withgradient(p -> TwoLayerNetwork.loss(p, data), net);
            if (epoch % 100 == 0) checkpoints.add(print(out, epoch, (Real) r.val()));
            if (epoch < epochs) net = net.step((Network) r.grad().get(0), 1.0);
        }

        double accuracy = data.accuracy(TwoLayerNetwork.logOdds(net, data.x()));
        out.printf(Locale.ROOT, "   accuracy %.1f%% (the best straight line gets about 87%%)%n", 100 * accuracy);

        // Implicit mode, as in Flux: the loss closes over the parameters instead of taking
        // them, and the gradients are looked up by parameter.
        Network fitted = net;
        Grads implicit = gradient(() -> TwoLayerNetwork.loss(fitted, data),
                Params.of(fitted.w1(), fitted.b1(), fitted.w2(), fitted.b2()));
        Network explicit = (Network) gradient(p -> TwoLayerNetwork.loss(p, data), fitted).get(0);
        Network lookedUp = new Network((Tensor) implicit.get(fitted.w1()), (Tensor) implicit.get(fitted.b1()),
                (Tensor) implicit.get(fitted.w2()), (Tensor) implicit.get(fitted.b2()));
        out.println("   implicit mode, gradient(() -> loss, Params.of(w1, b1, w2, b2)): "
                + (lookedUp.equals(explicit) ? "the same gradient" : "a different gradient"));
        return new Fit<>(net, List.copyOf(checkpoints), accuracy);
    }

    /**
     * Part 3: Newton's method on the logistic regression of part 1 with θ = (w1, w2, b),
     * from where gradient descent stopped until the gradient's norm is below 1e-12,
     * printing each iteration.
     *
     * <pre>{@code WorkedExample.newton(System.out, fit.model()).steps().size();   // a handful}</pre>
     *
     * @param out where to print
     * @param gradientDescent the model that part 1 fitted, the starting point
     * @return the iterations
     */
    public static NewtonsMethod.Result newton(PrintStream out, Model gradientDescent) {
        Dataset data = Dataset.twoBlobs(200, DATA_SEED);
        Tensor design = data.withOnes();
        // The same loss as part 1, with all three parameters in one vector: x · w + b = [x, 1] · θ.
        Fn1<Tensor> loss = theta -> LogisticRegression.crossEntropy(design.matmul(theta), data.y());

        Tensor start = Tensor.concat(0, gradientDescent.w(), Tensor.of(gradientDescent.b()));

        out.println("3. Newton's method from where gradient descent stopped, θ = (w1, w2, b)");
        out.println("   θ ← θ - H⁻¹ g with the 3 x 3 Hessian H: the correct digits double each step");
        out.println("   step   loss                |gradient|");
        NewtonsMethod.Result result = NewtonsMethod.minimize(loss, start, 1e-12, 10);
        for (NewtonsMethod.Step s : result.steps()) {
            out.printf(Locale.ROOT, "   %4d   %.15f   %.1e%n", s.iteration(), s.loss(), s.gradientNorm());
        }
        out.printf(Locale.ROOT, "   θ = %s (gradient descent had %s)%n", format(result.x()), format(start));
        return result;
    }

    private static Checkpoint print(PrintStream out, int epoch, Real loss) {
        out.printf(Locale.ROOT, "   %5d   %.4f%n", epoch, loss.value());
        return new Checkpoint(epoch, loss.value());
    }

    private static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : t.toDoubleArray()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "%.3f", v));
        }
        return sb.append(']').toString();
    }
}
