package zygote4j;

import java.util.Random;
import java.util.function.Consumer;

/**
 * A small seeded property harness: runs a check on many random cases drawn from a seed
 * that is printed on failure, so that a failing case can be replayed with
 * {@code -Dzygote4j.seed=N}.
 */
final class Prop {
    private Prop() {
    }

    /** The base seed: {@code -Dzygote4j.seed=N}, or a fixed default so that CI is repeatable. */
    static long baseSeed() {
        return Long.getLong("zygote4j.seed", 20261126L);
    }

    /** Runs {@code body} on {@code trials} generators seeded from the base seed and {@code name}. */
    static void forAll(String name, int trials, Consumer<Random> body) {
        long seed = baseSeed() * 31 + name.hashCode();
        for (int t = 0; t < trials; t++) {
            long s = seed + t;
            try {
                body.accept(new Random(s));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + ": failed on trial " + t + " (generator seed " + s
                        + ", base seed " + baseSeed() + "; replay with -Dzygote4j.seed=" + baseSeed() + "): "
                        + e.getMessage(), e);
            }
        }
    }

    /** A uniform double in [lo, hi). */
    static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** A tensor of the given shape with elements uniform in [lo, hi). */
    static Tensor tensor(Random r, double lo, double hi, int... shape) {
        Tensor z = Tensor.zeros(shape);
        double[] d = new double[z.length()];
        for (int i = 0; i < d.length; i++) d[i] = uniform(r, lo, hi);
        return Tensor.plain(shape.clone(), d);
    }
}
