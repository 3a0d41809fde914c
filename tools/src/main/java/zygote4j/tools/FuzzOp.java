package zygote4j.tools;

import zygote4j.Real;
import zygote4j.Tensor;

/**
 * The operations random programs are built from: every scalar primitive, each in a form
 * that stays inside its domain for any input (so that finite differences are meaningful),
 * written once for {@link Real} and once, elementwise, for {@link Tensor}.
 */
enum FuzzOp {
    NEG(1) {
        Real real(Real a, Real b) { return a.neg(); }
        Tensor tensor(Tensor a, Tensor b) { return a.neg(); }
    },
    SIN(1) {
        Real real(Real a, Real b) { return a.sin(); }
        Tensor tensor(Tensor a, Tensor b) { return a.sin(); }
    },
    COS(1) {
        Real real(Real a, Real b) { return a.cos(); }
        Tensor tensor(Tensor a, Tensor b) { return a.cos(); }
    },
    TAN(1) {
        Real real(Real a, Real b) { return a.tanh().tan(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().tan(); }
    },
    TANH(1) {
        Real real(Real a, Real b) { return a.tanh(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh(); }
    },
    EXP(1) {
        Real real(Real a, Real b) { return a.tanh().exp(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().exp(); }
    },
    LOG(1) {
        Real real(Real a, Real b) { return a.square().plus(0.5).log(); }
        Tensor tensor(Tensor a, Tensor b) { return a.square().plus(0.5).log(); }
    },
    SQRT(1) {
        Real real(Real a, Real b) { return a.square().plus(0.25).sqrt(); }
        Tensor tensor(Tensor a, Tensor b) { return a.square().plus(0.25).sqrt(); }
    },
    SQUARE(1) {
        Real real(Real a, Real b) { return a.square(); }
        Tensor tensor(Tensor a, Tensor b) { return a.square(); }
    },
    RECIPROCAL(1) {
        Real real(Real a, Real b) { return a.square().plus(1).reciprocal(); }
        Tensor tensor(Tensor a, Tensor b) { return a.square().plus(1).reciprocal(); }
    },
    ABS(1) {
        Real real(Real a, Real b) { return a.abs(); }
        Tensor tensor(Tensor a, Tensor b) { return a.abs(); }
    },
    LOG1P(1) {
        Real real(Real a, Real b) { return a.square().log1p(); }
        Tensor tensor(Tensor a, Tensor b) { return a.square().log1p(); }
    },
    EXPM1(1) {
        Real real(Real a, Real b) { return a.tanh().expm1(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().expm1(); }
    },
    SIGMOID(1) {
        Real real(Real a, Real b) { return a.sigmoid(); }
        Tensor tensor(Tensor a, Tensor b) { return a.sigmoid(); }
    },
    SOFTPLUS(1) {
        Real real(Real a, Real b) { return a.softplus(); }
        Tensor tensor(Tensor a, Tensor b) { return a.softplus(); }
    },
    ASIN(1) {
        Real real(Real a, Real b) { return a.tanh().times(0.9).asin(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().times(0.9).asin(); }
    },
    ACOS(1) {
        Real real(Real a, Real b) { return a.tanh().times(0.9).acos(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().times(0.9).acos(); }
    },
    ATAN(1) {
        Real real(Real a, Real b) { return a.atan(); }
        Tensor tensor(Tensor a, Tensor b) { return a.atan(); }
    },
    SINH(1) {
        Real real(Real a, Real b) { return a.tanh().sinh(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().sinh(); }
    },
    COSH(1) {
        Real real(Real a, Real b) { return a.tanh().cosh(); }
        Tensor tensor(Tensor a, Tensor b) { return a.tanh().cosh(); }
    },
    PLUS(2) {
        Real real(Real a, Real b) { return a.plus(b); }
        Tensor tensor(Tensor a, Tensor b) { return a.plus(b); }
    },
    MINUS(2) {
        Real real(Real a, Real b) { return a.minus(b); }
        Tensor tensor(Tensor a, Tensor b) { return a.minus(b); }
    },
    TIMES(2) {
        Real real(Real a, Real b) { return a.times(b); }
        Tensor tensor(Tensor a, Tensor b) { return a.times(b); }
    },
    DIV(2) {
        Real real(Real a, Real b) { return a.div(b.square().plus(1)); }
        Tensor tensor(Tensor a, Tensor b) { return a.div(b.square().plus(1)); }
    },
    POW(2) {
        Real real(Real a, Real b) { return a.square().plus(0.5).pow(b.tanh()); }
        Tensor tensor(Tensor a, Tensor b) { return a.square().plus(0.5).pow(b.tanh()); }
    },
    ATAN2(2) {
        Real real(Real a, Real b) { return a.atan2(b.square().plus(0.5)); }
        Tensor tensor(Tensor a, Tensor b) { return a.atan2(b.square().plus(0.5)); }
    },
    HYPOT(2) {
        Real real(Real a, Real b) { return a.hypot(b.square().plus(0.5)); }
        Tensor tensor(Tensor a, Tensor b) { return a.hypot(b.square().plus(0.5)); }
    },
    MAX(2) {
        Real real(Real a, Real b) { return a.max(b); }
        Tensor tensor(Tensor a, Tensor b) { return a.maximum(b); }
    },
    MIN(2) {
        Real real(Real a, Real b) { return a.min(b); }
        Tensor tensor(Tensor a, Tensor b) { return a.minimum(b); }
    };

    /** 1 or 2. */
    final int arity;

    FuzzOp(int arity) {
        this.arity = arity;
    }

    abstract Real real(Real a, Real b);

    abstract Tensor tensor(Tensor a, Tensor b);
}
