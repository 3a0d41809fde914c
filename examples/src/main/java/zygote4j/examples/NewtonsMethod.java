package zygote4j.examples;

import static zygote4j.Zygote.*;

import java.util.ArrayList;
import java.util.List;
import zygote4j.Fn1;
import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;

/**
 * Newton's method for minimising a smooth function of a few parameters: from x, step to
 * {@code x - H⁻¹ g}, where g is the gradient and H the Hessian (the matrix of second
 * derivatives) at x. Near a minimum each step roughly squares the error, so the number
 * of correct digits doubles from one iteration to the next.
 *
 * <pre>{@code
 * Fn1<Tensor> f = x -> x.minus(Tensor.of(1, 2)).square().sum();
 * NewtonsMethod.minimize(f, Tensor.zeros(2), 1e-12, 10).x();   // [1.0, 2.0]
 * }</pre>
 */
public final class NewtonsMethod {
    private NewtonsMethod() {
    }

    /**
     * What one iteration saw at its point, before it stepped.
     *
     * @param iteration the iteration number, from 0
     * @param x the point
     * @param loss the function's value there
     * @param gradient the gradient there
     * @param hessian the Hessian there, n x n for n parameters
     */
    public record Step(int iteration, Tensor x, double loss, Tensor gradient, Tensor hessian) {
        /**
         * The length of the gradient: 0 at a minimum.
         *
         * <pre>{@code step.gradientNorm();   // 6.4e-08}</pre>
         *
         * @return the 2-norm of the gradient
         */
        public double gradientNorm() {
            return gradient.norm().value();
        }
    }

    /**
     * Where the iterations ended, and what each of them saw.
     *
     * @param x the last point
     * @param steps one entry per point visited, the last one being {@code x}
     */
    public record Result(Tensor x, List<Step> steps) {
    }

    /**
     * Runs Newton iterations from {@code start} until the gradient's norm is at most
     * {@code tolerance} or {@code maxIterations} steps have been taken.
     *
     * <pre>{@code NewtonsMethod.minimize(f, Tensor.zeros(3), 1e-10, 20).steps().size();}</pre>
     *
     * @param f the function to minimise, from a vector of parameters to a Real
     * @param start the first point
     * @param tolerance the gradient norm at which to stop
     * @param maxIterations the most steps to take
     * @return the last point and the history
     */
    public static Result minimize(Fn1<Tensor> f, Tensor start, double tolerance, int maxIterations) {
        List<Step> steps = new ArrayList<>();
        Tensor x = start;
        for (int i = 0; ; i++) {
            WithGradient r = withgradient(f, x);
            Tensor g = r.grad().tensor(0);
            // The Hessian by forward mode over reverse mode: one pass per chunk of directions.
            Tensor h = hessian(f, x);
            Step step = new Step(i, x, ((Real) r.val()).value(), g, h);
            steps.add(step);
            if (step.gradientNorm() <= tolerance || i == maxIterations) return new Result(x, List.copyOf(steps));
            // Solving H d = g is cheaper and more accurate than forming the inverse of H.
            x = x.minus(h.solve(g));
        }
    }
}
