package zygote4j;

/**
 * Applies a scalar primitive to {@link Real}s at whatever levels they belong to.
 *
 * <p>An operation goes to the innermost visible level among its operands; operands of
 * outer levels are constants there. When the operands' primals are plain doubles (the
 * usual first-order case) the derivative is computed on doubles and recorded without
 * allocation beyond the result; otherwise the primal and the derivative are computed
 * with {@code Real} operations one level out, which is what makes every order work.
 */
final class ScalarDispatch {
    private ScalarDispatch() {
    }

    // The two entry points are kept small so that the JIT inlines them into each Real
    // method, where the rule is a constant: its value and derivative are then inlined
    // too, instead of going through a call shared by every rule. They handle the plain
    // case and the first-order case (operands recorded on a tape, with plain primals);
    // everything else (including a tape that records labels for graph) takes the
    // general path below.

    static Real unary(UnaryRule op, Real x) {
        Level l = x.level;
        Tape tape = null;
        if (l != null) {
            if (!x.reversePrimalPlain() || !(l instanceof Tape t && t.open() && t.labels == null)) {
                return unaryTracked(op, x);
            }
            tape = t;
        }
        // One allocation site for the plain and the recorded result: the JIT can then
        // remove the allocation of a result that the next operation only reads.
        double y = op.apply(x.v);
        int id = tape == null ? -1 : tape.unary(x.id, op.deriv(x.v, y));
        return new Real(y, tape, id, null, null);
    }

    private static Real unaryTracked(UnaryRule op, Real x) {
        Level level = x.level;
        if (level.hiddenHere()) return new Real(op.apply(x.v));
        level.checkUsable(op.name);
        if (x.primal() == null) {
            if (level instanceof Tape tape) {
                double y = op.apply(x.v);
                int id = tape.scalar(x.id, op.deriv(x.v, y), -1, 0);
                if (tape.labels != null) tape.label(id, op.name, y);
                return new Real(y, tape, id, null, null);
            }
            if (x.tangents() instanceof double[] t) {
                double y = op.apply(x.v);
                double d = op.deriv(x.v, y);
                double[] out = new double[t.length];
                for (int i = 0; i < out.length; i++) out[i] = d * t[i];
                return new Real(y, level, -1, null, out);
            }
        }
        Real px = x.primalReal();
        Real y = unary(op, px);
        Real d = op.deriv(px, y);
        if (level instanceof Tape tape) {
            int id = d.level == null ? tape.scalar(x.id, d.v, -1, 0) : tape.scalarTracked(x.id, d, -1, null);
            if (tape.labels != null) tape.label(id, op.name, y.v);
            return new Real(y.v, tape, id, y.level == null ? null : y, null);
        }
        ForwardLevel f = (ForwardLevel) level;
        Real[] out = new Real[f.width];
        for (int i = 0; i < out.length; i++) {
            Real t = x.tangent(i);
            out[i] = t == null ? null : t.times(d);
        }
        return Real.forward(y, f, out);
    }

    static Real binary(BinaryRule op, Real a, Real b) {
        Level la = a.level, lb = b.level;
        Tape tape = null;
        if (la != null || lb != null) {
            tape = firstOrderTape(a, b);
            if (tape == null) return binaryTracked(op, a, b);
        }
        double z = op.apply(a.v, b.v);
        int id = -1;
        if (tape != null) {
            boolean ta = la != null, tb = lb != null;
            id = tape.scalar(ta ? a.id : -1, ta ? op.da(a.v, b.v, z) : 0, tb ? b.id : -1, tb ? op.db(a.v, b.v, z) : 0);
        }
        return new Real(z, tape, id, null, null);
    }

    /** {@code a op c} for a constant c: as {@link #binary} without a Real for c on the fast paths. */
    static Real binary(BinaryRule op, Real a, double c) {
        Level l = a.level;
        Tape tape = null;
        if (l != null) {
            if (!a.reversePrimalPlain() || !(l instanceof Tape t && t.open() && t.labels == null)) {
                return binaryTracked(op, a, new Real(c));
            }
            tape = t;
        }
        double z = op.apply(a.v, c);
        int id = tape == null ? -1 : tape.unary(a.id, op.da(a.v, c, z));
        return new Real(z, tape, id, null, null);
    }

