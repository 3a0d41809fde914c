package zygote4j.examples;

import static zygote4j.Zygote.*;

import zygote4j.Buffer;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * The "Utilities" page of Zygote.jl's manual, example by example and in its order, as
 * Java: each example's code is shown exactly as it runs.
 */
final class SeedPage {
    private SeedPage() {
    }

    static Tensor vstack(Tensor xs) {
        Buffer buf = Buffer.of(xs, xs.length(), 5);   // like similar(xs, 3, 5)
        for (int i = 0; i < 5; i++) buf.set(xs, all(), at(i));   // buf[:, i] = xs
        return buf.copy();
    }

    static Real pow(Real x, int n) {
        Real r = Real.of(1);
        for (int i = 0; i < n; i++) r = r.times(x);
        return r;
    }

    static void write(Transcript t) {
        showgradSection(t);
        hookSection(t);
        dropgradSection(t);
        hessianSection(t);
        bufferSection(t);
        forwarddiffSection(t);
    }

    private static void showgradSection(Transcript t) {
        t.section("showgrad(x) -> x", "@showgrad(x)",
                "Much like printing x, but shows the gradient about to accumulate to x, under x's name",
                "in the source (read from the class file's debug information). Useful for debugging gradients.");
        t.show("gradient((a, b) -> showgrad(a).times(b), 2, 3);",
                () -> gradient((a, b) -> showgrad(a).times(b), 2, 3));
        t.note("The gradient depends on how the output of showgrad is used, and is not the overall gradient of a:");
        t.show("gradient(a -> showgrad(a).times(a), 2);",
                () -> gradient(a -> showgrad(a).times(a), 2));
        t.show("""
                gradient((a, b) -> {
                  showgrad(a);   // not used, so no gradient
                  return a.times(b);
                }, 2, 3);""",
                () -> gradient((a, b) -> {
                    showgrad(a);   // not used, so no gradient
                    return a.times(b);
                }, 2, 3));
    }

    private static void hookSection(Transcript t) {
        t.section("hook(f, x) -> x", "hook(x̄ -> ..., x)",
                "Gradient hooks: applies an arbitrary function to the gradient of x.");
        t.show("""
                gradient((a, b) -> hook(abar -> {
                  System.out.println("abar = " + abar);
                  return abar;
                }, a).times(b), 2, 3);""",
                () -> gradient((a, b) -> hook(abar -> {
                    System.out.println("abar = " + abar);
                    return abar;
                }, a).times(b), 2, 3));
        t.show("gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3);",
                () -> gradient((a, b) -> hook(Real::neg, a).times(b), 2, 3));
    }

    private static void dropgradSection(Transcript t) {
        t.section("dropgrad(x) -> x", "dropgrad(x)", "Drops the gradient of x.");
        t.show("gradient((a, b) -> dropgrad(a).times(b), 2, 3);",
                () -> gradient((a, b) -> dropgrad(a).times(b), 2, 3));
    }

    private static void hessianSection(Transcript t) {
        t.section("hessian(f, x)", "hessian(f, x)",
                "The Hessian of f at x, where x is a number or a Tensor and f(x) is a number",
                "(forward mode over reverse mode; a Tensor's elements are taken row-major).");
        t.show("hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3));",
                () -> hessian(v -> v.get(0).times(v.get(1)), Tensor.of(2, 3)));
    }

    private static void bufferSection(Transcript t) {
        t.section("Buffer", "Buffer(xs, ...)",
                "An array that can be written inside differentiated code. Make one as Julia's similar does",
                "(Buffer.of(xs, 5) is similar(xs, 5)), write with set(...), then copy() to get a Tensor back.");
        t.define("""
                static Tensor vstack(Tensor xs) {
                  Buffer buf = Buffer.of(xs, xs.length(), 5);   // like similar(xs, 3, 5)
                  for (int i = 0; i < 5; i++) buf.set(xs, all(), at(i));   // buf[:, i] = xs
                  return buf.copy();
                }""");
        t.show("vstack(Tensor.of(1, 2, 3));", () -> vstack(Tensor.of(1, 2, 3)));
        t.show("gradient(x -> vstack(x).sum(), Tensor.of(1, 2, 3));",
                () -> gradient(x -> vstack(x).sum(), Tensor.of(1, 2, 3)));
        t.note("A Buffer is not a Tensor: it has no arithmetic, so it cannot be captured by a pullback.\n"
                + "copy() is a semantic copy that does not copy the data: it freezes the buffer instead.");
        t.run("""
                Buffer buf = Buffer.of(Tensor.of(1, 2, 3));
                Tensor copy = buf.copy();
                buf.set(1, 0);""",
                () -> {
                    Buffer buf = Buffer.of(Tensor.of(1, 2, 3));
                    Tensor copy = buf.copy();
                    buf.set(1, 0);
                });
    }

    private static void forwarddiffSection(Transcript t) {
        t.section("forwarddiff(f, x) -> f(x)", "forwarddiff(f, x)",
                "Runs f(x) as usual, but differentiates f with forward mode rather than reverse mode:",
                "time linear in the length of x, constant memory (one node on the tape), very efficient for scalars.");
        t.define("""
                static Real pow(Real x, int n) {
                  Real r = Real.of(1);
                  for (int i = 0; i < n; i++) r = r.times(x);
                  return r;
                }""");
        t.show("gradient(x -> forwarddiff(y -> pow(y, 2), x), 5);",
                () -> gradient(x -> forwarddiff(y -> pow(y, 2), x), 5));
        t.note("The function drops the gradients of the values it closes over:");
        t.show("gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3);",
                () -> gradient((a, b) -> forwarddiff(x -> x.times(b), a), 2, 3));
        t.note("This can be rewritten by passing b through explicitly (Tensor.of(Real...) builds a differentiable vector):");
        t.show("gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3);",
                () -> gradient((a, b) -> forwarddiff(v -> v.get(0).times(v.get(1)), Tensor.of(a, b)), 2, 3));
    }
}
