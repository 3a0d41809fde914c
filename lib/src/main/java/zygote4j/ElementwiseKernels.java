package zygote4j;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;

/**
 * The plain loops of the elementwise tensor operations, one copy of them per scalar rule.
 *
 * <p>Why a copy per rule: a loop shared by all rules calls {@code r.apply(a[i], b[i])}
 * through one call site. The JIT profiles that site; once a program has used a few
 * operations it has seen many rule classes there, compiles a virtual call per element,
 * and nothing of the rule inlines: about 3x slower than a loop written for one rule, and
 * never vectorised. Writing a loop per rule and per loop shape would repeat the same
 * code dozens of times, and calling one generic loop from a call site per rule only
 * helps once the caller itself has been compiled with the loop inlined, which operations
 * on large arrays (called a few hundred times in all) never reach.
 *
 * <p>So the loops are written once, in {@link ElementwiseLoops}, and each rule runs its
 * own copy of that class: the same bytecode defined again as a hidden class
 * ({@link MethodHandles.Lookup#defineHiddenClass}), made on the rule's first use. A copy
 * is only ever called with its own rule, so the JIT sees one rule class in it, inlines
 * the rule's maths and compiles tight loops, exactly as for a loop written by hand for
 * that function. The maths stays in {@link ScalarRules}. If a copy cannot be made (an
 * unusual runtime), every rule shares the original class: slower, equally correct.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    /** The loops; {@link ElementwiseLoops} is the one implementation, copied per rule. */
    interface Loops {
        /** {@code o[i] = f(x[i])}. */
        void map(UnaryRule r, double[] x, double[] o, int from, int to);

        /** {@code g[i] = c[i] f'(x[i])} given {@code y = f(x)}. */
        void deriv(UnaryRule r, double[] x, double[] y, double[] c, double[] g, int from, int to);

        void zipVV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o);

        void zipVS(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o);

        void zipSV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o);

        /** Both cotangents for operands of the output's shape: {@code ga = c df/da}, {@code gb = c df/db}. */
        void gradBoth(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] ga, double[] gb, int from, int to);

        void gradAVV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] ga);

        void gradAVS(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] ga);

        void gradASV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] ga);

        void gradBVV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] gb);

        void gradBSV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] gb);

        void gradBVS(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] gb);

        /** {@code o[i] = f(a[i], b[i])}, equal lengths. */
        void zipSame(BinaryRule r, double[] a, double[] b, double[] o, int from, int to);

        void zipScalarB(BinaryRule r, double[] a, double s, double[] o, int from, int to);

        void zipScalarA(BinaryRule r, double s, double[] b, double[] o, int from, int to);

        /** {@code ga[i] = c[i] df/da} at equal shapes. */
        void gradASame(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] ga, int from, int to);

        void gradBSame(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] gb, int from, int to);

        /** {@code ga[i] = c[i] df/da(a[i], s)} for a single-element b. */
        void gradAScalarB(BinaryRule r, double[] a, double s, double[] z, double[] c, double[] ga, int from, int to);

        void gradBScalarA(BinaryRule r, double s, double[] b, double[] z, double[] c, double[] gb, int from, int to);

        /** {@code d[i] = f'(x[i])} given {@code y = f(x)}. */
        void derivative(UnaryRule r, double[] x, double[] y, double[] d, int from, int to);

        /** {@code da[o] = df/da} at every output element (null to skip), and {@code db} likewise. */
        void partials(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] da, double[] db);
    }

    /** The shared loops, used when copies cannot be made. */
    private static final Loops SHARED = new ElementwiseLoops();
    /** The bytes of {@link ElementwiseLoops}, or null when they cannot be read. */
    private static final byte[] TEMPLATE = readTemplate();

    /** One copy of the loops per rule object (each rule is an instance of its own class). */
    private static final ClassValue<Loops> COPIES = new ClassValue<>() {
        @Override
        protected Loops computeValue(Class<?> ruleClass) {
            return copy();
        }
    };

    private static byte[] readTemplate() {
        try (InputStream in = ElementwiseLoops.class.getResourceAsStream("ElementwiseLoops.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Loops copy() {
        if (TEMPLATE == null) return SHARED;
        try {
            Class<?> c = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true).lookupClass();
            return (Loops) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return SHARED;
        }
    }

    /** The loops to use for rule {@code r}: its own copy. */
    static Loops of(UnaryRule r) {
        Loops l = r.loops;
        if (l == null) r.loops = l = COPIES.get(r.getClass());
        return l;
    }

    /** The loops to use for rule {@code r}: its own copy. */
    static Loops of(BinaryRule r) {
        Loops l = r.loops;
        if (l == null) r.loops = l = COPIES.get(r.getClass());
        return l;
    }

    // ---------------------------------------------------------------- entry points

    /** {@code o[i] = f(x[i])}. */
    static void map(UnaryRule r, double[] x, double[] o) {
        Loops l = of(r);
        int n = o.length, t = threadsFor(n);
        if (t == 1) r.map(l, x, o, 0, n);
        else split(t, n, (from, to) -> r.map(l, x, o, from, to));
    }

    /** {@code g[i] = c[i] f'(x[i])} given {@code y = f(x)}. */
    static void deriv(UnaryRule r, double[] x, double[] y, double[] c, double[] g) {
        Loops l = of(r);
        int n = g.length, t = threadsFor(n);
        if (t == 1) l.deriv(r, x, y, c, g, 0, n);
        else split(t, n, (from, to) -> l.deriv(r, x, y, c, g, from, to));
    }

    /** {@code d[i] = f'(x[i])} given {@code y = f(x)}. */
    static void derivative(UnaryRule r, double[] x, double[] y, double[] d) {
        Loops l = of(r);
        int n = d.length, t = threadsFor(n);
        if (t == 1) l.derivative(r, x, y, d, 0, n);
        else split(t, n, (from, to) -> l.derivative(r, x, y, d, from, to));
    }

    /** {@code df/da} and {@code df/db} at every output element; either array may be null (not wanted). */
    static void partials(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] da, double[] db) {
        of(r).partials(r, p, a, b, z, da, db);
    }

    /** {@code o[i] = t[i] d[i]}. */
    static void multiply(double[] t, double[] d, double[] o) {
        for (int i = 0; i < o.length; i++) o[i] = t[i] * d[i];
    }

    /**
     * The tangent of a binary operation's output, {@code ta da + tb db}, with the operands'
     * tangents (either may be null: zero) broadcast along the runs of {@code p} and the
     * partials given at every output element.
     */
    static void combine(BroadcastPlan p, double[] ta, double[] da, double[] tb, double[] db, double[] o) {
        if (p.same()) {
            // Equal shapes, the common case: loops the JIT vectorises.
            if (ta != null && tb != null) {
                for (int i = 0; i < o.length; i++) o[i] = ta[i] * da[i] + tb[i] * db[i];
            } else if (ta != null) {
                multiply(ta, da, o);
            } else {
                multiply(tb, db, o);
            }
            return;
        }
        int len = p.len, sa = p.aVaries ? 1 : 0, sb = p.bVaries ? 1 : 0;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q], pb = bo[q];
            if (ta != null && tb != null) {
                for (int i = 0; i < len; i++) o[oo + i] = ta[pa + i * sa] * da[oo + i] + tb[pb + i * sb] * db[oo + i];
            } else if (ta != null) {
                for (int i = 0; i < len; i++) o[oo + i] = ta[pa + i * sa] * da[oo + i];
            } else {
                for (int i = 0; i < len; i++) o[oo + i] = tb[pb + i * sb] * db[oo + i];
            }
        }
    }

    /** {@code o = f(a, b)} over the runs of {@code p}. */
    static void zip(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o) {
        Loops l = of(r);
        if (p.blocks() == 1) {
            int n = o.length, t = threadsFor(n);
            if (p.aVaries && p.bVaries) {
                if (t == 1) l.zipSame(r, a, b, o, 0, n);
                else split(t, n, (from, to) -> l.zipSame(r, a, b, o, from, to));
            } else if (p.aVaries) {
                double s = b[p.bOff[0]];
                if (t == 1) l.zipScalarB(r, a, s, o, 0, n);
                else split(t, n, (from, to) -> l.zipScalarB(r, a, s, o, from, to));
            } else {
                double s = a[p.aOff[0]];
                if (t == 1) l.zipScalarA(r, s, b, o, 0, n);
                else split(t, n, (from, to) -> l.zipScalarA(r, s, b, o, from, to));
            }
        } else if (p.aVaries && p.bVaries) l.zipVV(r, p, a, b, o);
        else if (p.aVaries) l.zipVS(r, p, a, b, o);
        else l.zipSV(r, p, a, b, o);
    }

    /** {@code ga = c df/da} and {@code gb = c df/db} for operands shaped like the output. */
    static void gradBoth(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] ga, double[] gb) {
        Loops l = of(r);
        int n = c.length, t = threadsFor(n);
        if (t == 1) l.gradBoth(r, a, b, z, c, ga, gb, 0, n);
        else split(t, n, (from, to) -> l.gradBoth(r, a, b, z, c, ga, gb, from, to));
    }

    /** {@code ga += c df/da} over the runs of {@code p} (a broadcast a sums its runs; ga starts as zeros). */
    static void gradA(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] ga) {
        Loops l = of(r);
        int n = c.length, t = threadsFor(n);
        if (p.blocks() == 1 && p.aVaries && p.bVaries) {
            if (t == 1) l.gradASame(r, a, b, z, c, ga, 0, n);
            else split(t, n, (from, to) -> l.gradASame(r, a, b, z, c, ga, from, to));
        } else if (p.blocks() == 1 && p.aVaries) {
            double s = b[p.bOff[0]];
            if (t == 1) l.gradAScalarB(r, a, s, z, c, ga, 0, n);
            else split(t, n, (from, to) -> l.gradAScalarB(r, a, s, z, c, ga, from, to));
        } else if (p.aVaries && p.bVaries) l.gradAVV(r, p, a, b, z, c, ga);
        else if (p.aVaries) l.gradAVS(r, p, a, b, z, c, ga);
        else l.gradASV(r, p, a, b, z, c, ga);
    }

    /** {@code gb += c df/db} over the runs of {@code p} (a broadcast b sums its runs; gb starts as zeros). */
    static void gradB(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c, double[] gb) {
        Loops l = of(r);
        int n = c.length, t = threadsFor(n);
        if (p.blocks() == 1 && p.aVaries && p.bVaries) {
            if (t == 1) l.gradBSame(r, a, b, z, c, gb, 0, n);
            else split(t, n, (from, to) -> l.gradBSame(r, a, b, z, c, gb, from, to));
        } else if (p.blocks() == 1 && p.bVaries) {
            double s = a[p.aOff[0]];
            if (t == 1) l.gradBScalarA(r, s, b, z, c, gb, 0, n);
            else split(t, n, (from, to) -> l.gradBScalarA(r, s, b, z, c, gb, from, to));
        } else if (p.aVaries && p.bVaries) l.gradBVV(r, p, a, b, z, c, gb);
        else if (p.bVaries) l.gradBSV(r, p, a, b, z, c, gb);
        else l.gradBVS(r, p, a, b, z, c, gb);
    }

    // ---------------------------------------------------------------- threads

    /**
     * The fewest elements worth a thread of their own: 2^15, tens of microseconds of an
     * elementwise loop, against about 10 µs to hand work to a pool thread and wait for it.
     */
    static final int MIN_ELEMENTS_PER_THREAD = 1 << 15;

    /** How many threads a loop over {@code n} elements uses ({@code -Dzygote4j.threads}, at most). */
    static int threadsFor(int n) {
        return n < 2 * MIN_ELEMENTS_PER_THREAD ? 1 : Math.min(KernelSettings.threads(), n / MIN_ELEMENTS_PER_THREAD);
    }

    /** One thread's share of an elementwise loop: elements {@code from} to {@code to} (exclusive). */
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code range} over 0..n in two pieces per thread, cut at multiples of 8 elements
     * (whole cache lines). Each element is computed once, as without the split.
     */
    static void split(int threads, int n, Range range) {
        int pieces = 2 * threads;
        Workers.run(threads, pieces, () -> c -> {
            int from = c == 0 ? 0 : (int) ((long) n * c / pieces) & ~7;
            int to = c == pieces - 1 ? n : (int) ((long) n * (c + 1) / pieces) & ~7;
            range.run(from, to);
        }, "elementwise");
    }
}
