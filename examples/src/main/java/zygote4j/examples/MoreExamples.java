package zygote4j.examples;

import static zygote4j.Zygote.*;

import java.util.List;
import zygote4j.Params;
import zygote4j.Primitive;
import zygote4j.Pullback;
import zygote4j.Real;
import zygote4j.Tensor;

/** The rest of the API's examples, after the seed page: each shown exactly as it runs. */
final class MoreExamples {
    private MoreExamples() {
    }

    /** cube(x) = x^3 with hand-written rules, written with library operations so that they differentiate again. */
    static final Primitive CUBE = new Primitive("cube") {
        @Override
        protected Object evaluate(Object[] in) {
            double x = ((Real) in[0]).value();
            return Real.of(x * x * x);
        }

        @Override
        protected Object jvp(Object[] in, Object out, Object[] t) {
            Real x = (Real) in[0];
            return ((Real) t[0]).times(x.square().times(3));
        }

        @Override
        protected Object[] vjp(Object[] in, Object out, Object ct) {
            Real x = (Real) in[0];
            return new Object[] {((Real) ct).times(x.square().times(3))};
        }
    };

    /** A record used as an argument: its gradient is a record of the same type. */
    record Line(Real slope, Real intercept) {
    }

    static void write(Transcript t) {
        t.section("gradient, withgradient, pullback", "gradient, withgradient, pullback",
                "Reverse mode. Arguments are numbers, Reals, Tensors (and records, lists, maps of them).");
        t.show("gradient(x -> x.times(x).sum(), Tensor.of(1, 2, 3));",
                () -> gradient(x -> x.times(x).sum(), Tensor.of(1, 2, 3)));
        t.show("withgradient(x -> x.square(), 3);", () -> withgradient(x -> x.square(), 3));
        Pullback[] p = new Pullback[1];
        t.show("""
                Pullback p = pullback((a, b) -> a.times(b), 2, 3);
                p.value();""",
                () -> {
                    p[0] = pullback((a, b) -> a.times(b), 2, 3);
                    return p[0].value();
                });
        t.show("p.back(1);", () -> p[0].back(1));
        t.show("p.back(10);   // back may be called more than once", () -> p[0].back(10));

        t.section("jacobian, withjacobian", "jacobian(f, x)",
                "One row per output element, one column per input element (both flattened row-major);",
                "for a number argument, one entry per output element.");
        t.show("jacobian(x -> x.sin(), Tensor.of(0, 1));", () -> jacobian(x -> x.sin(), Tensor.of(0, 1)));
        t.show("jacobian((a, b) -> Tensor.of(a.times(b), a.plus(b)), 2, 3);",
                () -> jacobian((a, b) -> Tensor.of(a.times(b), a.plus(b)), 2, 3));

        t.section("Records, lists, maps and Params", "structs, Params",
                "A record of Reals and Tensors gets a record of the same type as its gradient; a List gets a",
                "List and a Map a Map. Implicit mode collects gradients by parameter, as Flux does.");
        t.define("record Line(Real slope, Real intercept) {}");
        t.show("gradient(l -> l.slope().times(3).plus(l.intercept()), new Line(Real.of(1), Real.of(2)));",
                () -> gradient(l -> l.slope().times(3).plus(l.intercept()), new Line(Real.of(1), Real.of(2))));
        t.show("gradient(xs -> xs.get(0).times(xs.get(1)), List.of(Real.of(2), Real.of(3)));",
                () -> gradient(xs -> xs.get(0).times(xs.get(1)), List.of(Real.of(2), Real.of(3))));
        Tensor w = Tensor.of(1, 2);
        t.show("""
                Tensor w = Tensor.of(1, 2);
                Grads g = gradient(() -> w.times(w).sum(), Params.of(w));
                g.get(w);""",
                () -> gradient(() -> w.times(w).sum(), Params.of(w)).get(w));

        t.section("Linear algebra", "LinearAlgebra",
                "matmul (NumPy's semantics), det, logdet, inv, solve, cholesky, trace, norm: each with",
                "forward and reverse rules, differentiable again.");
        t.show("""
                Tensor A = Tensor.of(new double[][] {{2, 1}, {1, 3}});
                gradient(m -> m.det(), A);   // det(A) inv(A)^T""",
                () -> gradient(m -> m.det(), Tensor.of(new double[][] {{2, 1}, {1, 3}})));
        t.show("gradient(m -> m.logdet(), A);   // inv(A)^T",
                () -> gradient(m -> m.logdet(), Tensor.of(new double[][] {{2, 1}, {1, 3}})));
        t.show("gradient(b -> A.solve(b).sum(), Tensor.of(1, 1));",
                () -> gradient(b -> Tensor.of(new double[][] {{2, 1}, {1, 3}}).solve(b).sum(), Tensor.of(1, 1)));

        t.section("jvp, derivative", null, "Forward mode: one pass, no tape.");
        t.show("jvp(x -> x.times(x).sum(), Tensor.of(1, 2), Tensor.of(1, 0));",
                () -> jvp(x -> x.times(x).sum(), Tensor.of(1, 2), Tensor.of(1, 0)));
        t.show("derivative(x -> x.sin(), 0);", () -> derivative(x -> x.sin(), 0));

        t.section("hessianReverse, diaghessian", null,
                "The Hessian by reverse mode over reverse mode (a cross-check of hessian), and the",
                "Hessian's diagonal, one per argument, shaped like it.");
        t.show("hessianReverse(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));",
                () -> hessianReverse(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3)));
        t.show("hessian(x -> x.pow(3), 2);", () -> hessian(x -> x.pow(3), 2));
        t.show("diaghessian((a, b) -> a.square().times(b), 2, 3);",
                () -> diaghessian((a, b) -> a.square().times(b), 2, 3));
        t.show("diaghessian(x -> x.pow(3).sum(), Tensor.of(1, 2));",
                () -> diaghessian(x -> x.pow(3).sum(), Tensor.of(1, 2)));

