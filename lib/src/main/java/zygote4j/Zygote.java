package zygote4j;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The entry point of Zygote4j: automatic differentiation for Java, modelled on Julia's
 * Zygote.jl. Users write {@code import static zygote4j.Zygote.*;}.
 *
 * <pre>{@code
 * gradient((a, b) -> a.times(b), 2, 3);                   // (3.0, 2.0)
 * gradient(x -> x.times(x).sum(), Tensor.of(1, 2, 3));    // ([2.0, 4.0, 6.0],)
 * hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));  // [[0.0, 1.0], [1.0, 0.0]]
 * }</pre>
 *
 * <p>Every call opens a differentiation level on the calling thread and closes it before
 * returning, so calls may be nested to any depth (a gradient of a gradient) and run on
 * many threads at once. Exceptions thrown by the user's function reach the caller
 * unchanged.
 */
@SuppressWarnings("unchecked")
public final class Zygote {
    private Zygote() {
    }

    // ================================================================ reverse mode

    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient(x -> x.times(x).sum(), Tensor.of(1, 2));   // ([2.0, 4.0],)}</pre>
     *
     * @return one gradient per argument
     */
    public static <A> Grads gradient(Fn1<A> f, A a) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0]), new Object[] {a});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient(x -> x.square(), 3);   // (6.0,)}</pre>
     *
     * @return one gradient per argument
     */
    public static Grads gradient(Fn1<Real> f, double a) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b) -> b.times(a).sum(), Tensor.of(1, 2), 3);   // ([3.0, 3.0], 3.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static <A, B> Grads gradient(Fn2<A, B> f, A a, B b) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b) -> b.times(a).sum(), Tensor.of(1, 2), 3);   // ([3.0, 3.0], 3.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static <B> Grads gradient(Fn2<Real, B> f, double a, B b) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b) -> b.times(a).sum(), Tensor.of(1, 2), 3);   // ([3.0, 3.0], 3.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static <A> Grads gradient(Fn2<A, Real> f, A a, double b) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b) -> a.times(b), 2, 3);   // (3.0, 2.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static Grads gradient(Fn2<Real, Real> f, double a, double b) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // (12.0, 8.0, 6.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static <A, B, C> Grads gradient(Fn3<A, B, C> f, A a, B b, C c) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // (12.0, 8.0, 6.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static Grads gradient(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // (1.0, 1.0, 1.0, 1.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static <A, B, C, D> Grads gradient(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // (1.0, 1.0, 1.0, 1.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static Grads gradient(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse mode. Arguments may be numbers, {@code Real}s, {@code Tensor}s, records, lists and maps of them; an argument that does not influence the result gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient(xs -> ((Real) xs[0]).times((Real) xs[1]), Real.of(2), Real.of(3));   // (3.0, 2.0)}</pre>
     *
     * @return one gradient per argument
     */
    public static Grads gradient(FnN f, Object... args) {
        return Reverse.gradient("gradient", f, args.clone());
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static <A> WithGradient withgradient(Fn1<A> f, A a) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0]), new Object[] {a});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static WithGradient withgradient(Fn1<Real> f, double a) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static <A, B> WithGradient withgradient(Fn2<A, B> f, A a, B b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static <B> WithGradient withgradient(Fn2<Real, B> f, double a, B b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static <A> WithGradient withgradient(Fn2<A, Real> f, A a, double b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static WithGradient withgradient(Fn2<Real, Real> f, double a, double b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static <A, B, C> WithGradient withgradient(Fn3<A, B, C> f, A a, B b, C c) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static WithGradient withgradient(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static <A, B, C, D> WithGradient withgradient(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static WithGradient withgradient(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }
    /**
     * The value of {@code f} and its gradient from one evaluation.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @return the value and one gradient per argument
     */
    public static WithGradient withgradient(FnN f, Object... args) {
        return Reverse.withgradient("withgradient", f, args.clone());
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static <A> Pullback pullback(Fn1<A> f, A a) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0]), new Object[] {a});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static Pullback pullback(Fn1<Real> f, double a) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static <A, B> Pullback pullback(Fn2<A, B> f, A a, B b) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static <B> Pullback pullback(Fn2<Real, B> f, double a, B b) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static <A> Pullback pullback(Fn2<A, Real> f, A a, double b) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static Pullback pullback(Fn2<Real, Real> f, double a, double b) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static <A, B, C> Pullback pullback(Fn3<A, B, C> f, A a, B b, C c) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static Pullback pullback(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static <A, B, C, D> Pullback pullback(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static Pullback pullback(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value to the gradients of the arguments.
     *
     * <pre>{@code pullback((a, b) -> a.times(b), 2, 3).back(1);   // (3.0, 2.0)}</pre>
     *
     * @return the value and the pullback
     */
    public static Pullback pullback(FnN f, Object... args) {
        return Reverse.pullback("pullback", f, args.clone());
    }

    // ================================================================ forward mode

    /**
     * The value of {@code f} at {@code x} and its directional derivative along {@code dx}
     * (a Jacobian-vector product), by forward mode: one pass, no tape.
     *
     * <pre>{@code jvp(x -> x.times(x).sum(), Tensor.of(1, 2), Tensor.of(1, 0));   // (val = 5.0, tangent = 2.0)}</pre>
     *
     * @param f the function
     * @param x the point (a Real or a Tensor)
     * @param dx the direction, shaped like x
     * @param <A> Real or Tensor
     * @param <R> Real or Tensor
     * @return value and tangent
     */
    public static <A, R> Jvp<R> jvp(Function<A, R> f, A x, A dx) {
        return Forward.jvp(f, x, dx);
    }

    /**
     * The derivative of a scalar function of a scalar at {@code x}, by forward mode.
     *
     * <pre>{@code derivative(x -> x.sin(), 0);   // 1.0}</pre>
     *
     * @param f the function
     * @param x the point
     * @return f'(x)
     */
    public static double derivative(UnaryOperator<Real> f, double x) {
        return Forward.jvp(f, Real.of(x), Real.ONE).tangent().value();
    }

    // ================================================================ utilities

    /**
     * Applies {@code f} to the cotangent of this use of {@code x} in the backward pass;
     * the identity going forward. {@code f} receives {@code null} when no cotangent
     * arrives.
     *
     * <pre>{@code gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3);   // (-3.0, 2.0)}</pre>
     *
     * @param f the function of the cotangent
     * @param x the value
     * @return x
     */
    public static Real hook(UnaryOperator<Real> f, Real x) {
        return (Real) new HookRule<>("hook", f).apply(x);
    }

    /**
     * Applies {@code f} to the cotangent of this use of the tensor {@code x}.
     *
     * <pre>{@code gradient(x -> hook(g -> g.times(2), x).sum(), Tensor.of(1, 2));   // ([2.0, 2.0],)}</pre>
     *
     * @param f the function of the cotangent
     * @param x the value
     * @return x
     */
    public static Tensor hook(UnaryOperator<Tensor> f, Tensor x) {
        return (Tensor) new HookRule<>("hook", f).apply(x);
    }

    /**
     * Like {@code @showgrad}: returns {@code x} and, in the backward pass, prints the
     * cotangent about to reach this use of x as {@code ∂(NAME) = VALUE}, where NAME is the
     * variable's name in the caller's source ({@code nothing} when no cotangent arrives).
     *
     * <pre>{@code gradient((a, b) -> showgrad(a).times(b), 2, 3);   // prints ∂(a) = 3.0, returns (3.0, 2.0)}</pre>
     *
     * @param x the value
     * @return x
     */
    public static Real showgrad(Real x) {
        return showgrad(SourceNames.callerArgumentName(), x);
    }

    /**
     * {@link #showgrad(Real)} with an explicit name.
     *
     * <pre>{@code gradient(a -> showgrad("a", a).times(a), 2);   // prints ∂(a) = 2.0, returns (4.0,)}</pre>
     *
     * @param label the name to print
     * @param x the value
     * @return x
     */
    public static Real showgrad(String label, Real x) {
        return hook(ShowGrad.printer(label), x);
    }

    /**
     * {@link #showgrad(Real)} for a tensor.
     *
     * <pre>{@code gradient(x -> showgrad(x).sum(), Tensor.of(1, 2));   // prints ∂(x) = [1.0, 1.0]}</pre>
     *
     * @param x the value
     * @return x
     */
    public static Tensor showgrad(Tensor x) {
        return showgrad(SourceNames.callerArgumentName(), x);
    }

    /**
     * {@link #showgrad(Tensor)} with an explicit name.
     *
     * <pre>{@code gradient(x -> showgrad("x", x).sum(), Tensor.of(1, 2));   // prints ∂(x) = [1.0, 1.0]}</pre>
     *
     * @param label the name to print
     * @param x the value
     * @return x
     */
    public static Tensor showgrad(String label, Tensor x) {
        return hook(ShowGrad.printer(label), x);
    }

    /**
     * Sets where {@code showgrad} prints (standard output by default).
     *
     * <pre>{@code setShowgradOutput(System.err);}</pre>
     *
     * @param out the stream
     */
    public static void setShowgradOutput(java.io.PrintStream out) {
        ShowGrad.setOutput(out);
    }

    /**
     * Drops the gradient of {@code x}: the same value, seen as a constant by every level.
     *
     * <pre>{@code gradient((a, b) -> dropgrad(a).times(b), 2, 3);   // (nothing, 2.0)}</pre>
     *
     * @param x the value
     * @return x's value, untracked
     */
    public static Real dropgrad(Real x) {
        return (Real) Values.plain(x);
    }

    /**
     * Drops the gradient of the tensor {@code x}.
     *
     * <pre>{@code gradient(x -> dropgrad(x).times(x).sum(), Tensor.of(1, 2));   // ([1.0, 2.0],)}</pre>
     *
     * @param x the value
     * @return x's value, untracked
     */
    public static Tensor dropgrad(Tensor x) {
        // A fresh object, so that an implicit parameter (Params) is not looked up again.
        return x.untracked() ? x : Tensor.plain(x.shape, x.data);
    }

    /**
     * Alias of {@link #dropgrad(Real)}.
     *
     * <pre>{@code gradient((a, b) -> ignore(a).times(b), 2, 3);   // (nothing, 2.0)}</pre>
     *
     * @param x the value
     * @return x's value, untracked
     */
    public static Real ignore(Real x) {
        return dropgrad(x);
    }

    /**
     * Alias of {@link #dropgrad(Tensor)}.
     *
     * <pre>{@code gradient(x -> ignore(x).times(x).sum(), Tensor.of(1, 2));   // ([1.0, 2.0],)}</pre>
     *
     * @param x the value
     * @return x's value, untracked
     */
    public static Tensor ignore(Tensor x) {
        return dropgrad(x);
    }

    /**
     * Runs {@code body} with no differentiation: every tracked value it touches is seen as
     * a constant, nothing is recorded, and its result carries no gradient.
     *
     * <pre>{@code gradient(x -> x.times(ignore(() -> x.times(2))), 3);   // (6.0,)}</pre>
     *
     * @param body the computation
     * @param <T> its result type
     * @return its result, untracked where it is a Real or a Tensor
     */
    public static <T> T ignore(Supplier<T> body) {
        T out;
        try (Levels.Hidden h = Levels.hideAll()) {
            out = body.get();
        }
        if (out instanceof Tensor t) return (T) dropgrad(t);
        if (out instanceof Real) return (T) Values.plain(out);
        return out;
    }

    // ================================================================ indexing

    /**
     * Every index of a dimension; see {@link Index#all()}.
     *
     * <pre>{@code m.slice(all(), at(0));   // the first column}</pre>
     *
     * @return the selection
     */
    public static Index all() {
        return Index.all();
    }

    /**
     * A single index, dropping the dimension; see {@link Index#at(int)}.
     *
     * <pre>{@code m.slice(at(1), all());   // the second row}</pre>
     *
     * @param i the index
     * @return the selection
     */
    public static Index at(int i) {
        return Index.at(i);
    }

    /**
     * A half-open range of indices; see {@link Index#range(int, int)}.
     *
     * <pre>{@code Tensor.of(1, 2, 3, 4).slice(range(1, 3));   // [2.0, 3.0]}</pre>
     *
     * @param from the first index
     * @param to one past the last
     * @return the selection
     */
    public static Index range(int from, int to) {
        return Index.range(from, to);
    }

    // ================================================================ jacobian (tensors)

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian(x -> x.times(x), Tensor.of(1, 2));   // ([[2.0, 0.0], [0.0, 4.0]],)}</pre>
     *
     * @return one Jacobian per argument
     */
    public static <A> Grads jacobian(Fn1<A> f, A a) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0]), new Object[] {a}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian(x -> x.times(x), Tensor.of(1, 2));   // ([[2.0, 0.0], [0.0, 4.0]],)}</pre>
     *
     * @return one Jacobian per argument
     */
    public static Grads jacobian(Fn1<Real> f, double a) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3);   // ([3.0, 1.0], [2.0, 0.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static <A, B> Grads jacobian(Fn2<A, B> f, A a, B b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3);   // ([3.0, 1.0], [2.0, 0.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static <B> Grads jacobian(Fn2<Real, B> f, double a, B b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3);   // ([3.0, 1.0], [2.0, 0.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static <A> Grads jacobian(Fn2<A, Real> f, A a, double b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3);   // ([3.0, 1.0], [2.0, 0.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static Grads jacobian(Fn2<Real, Real> f, double a, double b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // ([12.0], [8.0], [6.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static <A, B, C> Grads jacobian(Fn3<A, B, C> f, A a, B b, C c) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // ([12.0], [8.0], [6.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static Grads jacobian(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // ([1.0], [1.0], [1.0], [1.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static <A, B, C, D> Grads jacobian(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // ([1.0], [1.0], [1.0], [1.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static Grads jacobian(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward pass per output element). For a {@code Tensor} argument it is a matrix with a row per output element and a column per argument element, both flattened row-major; for a number or {@code Real} argument, a vector with one entry per output element; {@code null} where the output does not depend on the argument. {@code f} returns a {@code Real} or a {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian(xs -> ((Tensor) xs[0]).times((Real) xs[1]), Tensor.of(1, 2), Real.of(3));   // ([[3.0, 0.0], [0.0, 3.0]], [1.0, 2.0])}</pre>
     *
     * @return one Jacobian per argument
     */
    public static Grads jacobian(FnN f, Object... args) {
        return Jacobians.withjacobian("jacobian", f, args.clone()).grad();
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static <A> WithGradient withjacobian(Fn1<A> f, A a) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0]), new Object[] {a});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static WithGradient withjacobian(Fn1<Real> f, double a) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static <A, B> WithGradient withjacobian(Fn2<A, B> f, A a, B b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static <B> WithGradient withjacobian(Fn2<Real, B> f, double a, B b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static <A> WithGradient withjacobian(Fn2<A, Real> f, A a, double b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static WithGradient withjacobian(Fn2<Real, Real> f, double a, double b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static <A, B, C> WithGradient withjacobian(Fn3<A, B, C> f, A a, B b, C c) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static WithGradient withjacobian(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static <A, B, C, D> WithGradient withjacobian(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static WithGradient withjacobian(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2)).grad();   // ([[2.0, 0.0], [0.0, 2.0]],)}</pre>
     *
     * @return the value and one Jacobian per argument
     */
    public static WithGradient withjacobian(FnN f, Object... args) {
        return Jacobians.withjacobian("withjacobian", f, args.clone());
    }

    // ================================================================ hessian

    // ================================================================ forwarddiff

    // ================================================================ checkpointed

    // ================================================================ implicit parameters

    /**
     * Implicit mode, like Zygote's {@code gradient(() -> loss, ps)}: the gradient of the
     * scalar {@code loss} with respect to the tensors in {@code params}, which the loss
     * closes over instead of taking as arguments. Look the results up by parameter with
     * {@link Grads#get(Object)} (also by position, in the order of {@code Params.of}); a
     * parameter the loss does not depend on gets {@code null}. Parameters are Tensors
     * (see {@link Params}); while the loss runs, their uses on this thread are tracked.
     *
     * <pre>{@code
     * Tensor w = Tensor.of(1, 2);
     * gradient(() -> w.times(w).sum(), Params.of(w)).get(w);   // [2.0, 4.0]
     * }</pre>
     *
     * @param loss computes a Real (or a one-element Tensor) from the parameters
     * @param params the tensors to differentiate with respect to
     * @return the gradients, one per parameter
     */
    public static Grads gradient(Supplier<?> loss, Params params) {
        return Implicit.withgradient("gradient", loss, params).grad();
    }

    /**
     * Implicit mode with the loss's value: {@code .val()} and {@code .grad()} (gradients
     * looked up by parameter, see {@link #gradient(Supplier, Params)}).
     *
     * <pre>{@code
     * Tensor w = Tensor.of(1, 2);
     * withgradient(() -> w.times(w).sum(), Params.of(w)).val();   // 5.0
     * }</pre>
     *
     * @param loss computes a Real (or a one-element Tensor) from the parameters
     * @param params the tensors to differentiate with respect to
     * @return the value and the gradients
     */
    public static WithGradient withgradient(Supplier<?> loss, Params params) {
        return Implicit.withgradient("withgradient", loss, params);
    }
}
