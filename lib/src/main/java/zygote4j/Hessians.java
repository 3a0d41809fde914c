package zygote4j;

/**
 * Second derivatives: {@code hessian} (forward-over-reverse), {@code hessianReverse}
 * (reverse-over-reverse) and {@code diaghessian}, each a few lines over gradient, a
 * forward level and a pullback.
 *
 * <p>Forward-over-reverse: a forward level carries a chunk of tangent directions (basis
 * vectors over the arguments' elements, row-major, all arguments one after the other);
 * the reverse gradient computed inside it is then a tracer whose tangent in direction j
 * is column j of the Hessian. Its cost is about (elements / chunk) gradients, each
 * pushing a chunk of tangents.
 */
final class Hessians {
    /** Tangent directions per forward pass, as ForwardDiff.jl's default chunk. */
    static final int DEFAULT_CHUNK = 12;

    private Hessians() {
    }

    /** Receives the tangent (Real, Tensor or null for zero) of argument {@code arg}'s gradient in direction {@code column}. */
    interface Columns {
        void accept(int arg, int column, Object tangent);
    }

    /** The Hessian of f at a tensor x: n x n for n elements, rows and columns row-major over x. */
    static Tensor hessian(String op, Fn1<Tensor> f, Tensor x, int chunk) {
        int n = x.length();
        Buffer h = Buffer.of(x, n, n);
        forwardOverReverse(op, xs -> f.apply((Tensor) xs[0]), new Object[] {x}, chunk, (arg, j, t) -> {
            Tensor col = (Tensor) t;
            if (col.level == null) {
                for (int i = 0; i < n; i++) h.setFlat(i * n + j, col.data[i]);
            } else {
                for (int i = 0; i < n; i++) h.setFlat(i * n + j, col.read(i));
            }
        });
        return h.copy();
    }

    /** The second derivative of f at a scalar x. */
    static Real hessian(String op, Fn1<Real> f, Real x) {
        Real[] h = {Real.ZERO};
        forwardOverReverse(op, xs -> f.apply((Real) xs[0]), new Object[] {x}, 1, (arg, j, t) -> h[0] = (Real) t);
        return h[0];
    }

    /** For each argument, the Hessian's diagonal over its elements, shaped like it. */
    static Grads diaghessian(String op, FnN f, Object[] args, int chunk) {
        Object[] in = new Object[args.length];
        int[] start = new int[args.length];
        for (int i = 0, s = 0; i < args.length; i++) {
            in[i] = args[i] instanceof Number num ? Real.of(num.doubleValue()) : args[i];
            if (!(in[i] instanceof Real) && !(in[i] instanceof Tensor)) {
                throw new IllegalArgumentException(op + ": argument " + i + " is " + Values.describe(args[i])
                        + "; " + op + " takes Real, Tensor and number arguments");
            }
            start[i] = s;
            s += size(in[i]);
        }
        Buffer[] diag = new Buffer[in.length];
        for (int i = 0; i < in.length; i++) {
            diag[i] = in[i] instanceof Tensor t ? Buffer.of(t) : Buffer.of(Tensor.zeros(1));
        }
        forwardOverReverse(op, f, in, chunk, (arg, j, t) -> {
            int e = j - start[arg];
            if (e < 0 || e >= size(in[arg])) return;
            diag[arg].setFlat(e, t instanceof Real r ? r : ((Tensor) t).read(e));
        });
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) out[i] = in[i] instanceof Real ? diag[i].getFlat(0) : diag[i].copy();
        return new Grads(out);
    }

    /**
     * Runs the reverse gradient of f under forward levels of {@code chunk} directions over
     * all the arguments' elements, and hands each nonzero Hessian column piece to {@code out}.
     */
    static void forwardOverReverse(String op, FnN f, Object[] args, int chunk, Columns out) {
        if (chunk < 1) throw new IllegalArgumentException(op + ": the chunk size must be at least 1, not " + chunk);
        int total = 0;
        int[] start = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            start[i] = total;
            total += size(args[i]);
        }
        for (int offset = 0; offset < total; offset += chunk) {
            int w = Math.min(chunk, total - offset);
            ForwardLevel level = Levels.pushForward(w);
            Grads g;
            try {
                Object[] seeded = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    Object[] tangents = new Object[w];
                    for (int k = 0; k < w; k++) {
                        int e = offset + k - start[i];
                        if (e >= 0 && e < size(args[i])) tangents[k] = unit(args[i], e);
                    }
                    seeded[i] = Forward.seed(level, args[i], tangents);
                }
                g = Reverse.gradient(op, f, seeded);
            } finally {
                Levels.pop(level);
            }
            for (int i = 0; i < args.length; i++) {
                Object gi = g.get(i);
                if (Values.level(gi) != level) continue;   // no gradient, or one that does not move: zero
                for (int k = 0; k < w; k++) {
                    Object t = Values.tangent(gi, k);
                    if (t != null) out.accept(i, offset + k, t);
                }
            }
        }
    }

    /** Reverse-over-reverse: row i of the Hessian is the pullback of the gradient applied to e_i. */
    static Tensor hessianReverse(String op, Fn1<Tensor> f, Tensor x) {
        int n = x.length();
        Pullback p = Reverse.pullback(op, xs -> gradientOrZero(op, f, (Tensor) xs[0]), new Object[] {x});
        Buffer h = Buffer.of(x, n, n);
        for (int i = 0; i < n; i++) {
            Object row = p.back((Tensor) unit(x, i)).get(0);
            if (row == null) continue;
            Tensor r = (Tensor) row;
            for (int j = 0; j < n; j++) {
                if (r.level == null) h.setFlat(i * n + j, r.data[j]);
                else h.setFlat(i * n + j, r.read(j));
            }
        }
        return h.copy();
    }

    /** Reverse-over-reverse for a scalar: the derivative of the derivative. */
    static Real hessianReverse(String op, Fn1<Real> f, Real x) {
        Object d2 = Reverse.gradient(op, xs -> {
            Object d = Reverse.gradient(op, ys -> f.apply((Real) ys[0]), new Object[] {xs[0]}).get(0);
            return d == null ? Real.ZERO : d;
        }, new Object[] {x}).get(0);
        return d2 == null ? Real.ZERO : (Real) d2;
    }

    private static Tensor gradientOrZero(String op, Fn1<Tensor> f, Tensor y) {
        Object g = Reverse.gradient(op, xs -> f.apply((Tensor) xs[0]), new Object[] {y}).get(0);
        return g == null ? Tensor.zeros(y.shape) : (Tensor) g;
    }

    private static int size(Object x) {
        return x instanceof Tensor t ? t.length() : 1;
    }

    /** Basis vector e for element {@code e} of x (x's own shape), or 1 for a scalar. */
    private static Object unit(Object x, int e) {
        if (x instanceof Real) return Real.ONE;
        Tensor t = (Tensor) x;
        double[] d = new double[t.length()];
        d[e] = 1;
        return Tensor.plain(t.shape, d);
    }
}