        t.section("checkpointed(f, args...)", "checkpointed(f, xs...)",
                "f's value, without keeping f's intermediates: f runs again in each backward pass.");
        int[] calls = {0};
        Pullback[] q = new Pullback[1];
        t.show("""
                int[] calls = {0};
                Pullback q = pullback(x -> checkpointed(y -> { calls[0]++; return y.sin().times(y); }, x), 1);
                calls[0];""",
                () -> {
                    q[0] = pullback(x -> checkpointed(y -> { calls[0]++; return y.sin().times(y); }, x), 1);
                    return calls[0];
                });
        t.show("q.back(1);", () -> q[0].back(1));
        t.show("calls[0];   // f ran again", () -> calls[0]);

        t.section("ignore(() -> ...)", "ignore() do ... end",
                "Runs a computation with no differentiation: its result is a constant.");
        t.show("gradient(x -> x.times(ignore(() -> x.times(2))), 3);",
                () -> gradient(x -> x.times(ignore(() -> x.times(2))), 3));

        t.section("Custom rules: Primitive", "ChainRules' frule and rrule",
                "A new differentiable operation: its value, its forward rule and its reverse rule. Rules written",
                "with library operations differentiate again, so the operation works at every order.");
        t.define("""
                Primitive cube = new Primitive("cube") {
                  protected Object evaluate(Object[] in) { double x = ((Real) in[0]).value(); return Real.of(x * x * x); }
                  protected Object jvp(Object[] in, Object out, Object[] t) {
                    Real x = (Real) in[0]; return ((Real) t[0]).times(x.square().times(3)); }
                  protected Object[] vjp(Object[] in, Object out, Object ct) {
                    Real x = (Real) in[0]; return new Object[] {((Real) ct).times(x.square().times(3))}; }
                };""");
        Primitive cube = CUBE;
        t.show("gradient(x -> (Real) cube.apply(x), 2);", () -> gradient(x -> (Real) cube.apply(x), 2));
        t.show("hessian(x -> (Real) cube.apply(x), 2);", () -> hessian(x -> (Real) cube.apply(x), 2));

        t.section("Errors say what went wrong", null, "Bad input gets an exception that names the operation, the shapes and a fix.");
        t.show("gradient(x -> x.times(2), Tensor.of(1, 2));", () -> gradient(x -> x.times(2), Tensor.of(1, 2)));
    }
}
