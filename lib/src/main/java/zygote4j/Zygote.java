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
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient(x -> x.times(x).sum(), Tensor.of(1, 2));   // ([2.0, 4.0],)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static <A> Grads gradient(Fn1<A> f, A a) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0]), new Object[] {a});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient(x -> x.square(), 3);   // (6.0,)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static Grads gradient(Fn1<Real> f, double a) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((x, y) -> x.times(y).sum(), Tensor.of(1, 2), Tensor.of(3, 4));   // ([3.0, 4.0], [1.0, 2.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static <A, B> Grads gradient(Fn2<A, B> f, A a, B b) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, v) -> v.times(a).sum(), 3, Tensor.of(1, 2));   // (3.0, [3.0, 3.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <B> the second argument's type
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static <B> Grads gradient(Fn2<Real, B> f, double a, B b) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((v, b) -> v.times(b).sum(), Tensor.of(1, 2), 3);   // ([3.0, 3.0], 3.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static <A> Grads gradient(Fn2<A, Real> f, A a, double b) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b) -> a.times(b), 2, 3);   // (3.0, 2.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static Grads gradient(Fn2<Real, Real> f, double a, double b) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((v, a, b) -> v.times(a).plus(b).sum(), Tensor.of(1, 2), Real.of(3), Real.of(4));   // ([3.0, 3.0], 3.0, 2.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param c the third argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static <A, B, C> Grads gradient(Fn3<A, B, C> f, A a, B b, C c) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // (12.0, 8.0, 6.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static Grads gradient(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code
     * gradient((v, a, b, c) -> v.times(a).plus(b).sum().times(c),
     *          Tensor.of(1, 2), Real.of(3), Real.of(4), Real.of(2));   // ([6.0, 6.0], 6.0, 4.0, 17.0)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param c the third argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static <A, B, C, D> Grads gradient(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Reverse.gradient("gradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // (1.0, 1.0, 1.0, 1.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static Grads gradient(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Reverse.gradient("gradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }
    /**
     * The gradient of a scalar-valued {@code f} with respect to each argument, by reverse
     * mode: one forward pass that records the operations, one backward pass. Arguments may be
     * numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them; each
     * gradient has its argument's shape, and an argument that does not influence the result
     * gets {@code null} (Zygote's {@code nothing}).
     *
     * <pre>{@code gradient(xs -> ((Real) xs[0]).times((Real) xs[4]), 1, 2, 3, 4, 5);   // (5.0, nothing, nothing, nothing, 1.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them
     * @return one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar (use {@code jacobian}), or an
     *     argument is of an unsupported type
     */
    public static Grads gradient(FnN f, Object... args) {
        return Reverse.gradient("gradient", f, args.clone());
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient(x -> x.times(x).sum(), Tensor.of(1, 2));   // (val = 5.0, grad = ([2.0, 4.0],))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static <A> WithGradient withgradient(Fn1<A> f, A a) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0]), new Object[] {a});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient(x -> x.square(), 3);   // (val = 9.0, grad = (6.0,))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static WithGradient withgradient(Fn1<Real> f, double a) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((x, y) -> x.times(y).sum(), Tensor.of(1, 2), Tensor.of(3, 4));   // (val = 11.0, grad = ([3.0, 4.0], [1.0, 2.0]))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static <A, B> WithGradient withgradient(Fn2<A, B> f, A a, B b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((a, v) -> v.times(a).sum(), 3, Tensor.of(1, 2));   // (val = 9.0, grad = (3.0, [3.0, 3.0]))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <B> the second argument's type
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static <B> WithGradient withgradient(Fn2<Real, B> f, double a, B b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((v, b) -> v.times(b).sum(), Tensor.of(1, 2), 3);   // (val = 9.0, grad = ([3.0, 3.0], 3.0))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static <A> WithGradient withgradient(Fn2<A, Real> f, A a, double b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((a, b) -> a.times(b), 2, 3);   // (val = 6.0, grad = (3.0, 2.0))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static WithGradient withgradient(Fn2<Real, Real> f, double a, double b) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((v, a, b) -> v.times(a).plus(b).sum(), Tensor.of(1, 2), Real.of(3), Real.of(4)).val();   // 17.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param c the third argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static <A, B, C> WithGradient withgradient(Fn3<A, B, C> f, A a, B b, C c) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // (val = 24.0, grad = (12.0, 8.0, 6.0))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static WithGradient withgradient(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code
     * withgradient((v, a, b, c) -> v.times(a).plus(b).sum().times(c),
     *              Tensor.of(1, 2), Real.of(3), Real.of(4), Real.of(2)).val();   // 34.0
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param c the third argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static <A, B, C, D> WithGradient withgradient(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Reverse.withgradient("withgradient", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // (val = 10.0, grad = (1.0, 1.0, 1.0, 1.0))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static WithGradient withgradient(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Reverse.withgradient("withgradient", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }
    /**
     * The value of a scalar-valued {@code f} and its gradient (see {@code gradient}), from one
     * evaluation: {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withgradient(xs -> ((Real) xs[0]).times((Real) xs[4]), 1, 2, 3, 4, 5).val();   // 5.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them
     * @return the value and one gradient per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is of an
     *     unsupported type
     */
    public static WithGradient withgradient(FnN f, Object... args) {
        return Reverse.withgradient("withgradient", f, args.clone());
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback(x -> x.times(2), Tensor.of(1, 2)).back(Tensor.of(1, 10));   // ([2.0, 20.0],)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static <A> Pullback pullback(Fn1<A> f, A a) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0]), new Object[] {a});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback(x -> x.square(), 3).back(1);   // (6.0,)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static Pullback pullback(Fn1<Real> f, double a) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback((x, y) -> x.times(y), Tensor.of(1, 2), Tensor.of(3, 4)).back(Tensor.of(1, 0));   // ([3.0, 0.0], [1.0, 0.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static <A, B> Pullback pullback(Fn2<A, B> f, A a, B b) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback((a, v) -> v.times(a), 3, Tensor.of(1, 2)).back(Tensor.of(1, 1));   // (3.0, [3.0, 3.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <B> the second argument's type
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static <B> Pullback pullback(Fn2<Real, B> f, double a, B b) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback((v, b) -> v.times(b), Tensor.of(1, 2), 3).back(Tensor.of(1, 1));   // ([3.0, 3.0], 3.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static <A> Pullback pullback(Fn2<A, Real> f, A a, double b) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code
     * Pullback p = pullback((a, b) -> a.times(b), 2, 3);
     * p.value();    // 6.0
     * p.back(1);    // (3.0, 2.0)
     * p.back(10);   // (30.0, 20.0)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static Pullback pullback(Fn2<Real, Real> f, double a, double b) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code
     * pullback((v, a, b) -> v.times(a).plus(b), Tensor.of(1, 2), Real.of(3), Real.of(4)).back(Tensor.of(1, 1));
     * // ([3.0, 3.0], 3.0, 2.0)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param c the third argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static <A, B, C> Pullback pullback(Fn3<A, B, C> f, A a, B b, C c) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback((a, b, c) -> a.times(b).times(c), 2, 3, 4).back(1);   // (12.0, 8.0, 6.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static Pullback pullback(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code
     * pullback((v, a, b, c) -> v.times(a).plus(b).times(c), Tensor.of(1, 2), Real.of(3), Real.of(4), Real.of(2))
     *     .back(Tensor.of(1, 1));   // ([6.0, 6.0], 6.0, 4.0, 17.0)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param b the second argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param c the third argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}, or a record, {@code List} or
     *     {@code Map} of them
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static <A, B, C, D> Pullback pullback(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Reverse.pullback("pullback", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4).back(2);   // (2.0, 2.0, 2.0, 2.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
     */
    public static Pullback pullback(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Reverse.pullback("pullback", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }
    /**
     * The value of {@code f} and its pullback, which maps a cotangent of the value (shaped like
     * it) to the gradients of the arguments: {@code .value()} and {@code .back(dy)}.
     * {@code back} may be called any number of times; the function runs once.
     *
     * <pre>{@code pullback(xs -> ((Real) xs[0]).times((Real) xs[4]), 1, 2, 3, 4, 5).back(1);   // (5.0, nothing, nothing, nothing, 1.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s, and records, lists and maps of them
     * @return the value and the pullback
     * @throws IllegalArgumentException if an argument is of an unsupported type
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
     * @throws IllegalArgumentException if x is neither a {@code Real} nor a {@code Tensor}, dx is not
     *     shaped like x, or f returns neither a {@code Real} nor a {@code Tensor}
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
     * @throws IllegalStateException in the backward pass, if f returns something other than a
     *     {@code Real} (or null)
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
     * @throws IllegalStateException in the backward pass, if f returns something other than a
     *     {@code Tensor} of x's shape (or null)
     */
    public static Tensor hook(UnaryOperator<Tensor> f, Tensor x) {
        return (Tensor) new HookRule<>("hook", f).apply(x);
    }

    /**
     * Like {@code @showgrad}: returns {@code x} and, in the backward pass, prints the
     * cotangent about to reach this use of x as {@code ∂(NAME) = VALUE}, where NAME is the
     * variable's name in the caller's source ({@code nothing} when no cotangent arrives).
     * The name is read from the caller's class file (its local variable table, which javac
     * writes with {@code -g}, Maven's default); a field is named by the field. When there
     * is no name (the argument is an expression, or the class has no debug information)
     * NAME is {@code ?} followed by the call's position, as in {@code ∂(? at Model.java:42)};
     * {@link #showgrad(String, Real)} names it explicitly.
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
     * <pre>{@code
     * setShowgradOutput(System.err);
     * gradient(x -> showgrad("x", x).square(), 3);   // (6.0,), and ∂(x) = 6.0 goes to System.err
     * setShowgradOutput(null);                       // back to standard output
     * }</pre>
     *
     * @param out the stream, or null for {@code System.out} (as it is when showgrad prints)
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
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).slice(all(), at(0));   // [1.0, 3.0], the first column}</pre>
     *
     * @return the selection
     */
    public static Index all() {
        return Index.all();
    }

    /**
     * A single index, dropping the dimension; see {@link Index#at(int)}.
     *
     * <pre>{@code Tensor.of(new double[][] {{1, 2}, {3, 4}}).slice(at(1), all());   // [3.0, 4.0], the second row}</pre>
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
     * @throws IllegalArgumentException if {@code to < from}
     */
    public static Index range(int from, int to) {
        return Index.range(from, to);
    }

    // ================================================================ jacobian (tensors)

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian(x -> x.times(x), Tensor.of(1, 2));   // ([[2.0, 0.0], [0.0, 4.0]],)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A> Grads jacobian(Fn1<A> f, A a) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0]), new Object[] {a}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian(x -> Tensor.of(x, x.square()), 3);   // ([1.0, 6.0],)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static Grads jacobian(Fn1<Real> f, double a) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code
     * jacobian((x, y) -> x.times(y), Tensor.of(1, 2), Tensor.of(3, 4));
     * // ([[3.0, 0.0], [0.0, 4.0]], [[1.0, 0.0], [0.0, 2.0]])
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B> Grads jacobian(Fn2<A, B> f, A a, B b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, v) -> v.times(a), 3, Tensor.of(1, 2));   // ([1.0, 2.0], [[3.0, 0.0], [0.0, 3.0]])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <B> the second argument's type
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <B> Grads jacobian(Fn2<Real, B> f, double a, B b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((v, b) -> v.times(b), Tensor.of(1, 2), 3);   // ([[3.0, 0.0], [0.0, 3.0]], [1.0, 2.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A> Grads jacobian(Fn2<A, Real> f, A a, double b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3);   // ([3.0, 1.0], [2.0, 0.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static Grads jacobian(Fn2<Real, Real> f, double a, double b) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code
     * jacobian((v, a, b) -> v.times(a).plus(b), Tensor.of(1, 2), Real.of(3), Real.of(4));
     * // ([[3.0, 0.0], [0.0, 3.0]], [1.0, 2.0], [1.0, 1.0])
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, C> Grads jacobian(Fn3<A, B, C> f, A a, B b, C c) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // ([12.0], [8.0], [6.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static Grads jacobian(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code
     * jacobian((v, a, b, c) -> v.times(a).plus(b).times(c), Tensor.of(1, 2), Real.of(3), Real.of(4), Real.of(2));
     * // ([[6.0, 0.0], [0.0, 6.0]], [2.0, 4.0], [2.0, 2.0], [7.0, 10.0])
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, C, D> Grads jacobian(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // ([1.0], [1.0], [1.0], [1.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static Grads jacobian(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Jacobians.withjacobian("jacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)}).grad();
    }

    /**
     * The Jacobian of {@code f} with respect to each argument, by reverse mode (one backward
     * pass per output element). For a {@code Tensor} argument it is a matrix with a row per
     * output element and a column per argument element, both flattened row-major; for a number
     * or {@code Real} argument, a vector with one entry per output element; {@code null} where
     * the output does not depend on the argument. {@code f} returns a {@code Real} or a
     * {@code Tensor}; arguments are numbers, {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code jacobian(xs -> ((Tensor) xs[0]).times((Real) xs[1]), Tensor.of(1, 2), Real.of(3));   // ([[3.0, 0.0], [0.0, 3.0]], [1.0, 2.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s
     * @return one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static Grads jacobian(FnN f, Object... args) {
        return Jacobians.withjacobian("jacobian", f, args.clone()).grad();
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> x.times(2), Tensor.of(1, 2));   // (val = [2.0, 4.0], grad = ([[2.0, 0.0], [0.0, 2.0]],))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A> WithGradient withjacobian(Fn1<A> f, A a) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0]), new Object[] {a});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(x -> Tensor.of(x, x.square()), 3);   // (val = [3.0, 9.0], grad = ([1.0, 6.0],))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static WithGradient withjacobian(Fn1<Real> f, double a) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((x, y) -> x.times(y), Tensor.of(1, 2), Tensor.of(3, 4)).val();   // [3.0, 8.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B> WithGradient withjacobian(Fn2<A, B> f, A a, B b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((a, v) -> v.times(a), 3, Tensor.of(1, 2)).grad().tensor(0);   // [1.0, 2.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <B> the second argument's type
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <B> WithGradient withjacobian(Fn2<Real, B> f, double a, B b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((v, b) -> v.times(b), Tensor.of(1, 2), 3).grad().tensor(1);   // [1.0, 2.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A> WithGradient withjacobian(Fn2<A, Real> f, A a, double b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3);   // (val = [6.0, 2.0], grad = ([3.0, 1.0], [2.0, 0.0]))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static WithGradient withjacobian(Fn2<Real, Real> f, double a, double b) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((v, a, b) -> v.times(a).plus(b), Tensor.of(1, 2), Real.of(3), Real.of(4)).val();   // [7.0, 10.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, C> WithGradient withjacobian(Fn3<A, B, C> f, A a, B b, C c) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // (val = 24.0, grad = ([12.0], [8.0], [6.0]))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static WithGradient withjacobian(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code
     * withjacobian((v, a, b, c) -> v.times(a).plus(b).times(c),
     *              Tensor.of(1, 2), Real.of(3), Real.of(4), Real.of(2)).val();   // [14.0, 20.0]
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, C, D> WithGradient withjacobian(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // (val = 10.0, grad = ([1.0], [1.0], [1.0], [1.0]))}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static WithGradient withjacobian(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Jacobians.withjacobian("withjacobian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }

    /**
     * The value of {@code f} and its Jacobians (see {@code jacobian}) from one evaluation:
     * {@code .val()} and {@code .grad()}.
     *
     * <pre>{@code withjacobian(xs -> ((Tensor) xs[0]).times((Real) xs[1]), Tensor.of(1, 2), Real.of(3)).val();   // [3.0, 6.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s
     * @return the value and one Jacobian per argument
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static WithGradient withjacobian(FnN f, Object... args) {
        return Jacobians.withjacobian("withjacobian", f, args.clone());
    }

    // ================================================================ hessian

    /**
     * The Hessian of a scalar-valued {@code f} at the tensor {@code x}, by forward-over-reverse
     * (a forward level pushes chunks of 12 basis directions through the reverse gradient):
     * an n x n {@code Tensor} for x of n elements, rows and columns following x's elements
     * row-major.
     *
     * <pre>{@code hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));   // [[0.0, 1.0], [1.0, 0.0]]}</pre>
     *
     * @param f the function; it must return a scalar
     * @param x the point
     * @return the Hessian, differentiable again when x is tracked by an outer level
     * @throws IllegalArgumentException if f does not return a scalar
     */
    public static Tensor hessian(Fn1<Tensor> f, Tensor x) {
        return Hessians.hessian("hessian", f, x, Hessians.DEFAULT_CHUNK);
    }

    /**
     * {@link #hessian(Fn1, Tensor)} with {@code chunk} tangent directions per forward pass:
     * larger chunks mean fewer passes over f, each carrying more tangents.
     *
     * <pre>{@code
     * hessian(v -> v.square().sum(), Tensor.of(1, 2, 3), 3);   // in one pass of f:
     * // [[2.0, 0.0, 0.0],
     * //  [0.0, 2.0, 0.0],
     * //  [0.0, 0.0, 2.0]]
     * }</pre>
     *
     * @param f the function; it must return a scalar
     * @param x the point
     * @param chunk directions per pass, at least 1
     * @return the Hessian
     * @throws IllegalArgumentException if f does not return a scalar, or {@code chunk < 1}
     */
    public static Tensor hessian(Fn1<Tensor> f, Tensor x, int chunk) {
        return Hessians.hessian("hessian", f, x, chunk);
    }

    /**
     * The second derivative of a scalar function of a number, by forward-over-reverse.
     *
     * <pre>{@code hessian(x -> x.pow(3), 2);   // 12.0}</pre>
     *
     * @param f the function
     * @param x the point
     * @return f''(x)
     * @throws IllegalArgumentException if f does not return a scalar
     */
    public static double hessian(Fn1<Real> f, double x) {
        return Hessians.hessian("hessian", f, Real.of(x)).value();
    }

    /**
     * The second derivative of a scalar function at a (possibly tracked) {@code Real}.
     *
     * <pre>{@code hessian(x -> x.pow(3), Real.of(2));   // 12.0}</pre>
     *
     * @param f the function
     * @param x the point
     * @return f''(x), differentiable again when x is tracked
     * @throws IllegalArgumentException if f does not return a scalar
     */
    public static Real hessian(Fn1<Real> f, Real x) {
        return Hessians.hessian("hessian", f, x);
    }

    /**
     * The Hessian of {@code f} at the tensor {@code x} by reverse-over-reverse: the
     * pullback of the gradient, applied to each basis vector, gives a row. Same result as
     * {@link #hessian(Fn1, Tensor)}; usually slower, useful as a cross-check.
     *
     * <pre>{@code hessianReverse(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));   // [[0.0, 1.0], [1.0, 0.0]]}</pre>
     *
     * @param f the function; it must return a scalar
     * @param x the point
     * @return the n x n Hessian
     * @throws IllegalArgumentException if f does not return a scalar
     */
    public static Tensor hessianReverse(Fn1<Tensor> f, Tensor x) {
        return Hessians.hessianReverse("hessianReverse", f, x);
    }

    /**
     * The second derivative of a scalar function of a number, by reverse-over-reverse.
     *
     * <pre>{@code hessianReverse(x -> x.pow(3), 2);   // 12.0}</pre>
     *
     * @param f the function
     * @param x the point
     * @return f''(x)
     * @throws IllegalArgumentException if f does not return a scalar
     */
    public static double hessianReverse(Fn1<Real> f, double x) {
        return Hessians.hessianReverse("hessianReverse", f, Real.of(x)).value();
    }

    /**
     * The second derivative at a (possibly tracked) {@code Real}, by reverse-over-reverse.
     *
     * <pre>{@code hessianReverse(x -> x.pow(3), Real.of(2));   // 12.0}</pre>
     *
     * @param f the function
     * @param x the point
     * @return f''(x)
     * @throws IllegalArgumentException if f does not return a scalar
     */
    public static Real hessianReverse(Fn1<Real> f, Real x) {
        return Hessians.hessianReverse("hessianReverse", f, x);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian(x -> x.pow(3).sum(), Tensor.of(1, 2));   // ([6.0, 12.0],)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static <A> Grads diaghessian(Fn1<A> f, A a) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((A) xs[0]), new Object[] {a}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian(x -> x.pow(3), 2);   // (12.0,)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static Grads diaghessian(Fn1<Real> f, double a) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian((x, y) -> x.square().times(y).sum(), Tensor.of(1, 2), Tensor.of(3, 4));   // ([6.0, 8.0], [0.0, 0.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static <A, B> Grads diaghessian(Fn2<A, B> f, A a, B b) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian((a, v) -> v.times(a.square()).sum(), 3, Tensor.of(1, 2));   // (6.0, [0.0, 0.0])}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <B> the second argument's type
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static <B> Grads diaghessian(Fn2<Real, B> f, double a, B b) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian((v, b) -> v.pow(3).times(b).sum(), Tensor.of(1, 2), 3);   // ([18.0, 36.0], 0.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static <A> Grads diaghessian(Fn2<A, Real> f, A a, double b) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian((a, b) -> a.square().times(b), 2, 3);   // (6.0, 0.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static Grads diaghessian(Fn2<Real, Real> f, double a, double b) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code
     * diaghessian((v, a, b) -> v.square().times(a).plus(b.square()).sum(), Tensor.of(1, 2), Real.of(3), Real.of(4));
     * // ([6.0, 6.0], 0.0, 4.0)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static <A, B, C> Grads diaghessian(Fn3<A, B, C> f, A a, B b, C c) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian((a, b, c) -> a.times(b).times(c.square()), 1, 2, 3);   // (0.0, 0.0, 4.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static Grads diaghessian(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code
     * diaghessian((v, a, b, c) -> v.square().sum().times(a).plus(b.times(c)),
     *             Tensor.of(1, 2), Real.of(3), Real.of(4), Real.of(5));   // ([6.0, 6.0], 0.0, 0.0, 0.0)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static <A, B, C, D> Grads diaghessian(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian((a, b, c, d) -> a.square().plus(d.pow(3)), 1, 2, 3, 4);   // (2.0, 0.0, 0.0, 24.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static Grads diaghessian(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return Hessians.diaghessian("diaghessian", xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)}, Hessians.DEFAULT_CHUNK);
    }

    /**
     * The diagonal of the Hessian of a scalar-valued {@code f}, for each argument shaped like
     * it (a {@code Real} for a number or {@code Real}, a {@code Tensor} for a {@code Tensor}),
     * by forward-over-reverse over all the arguments' elements. Arguments may be numbers,
     * {@code Real}s and {@code Tensor}s.
     *
     * <pre>{@code diaghessian(xs -> ((Real) xs[0]).pow(3).times((Real) xs[4]), 2, 0, 0, 0, 1);   // (12.0, 0.0, 0.0, 0.0, 0.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a one-element {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s
     * @return one diagonal per argument
     * @throws IllegalArgumentException if f returns anything but a scalar, or an argument is not a
     *     number, {@code Real} or {@code Tensor}
     */
    public static Grads diaghessian(FnN f, Object... args) {
        return Hessians.diaghessian("diaghessian", f, args.clone(), Hessians.DEFAULT_CHUNK);
    }

    // ================================================================ forwarddiff

    /**
     * {@code f(x)}, differentiated in forward mode rather than reverse mode: nothing inside
     * f is recorded on the reverse tape (one node for the whole call), so memory stays
     * constant however long f runs; the cost is one pass of f per 12 elements of x.
     * Values f closes over get no gradient (they are constants inside f); pass them in x
     * to differentiate with respect to them. The Jacobian is computed on plain numbers, so
     * forwarddiff is differentiable once: a second derivative through it throws an
     * {@code IllegalStateException}.
     *
     * <pre>{@code
     * gradient(x -> forwarddiff(y -> y.times(y), x), 5);                                    // (10.0,)
     * gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3);                           // (3.0, nothing)
     * gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3); // (3.0, 2.0)
     * }</pre>
     *
     * @param f the function, of a Real or a Tensor, returning a Real or a Tensor
     * @param x the argument (a Real, a Tensor, or a number)
     * @param <A> Real or Tensor
     * @param <R> Real or Tensor
     * @return f(x), tracked like x
     * @throws IllegalArgumentException if x is not a number, {@code Real} or {@code Tensor}, or f returns
     *     neither a {@code Real} nor a {@code Tensor}
     * @throws IllegalStateException when differentiated a second time
     */
    public static <A, R> R forwarddiff(Function<A, R> f, A x) {
        return ForwardDiffRule.apply(f, x, Hessians.DEFAULT_CHUNK);
    }

    /**
     * {@link #forwarddiff(Function, Object)} at a number (a constant: f runs once, nothing
     * to differentiate).
     *
     * <pre>{@code forwarddiff(x -> x.square(), 3);   // 9.0}</pre>
     *
     * @param f the function of a Real
     * @param x the argument
     * @param <R> Real or Tensor
     * @return f(x)
     * @throws IllegalArgumentException if f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <R> R forwarddiff(Function<Real, R> f, double x) {
        return ForwardDiffRule.apply(f, Real.of(x), Hessians.DEFAULT_CHUNK);
    }

    /**
     * {@link #forwarddiff(Function, Object)} with {@code chunk} tangent directions per
     * forward pass (more directions: fewer passes of f, each carrying more tangents).
     *
     * <pre>{@code gradient(v -> forwarddiff(w -> w.square().sum(), v, 2), Tensor.of(1, 2, 3));   // ([2.0, 4.0, 6.0],), in 2 passes}</pre>
     *
     * @param f the function
     * @param x the argument
     * @param chunk directions per pass, at least 1
     * @param <A> Real or Tensor
     * @param <R> Real or Tensor
     * @return f(x)
     * @throws IllegalArgumentException if x is not a number, {@code Real} or {@code Tensor}, f returns
     *     neither a {@code Real} nor a {@code Tensor}, or {@code chunk < 1}
     * @throws IllegalStateException when differentiated a second time
     */
    public static <A, R> R forwarddiff(Function<A, R> f, A x, int chunk) {
        return ForwardDiffRule.apply(f, x, chunk);
    }

    // ================================================================ checkpointed

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code gradient(x -> checkpointed(y -> y.sin().times(y), x), 1);   // (1.3817732906760363,)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, R> R checkpointed(Fn1<A> f, A a) {
        return (R) CheckpointRule.apply(xs -> f.apply((A) xs[0]), new Object[] {a});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed(x -> x.square(), 3);   // 9.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <R> R checkpointed(Fn1<Real> f, double a) {
        return (R) CheckpointRule.apply(xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code gradient((a, b) -> checkpointed((x, y) -> x.times(y).exp(), a, b), 0, 1);   // (1.0, 0.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, R> R checkpointed(Fn2<A, B> f, A a, B b) {
        return (R) CheckpointRule.apply(xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed((a, v) -> v.times(a), 2, Tensor.of(1, 2));   // [2.0, 4.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param <B> the second argument's type
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <B, R> R checkpointed(Fn2<Real, B> f, double a, B b) {
        return (R) CheckpointRule.apply(xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed((v, b) -> v.times(b), Tensor.of(1, 2), 2);   // [2.0, 4.0]}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <A> the first argument's type
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, R> R checkpointed(Fn2<A, Real> f, A a, double b) {
        return (R) CheckpointRule.apply(xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed((a, b) -> a.times(b), 2, 3);   // 6.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <R> R checkpointed(Fn2<Real, Real> f, double a, double b) {
        return (R) CheckpointRule.apply(xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code gradient((a, b) -> checkpointed((x, y, z) -> x.times(y).times(z), a, b, Real.of(2)), 3, 4);   // (8.0, 6.0)}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, C, R> R checkpointed(Fn3<A, B, C> f, A a, B b, C c) {
        return (R) CheckpointRule.apply(xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2]), new Object[] {a, b, c});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed((a, b, c) -> a.times(b).times(c), 2, 3, 4);   // 24.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <R> R checkpointed(Fn3<Real, Real, Real> f, double a, double b, double c) {
        return (R) CheckpointRule.apply(xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2]), new Object[] {Real.of(a), Real.of(b), Real.of(c)});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code
     * gradient(v -> checkpointed((x, a, b, c) -> x.times(a).plus(b).times(c).sum(), v, Real.of(3), Real.of(4), Real.of(2)),
     *          Tensor.of(1, 2));   // ([6.0, 6.0],)
     * }</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument: a {@code Real} or a {@code Tensor}
     * @param b the second argument: a {@code Real} or a {@code Tensor}
     * @param c the third argument: a {@code Real} or a {@code Tensor}
     * @param d the fourth argument: a {@code Real} or a {@code Tensor}
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <C> the third argument's type
     * @param <D> the fourth argument's type
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <A, B, C, D, R> R checkpointed(Fn4<A, B, C, D> f, A a, B b, C c, D d) {
        return (R) CheckpointRule.apply(xs -> f.apply((A) xs[0], (B) xs[1], (C) xs[2], (D) xs[3]), new Object[] {a, b, c, d});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4);   // 10.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param a the first argument, a number (differentiated as a {@code Real})
     * @param b the second argument, a number (differentiated as a {@code Real})
     * @param c the third argument, a number (differentiated as a {@code Real})
     * @param d the fourth argument, a number (differentiated as a {@code Real})
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <R> R checkpointed(Fn4<Real, Real, Real, Real> f, double a, double b, double c, double d) {
        return (R) CheckpointRule.apply(xs -> f.apply((Real) xs[0], (Real) xs[1], (Real) xs[2], (Real) xs[3]), new Object[] {Real.of(a), Real.of(b), Real.of(c), Real.of(d)});
    }

    /**
     * {@code f(args...)}, without keeping f's intermediates: the tape holds one node for
     * the call, and each backward pass runs f again (under a fresh pullback) to get the
     * gradient, trading time for memory as Zygote's {@code checkpointed} does. Arguments
     * are numbers, {@code Real}s and {@code Tensor}s; values f closes over are constants
     * (pass what you differentiate as arguments). The result type is inferred from the
     * assignment (Java's closest idiom to Julia's dynamic result).
     *
     * <pre>{@code checkpointed(xs -> ((Real) xs[0]).times((Real) xs[4]), 1, 2, 3, 4, 5);   // 5.0}</pre>
     *
     * @param f the function; it returns a {@code Real} or a {@code Tensor}
     * @param args the arguments: numbers, {@code Real}s, {@code Tensor}s
     * @param <R> Real or Tensor, as f returns
     * @return f's value
     * @throws IllegalArgumentException if an argument is not a number, {@code Real} or {@code Tensor}, or
     *     f returns neither a {@code Real} nor a {@code Tensor}
     */
    public static <R> R checkpointed(FnN f, Object... args) {
        return (R) CheckpointRule.apply(f, args.clone());
    }

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
     * @throws IllegalArgumentException if loss or params is null, or the loss is not a scalar
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
     * @throws IllegalArgumentException if loss or params is null, or the loss is not a scalar
     */
    public static WithGradient withgradient(Supplier<?> loss, Params params) {
        return Implicit.withgradient("withgradient", loss, params);
    }

    // ================================================================ graph

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph(x -> x.times(x).sum(), Tensor.of(1, 2)).toDot().contains("cotangent: [2, 4]");   // true}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static <A> Graph graph(Fn1<A> f, A a) {
        return Graph.record("graph", xs -> f.apply((A) xs[0]), new Object[] {a});
    }

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph(x -> x.sin().times(x), 2).toDot().contains("times (output)");   // true}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static Graph graph(Fn1<Real> f, double a) {
        return Graph.record("graph", xs -> f.apply((Real) xs[0]), new Object[] {Real.of(a)});
    }

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph((w, x) -> w.matmul(x).sum(), Tensor.of(new double[][] {{1, 2}, {3, 4}}), Tensor.of(5, 6)).toDot().contains("matmul");   // true}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static <A, B> Graph graph(Fn2<A, B> f, A a, B b) {
        return Graph.record("graph", xs -> f.apply((A) xs[0], (B) xs[1]), new Object[] {a, b});
    }

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph((a, v) -> v.times(a).sum(), 2, Tensor.of(1, 2, 3)).toDot().contains("sum (output)");   // true}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static <B> Graph graph(Fn2<Real, B> f, double a, B b) {
        return Graph.record("graph", xs -> f.apply((Real) xs[0], (B) xs[1]), new Object[] {Real.of(a), b});
    }

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph((v, b) -> v.get(0).times(b), Tensor.of(1, 2), 3).toDot().contains("cotangent: [3, 0]");   // true}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static <A> Graph graph(Fn2<A, Real> f, A a, double b) {
        return Graph.record("graph", xs -> f.apply((A) xs[0], (Real) xs[1]), new Object[] {a, Real.of(b)});
    }

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph((a, b) -> a.times(b).plus(a.sin()), 2, 3).toDot().contains("cotangent: 2.584");   // true (3 + cos 2)}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static Graph graph(Fn2<Real, Real> f, double a, double b) {
        return Graph.record("graph", xs -> f.apply((Real) xs[0], (Real) xs[1]), new Object[] {Real.of(a), Real.of(b)});
    }

    /**
     * A picture of f's computation at these arguments, as Graphviz DOT text: a box per
     * recorded operation with its name, shape and value, and, when f returns a scalar, the
     * cotangent the backward pass gave it ({@code nothing} where none arrived); arguments
     * are labelled by position and the output has a double border. Print it, or render it
     * with {@code dot -Tsvg} ({@code ./zygote4j graph} does both). See {@link Graph}.
     *
     * <pre>{@code graph(xs -> ((Real) xs[0]).times((Real) xs[2]), 1, 2, 3).toDot().contains("cotangent: nothing");   // true}</pre>
     *
     * @return the graph; {@code toString()} and {@code toDot()} give the DOT text
     */
    public static Graph graph(FnN f, Object... args) {
        return Graph.record("graph", f, args.clone());
    }
}
