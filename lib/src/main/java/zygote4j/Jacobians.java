package zygote4j;

/**
 * {@code jacobian} and {@code withjacobian}: one recorded evaluation of f, then one
 * backward pass per output element, seeded with that element's unit vector. Row
 * {@code k} of an argument's Jacobian is the gradient of output element {@code k}
 * (flattened row-major). When the backward passes are tracked by an outer level, the
 * rows are assembled with differentiable operations, so Jacobians differentiate again.
 */
final class Jacobians {
    private Jacobians() {
    }

    static WithGradient withjacobian(String op, FnN f, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (!(a instanceof Real) && !(a instanceof Tensor) && !(a instanceof Number)) {
                throw new IllegalArgumentException(op + ": argument " + i + " is " + Values.describe(a)
                        + "; jacobian takes numbers, Reals and Tensors (as Zygote's does). Pass the parts of a "
                        + "record, list or map as separate arguments, or flatten them into one Tensor");
            }
        }
        Pullback p = Reverse.pullback(op, f, args);
        Object v = p.value();
        if (!(v instanceof Real) && !(v instanceof Tensor)) {
            throw new IllegalArgumentException(op + ": the function returned " + Values.describe(v)
                    + "; jacobian needs a Real or a Tensor output");
        }
        int m = v instanceof Tensor t ? t.length() : 1;
        Object[][] rows = new Object[args.length][m];
        for (int k = 0; k < m; k++) {
            Grads g;
            if (v instanceof Tensor t) {
                double[] unit = new double[m];
                unit[k] = 1;
                g = p.back(Tensor.plain(t.shape, unit));
            } else {
                g = p.back(Real.ONE);
            }
            for (int i = 0; i < args.length; i++) rows[i][k] = g.get(i);
        }
        Object[] jac = new Object[args.length];
        for (int i = 0; i < args.length; i++) jac[i] = assemble(rows[i], args[i]);
        return new WithGradient(v, new Grads(jac));
    }

    /**
     * An argument's Jacobian from its per-output gradients (null where an output does not
     * depend on it): a matrix with a row per output for a tensor argument, a vector for a
     * scalar argument; null when no output depends on it.
     */
    private static Tensor assemble(Object[] rows, Object arg) {
        int m = rows.length;
        boolean any = false, plain = true;
        for (Object r : rows) {
            any |= r != null;
            plain &= r == null || Values.level(r) == null;
        }
        if (!any) return null;
        if (arg instanceof Tensor x) {
            int n = x.length();
            if (plain) {
                double[] d = new double[m * n];
                for (int k = 0; k < m; k++) {
                    if (rows[k] != null) System.arraycopy(((Tensor) rows[k]).data, 0, d, k * n, n);
                }
                return Tensor.plain(new int[] {m, n}, d);
            }
            Tensor[] rs = new Tensor[m];
            for (int k = 0; k < m; k++) rs[k] = rows[k] == null ? Tensor.zeros(n) : ((Tensor) rows[k]).reshape(n);
            return Tensor.stack(0, rs);
        }
        Real[] rs = new Real[m];
        for (int k = 0; k < m; k++) rs[k] = rows[k] == null ? Real.ZERO : (Real) rows[k];
        return Tensor.of(rs);
    }
}
