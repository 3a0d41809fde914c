package zygote4j.bench;

/**
 * A workload's value and its derivative, flattened in the order of its arguments.
 *
 * <pre>{@code
 * GradResult r = new GradResult(1.5, new double[] {1, 2});
 * r.checksum();   // 3.0
 * }</pre>
 *
 * @param value the function's value
 * @param derivative the gradient (or Hessian, or Jacobian non-zeros), flattened
 */
public record GradResult(double value, double[] derivative) {
    /**
     * The sum of all derivative entries, in order (WORKLOADS.md's checksum).
     *
     * <pre>{@code new GradResult(0, new double[] {1, 2}).checksum();   // 3.0}</pre>
     *
     * @return the sum
     */
    public double checksum() {
        double s = 0;
        for (double d : derivative) s += d;
        return s;
    }
}