    /**
     * The tape that records {@code a op b} when this is the first-order case: every
     * tracked operand belongs to one open tape and has a plain primal. Null otherwise.
     */
    private static Tape firstOrderTape(Real a, Real b) {
        Level la = a.level, lb = b.level;
        Level l = la != null ? la : lb;
        if ((la == null || la == l && a.reversePrimalPlain()) && (lb == null || lb == l && b.reversePrimalPlain())
                && l instanceof Tape tape && tape.open() && tape.labels == null) {
            return tape;
        }
        return null;
    }

    private static Level visible(Real r) {
        Level l = r.level;
        return l == null || l.hiddenHere() ? null : l;
    }

    private static Real binaryTracked(BinaryRule op, Real a, Real b) {
        Level la = visible(a), lb = visible(b);
        Level level = la == null ? lb : lb == null ? la : la.depth >= lb.depth ? la : lb;
        if (level == null) return new Real(op.apply(a.v, b.v));
        level.checkUsable(op.name);
        boolean ta = la == level, tb = lb == level;
        // An operand is "plain here" when its value at this level is a plain double.
        boolean plainA = ta ? a.primal() == null : a.level == null;
        boolean plainB = tb ? b.primal() == null : b.level == null;
        if (plainA && plainB) {
            if (level instanceof Tape tape) {
                double z = op.apply(a.v, b.v);
                int id = tape.scalar(ta ? a.id : -1, ta ? op.da(a.v, b.v, z) : 0,
                        tb ? b.id : -1, tb ? op.db(a.v, b.v, z) : 0);
                if (tape.labels != null) tape.label(id, op.name, z);
                return new Real(z, tape, id, null, null);
            }
            double[] tA = ta && a.tangents() instanceof double[] d ? d : null;
            double[] tB = tb && b.tangents() instanceof double[] d ? d : null;
            if ((tA != null || !ta) && (tB != null || !tb)) {
                double z = op.apply(a.v, b.v);
                int w = ((ForwardLevel) level).width;
                double[] out = new double[w];
                if (tA != null) {
                    double d = op.da(a.v, b.v, z);
                    for (int i = 0; i < w; i++) out[i] = d * tA[i];
                }
                if (tB != null) {
                    double d = op.db(a.v, b.v, z);
                    for (int i = 0; i < w; i++) out[i] += d * tB[i];
                }
                return new Real(z, level, -1, null, out);
            }
        }
        Real pa = ta ? a.primalReal() : a;
        Real pb = tb ? b.primalReal() : b;
        Real z = binary(op, pa, pb);
        Real da = ta ? op.da(pa, pb, z) : null;
        Real db = tb ? op.db(pa, pb, z) : null;
        if (level instanceof Tape tape) {
            boolean plain = (da == null || da.level == null) && (db == null || db.level == null);
            int id = plain
                    ? tape.scalar(ta ? a.id : -1, da == null ? 0 : da.v, tb ? b.id : -1, db == null ? 0 : db.v)
                    : tape.scalarTracked(ta ? a.id : -1, da, tb ? b.id : -1, db);
            if (tape.labels != null) tape.label(id, op.name, z.v);
            return new Real(z.v, tape, id, z.level == null ? null : z, null);
        }
        ForwardLevel f = (ForwardLevel) level;
        Real[] out = new Real[f.width];
        for (int i = 0; i < out.length; i++) {
            Real t1 = ta ? a.tangent(i) : null;
            Real t2 = tb ? b.tangent(i) : null;
            Real s = t1 == null ? null : t1.times(da);
            if (t2 != null) s = s == null ? t2.times(db) : s.plus(t2.times(db));
            out[i] = s;
        }
        return Real.forward(z, f, out);
    }
}
