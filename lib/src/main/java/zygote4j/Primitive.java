package zygote4j;

/**
 * A differentiable operation with its own rules: the way to teach Zygote4j a new
 * operation, and the way the library defines its own tensor operations.
 *
 * <p>A primitive takes {@link Real}s and {@link Tensor}s and returns one of them. It
 * gives three things, like a ChainRules {@code frule}/{@code rrule} pair:
 * <ul>
 *   <li>{@link #evaluate}: the value, on plain inputs (read them with
 *       {@code value()}/{@code toDoubleArray()});</li>
 *   <li>{@link #jvp}: the output's tangent from the inputs' tangents (forward rule);</li>
 *   <li>{@link #vjp}: the inputs' cotangents from the output's cotangent (reverse rule).</li>
 * </ul>
 * Write the two rules with Zygote4j's own operations: then they differentiate again, and
 * the primitive works at every order (Hessians, gradients of gradients).
 *
 * <pre>{@code
 * // cube(x) = x^3 with a hand-written rule
 * Primitive cube = new Primitive("cube") {
 *   protected Object evaluate(Object[] in) { double x = ((Real) in[0]).value(); return Real.of(x * x * x); }
 *   protected Object jvp(Object[] in, Object out, Object[] t) {
 *     Real x = (Real) in[0]; return ((Real) t[0]).times(x.square().times(3)); }
 *   protected Object[] vjp(Object[] in, Object out, Object ct) {
 *     Real x = (Real) in[0]; return new Object[] {((Real) ct).times(x.square().times(3))}; }
 * };
 * gradient(x -> (Real) cube.apply(x), 2.0);          // (12.0,)
 * GradCheck.check(cube, Real.of(0.7));               // passes: it throws when a rule is wrong
 * }</pre>
 */
public abstract class Primitive {
    private final String name;

    /**
     * A primitive of the given name; subclass it with the three rules, usually as an
     * anonymous class:
     *
     * <pre>{@code
     * Primitive twice = new Primitive("twice") {
     *   protected Object evaluate(Object[] in) { return ((Real) in[0]).times(2); }
     *   protected Object jvp(Object[] in, Object out, Object[] t) { return ((Real) t[0]).times(2); }
     *   protected Object[] vjp(Object[] in, Object out, Object ct) { return new Object[] {((Real) ct).times(2)}; }
     * };
     * twice.apply(Real.of(3));   // 6.0
     * }</pre>
     *
     * @param name the operation's name, used in error messages and graphs
     */
    protected Primitive(String name) {
        this.name = name;
    }

    /**
     * The operation's name.
     *
     * <pre>{@code cube.name();   // "cube"}</pre>
     *
     * @return the name given to the constructor
     */
    public final String name() {
        return name;
    }

    /**
     * Applies the operation to its inputs ({@code Real}s and {@code Tensor}s), recording it
     * on the innermost active level among them.
     *
     * <pre>{@code
     * Real y = (Real) cube.apply(Real.of(2));       // 8.0
     * gradient(x -> (Real) cube.apply(x), 2);       // (12.0,)
     * }</pre>
     *
     * @param inputs the operands
     * @return the result, a {@code Real} or a {@code Tensor}
     * @throws IllegalArgumentException if an input is neither a {@code Real} nor a {@code Tensor}
     * @throws IllegalStateException if a rule returns a value of the wrong type or shape
     */
    public final Object apply(Object... inputs) {
        for (int i = 0; i < inputs.length; i++) {
            if (!(inputs[i] instanceof Real) && !(inputs[i] instanceof Tensor)) {
                throw new IllegalArgumentException(name + ": input " + i + " is "
                        + (inputs[i] == null ? "null" : "a " + inputs[i].getClass().getName())
                        + "; a primitive takes Real and Tensor values only");
            }
        }
        return Dispatch.apply(this, inputs);
    }

