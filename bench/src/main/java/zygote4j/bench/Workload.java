package zygote4j.bench;

/**
 * One workload of WORKLOADS.md: the same function three ways. {@link #primalPlain()} is
 * hand-written Java on {@code double}s, {@link #primalLib()} is the Zygote4j code run on
 * untracked values, and {@link #grad()} is that code differentiated. Data is made (or
 * loaded) once by {@link #setUp()}, which is never timed.
 *
 * <pre>{@code
 * Workload w = Workloads.byId("W1");
 * w.setUp();
 * double f = w.primalPlain();
 * GradResult g = w.grad();   // g.value() == f up to rounding
 * }</pre>
 */
public abstract class Workload {
    /**
     * The short id, as in WORKLOADS.md.
     *
     * <pre>{@code new ScalarLoop().id();   // "W1"}</pre>
     *
     * @return e.g. {@code "W1"} or {@code "W4-d64K50"}
     */
    public abstract String id();

    /**
     * The name of WORKLOADS.md.
     *
     * <pre>{@code new ScalarLoop().name();   // "scalar-loop"}</pre>
     *
     * @return e.g. {@code "scalar-loop"}
     */
    public abstract String name();

    /**
     * The problem size in words.
     *
     * <pre>{@code new ScalarLoop().size();   // "n = 10000"}</pre>
     *
     * @return a short description
     */
    public abstract String size();

    /**
     * How the Zygote4j version is written (scalar loop, whole-array operations, ...).
     *
     * <pre>{@code new ScalarLoop().libStyle();   // "scalar loop on Real"}</pre>
     *
     * @return a short description
     */
    public abstract String libStyle();

    /**
     * Makes or loads the data. Called once before any timing.
     *
     * <pre>{@code w.setUp();}</pre>
     *
     * @throws Unavailable when the workload cannot run here (e.g. its data file is missing)
     */
    public abstract void setUp();

    /**
     * f(x) by hand-written plain Java.
     *
     * <pre>{@code double f = w.primalPlain();}</pre>
     *
     * @return the value
     */
    public abstract double primalPlain();

    /**
     * f(x) by the Zygote4j code that {@link #grad()} differentiates, with no
     * differentiation active.
     *
     * <pre>{@code double f = w.primalLib();}</pre>
     *
     * @return the value
     */
    public abstract double primalLib();

    /**
     * The value and the full derivative (gradient, Hessian or Jacobian, flattened in the
     * order WORKLOADS.md lists the arguments) by Zygote4j.
     *
     * <pre>{@code GradResult g = w.grad();   // g.checksum() is the sum of all entries}</pre>
     *
     * @return value and derivative
     */
    public abstract GradResult grad();

    /**
     * The reference value and checksum, or null when there is none for this workload.
     *
     * <pre>{@code new ScalarLoop().reference().value();   // 2630.8121741291843}</pre>
     *
     * @return the reference, or null
     */
    public Reference reference() {
        return null;
    }

    /**
     * Frees the data made by {@link #setUp()} so the next workload has the memory.
     *
     * <pre>{@code w.tearDown();}</pre>
     */
    public void tearDown() {
    }

    /**
     * Thrown by {@link #setUp()} when a workload cannot run here; the message says why
     * and how to fix it.
     *
     * <pre>{@code throw new Workload.Unavailable("data file missing: ...");}</pre>
     */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message why, and what to do about it
         */
        public Unavailable(String message) {
            super(message);
        }
    }
}