    /**
     * The value on plain inputs. {@link #apply} calls it with the inputs' numbers, whatever
     * differentiation is running:
     *
     * <pre>{@code cube.apply(Real.of(2));   // 8.0, from evaluate}</pre>
     *
     * @param inputs plain {@code Real}s and {@code Tensor}s
     * @return a plain {@code Real} or {@code Tensor}
     */
    protected abstract Object evaluate(Object[] inputs);

    /**
     * Forward rule: the output tangent for one direction. Forward mode ({@code jvp},
     * {@code derivative}, {@code hessian}, {@code forwarddiff}) calls it:
     *
     * <pre>{@code jvp(x -> (Real) cube.apply(x), Real.of(2), Real.of(1));   // (val = 8.0, tangent = 12.0)}</pre>
     *
     * @param inputs the inputs (possibly tracked by outer levels: use library operations)
     * @param output the output computed from them
     * @param tangents the inputs' tangents, shaped like the inputs; {@code null} for zero
     * @return the output's tangent, shaped like the output ({@code null} for zero)
     */
    protected abstract Object jvp(Object[] inputs, Object output, Object[] tangents);

    /**
     * Reverse rule: the cotangent of each input. Reverse mode ({@code gradient},
     * {@code pullback}, {@code jacobian}) calls it:
     *
     * <pre>{@code pullback(x -> (Real) cube.apply(x), 2).back(10);   // (120.0,)}</pre>
     *
     * @param inputs the inputs (possibly tracked by outer levels: use library operations)
     * @param output the output computed from them
     * @param cotangent the output's cotangent, shaped like the output (null only when
     *     {@link #runsWithoutCotangent()} is true and none arrived)
     * @return one entry per input, shaped like that input, or {@code null} for none
     */
    protected abstract Object[] vjp(Object[] inputs, Object output, Object cotangent);

    /**
     * The forward rule for a whole chunk of directions: {@code tangents[k]} holds the
     * inputs' tangents in direction k, or is null when they are all zero (then so is the
     * result's entry k). Forward levels call this once per operation rather than
     * {@link #jvp} once per direction, so that the library's own rules can share work
     * between directions (a derivative computed once, plain loops without dispatch).
     */
    Object[] jvpChunk(Object[] inputs, Object output, Object[][] tangents) {
        Object[] out = new Object[tangents.length];
        for (int k = 0; k < out.length; k++) {
            if (tangents[k] != null) out[k] = jvp(inputs, output, tangents[k]);
        }
        return out;
    }

    /**
     * The reverse rule told which inputs need a cotangent ({@code needed[i]} is false for
     * an input that is a constant at this level): the library's own rules override it to
     * skip work, e.g. the gradient of a data matrix in a product. Entries not needed may
     * be null or anything of the right shape.
     */
    Object[] vjpFor(Object[] inputs, Object output, Object cotangent, boolean[] needed) {
        return vjp(inputs, output, cotangent);
    }

    /**
     * Whether, on plain inputs and a plain cotangent, every tensor cotangent the reverse rule
     * returns is either a new array that nothing else holds or the output's cotangent array
     * itself handed on, and the rule keeps no reference to that cotangent. The plain backward
     * pass may then add into those new arrays in place and reuse the output's cotangent array
     * once the rule has run ({@link Tape}). False by default: a user's rule may return arrays
     * it keeps; the library's elementwise rules and {@code sum} say true.
     */
    boolean freshPlainCotangents() {
        return false;
    }

    /**
     * Whether {@link #vjp} runs even when no cotangent reached the output (it then gets
     * {@code null}). False by default; {@code hook} and {@code showgrad} say true, which is
     * how showgrad reports {@code nothing}:
     *
     * <pre>{@code gradient((a, b) -> { showgrad(a); return a.times(b); }, 2, 3);   // prints ∂(a) = nothing, returns (3.0, 2.0)}</pre>
     *
     * @return true to be called with a null cotangent
     */
    protected boolean runsWithoutCotangent() {
        return false;
    }

    /**
     * The primitive with its name.
     *
     * <pre>{@code cube.toString();   // "Primitive(cube)"}</pre>
     *
     * @return {@code Primitive(name)}
     */
    @Override
    public String toString() {
        return "Primitive(" + name + ")";
    }
}
