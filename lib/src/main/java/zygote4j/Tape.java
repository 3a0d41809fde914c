package zygote4j;

import java.util.Arrays;

/**
 * A reverse-mode level: the tape of one {@code gradient}/{@code pullback}.
 *
 * <p>Every value tracked at this level has an id, the index of the tape entry that made
 * it. Scalar primitives on plain primals, the hot path of users' loops, are stored as
 * structure-of-arrays (two input ids and two partial derivatives as doubles), so that
 * recording costs no allocation and the backward pass is a tight loop. Reads of one
 * tensor element are entries of their own, so that the cotangents of all reads of one
 * tensor accumulate into one dense array (O(1) per read). Everything else is a
 * {@link Node} holding a {@link Rule} with its inputs.
 *
 * <p>Storage is a list of fixed-size chunks (the first one grows up to that size, so a
 * small tape stays small): recording never copies a long tape and never allocates an array
 * that G1 would have to treat as "humongous" (its slow path). Inside a chunk an entry's two inputs
 * sit side by side in one {@code int[]} and its two partials in one {@code double[]}.
 * Entries are stored by <em>slot</em>, id + 1: slot 0 stands for "a constant" (an input
 * slot 0 with partial 0 is "no input"), and a chunk whose entries are all scalar needs no
 * kind array at all. Chunks come from the thread's {@link TapeMemory} when it has some, so
 * recording writes every field of an entry rather than trust fresh zeros.
 *
 * <p>The backward pass walks the tape once, newest first, in a loop (never recursion).
 * It runs in one of two modes: with plain {@code double} cotangents when nothing can be
 * tracked by an outer level (the common first-order case), or with cotangents that are
 * {@link Real}/{@link Tensor} values, so that an outer level differentiates the backward
 * pass itself (gradients of gradients, forward-over-reverse Hessians).
 */
final class Tape extends Level {
    /** Entry kinds. SCALAR is 0 so that the zeros of a fresh kind array mean "scalar". */
    static final byte SCALAR = 0, LEAF = 1, SCALAR_TRACKED = 2, READ = 3, NODE = 4;

    /** Entries per chunk: 2^14, so that the largest chunk array (the partials, 256 KiB) is never humongous for G1. */
    static final int SHIFT = 14, CHUNK = 1 << SHIFT, MASK = CHUNK - 1;
    /** Capacity of the first chunk at the start; it doubles up to {@link #CHUNK}. */
    private static final int FIRST = 64;

    /** Per chunk: input slots of each entry, two per entry (0 = constant; for a read: tensor slot, flat index). */
    private int[][] ins = new int[4][];
    /** Per chunk: the two partial derivatives of each scalar entry. */
    private double[][] parts = new double[4][];
    /**
     * Per chunk: entry kinds, or null while every entry of the chunk is {@link #SCALAR}; the
     * array reaches only as far as the last non-scalar entry (positions past its end are
     * scalar), so that a chunk of scalar operations after a few reads needs no more.
     */
    private byte[][] kinds = new byte[4][];
    /** Per chunk: shapes of leaves, nodes, tracked partials; null while none; as long as {@link #kinds} needs. */
    private Object[][] exts = new Object[4][];
    /** Chunks in use; the last one is being filled. */
    private int chunks = 1;
    /** The chunk being filled (the last of {@link #ins} and {@link #parts}). */
    private int[] curIns = new int[2 * FIRST];
    private double[] curParts = new double[2 * FIRST];
    /** Next free position in the current chunk, its capacity, and the slot of its position 0. */
    private int pos = 1, limit = FIRST, base;

    Tape(int depth) {
        super(depth);
        TapeMemory.Chunk c = TapeMemory.take();
        if (c != null) {
            curIns = c.ins();
            curParts = c.parts();
            limit = CHUNK;
        }
        ins[0] = curIns;
        parts[0] = curParts;
    }

    /**
     * Gives this tape's full-size chunks to the thread's {@link TapeMemory}. Called once the
     * tape can never be read again (the backward pass of a {@code gradient} is over); the
     * tape is then empty, and reading it fails instead of seeing another tape's entries.
     */
    void release() {
        for (int c = 0; c < chunks; c++) {
            if (ins[c].length == 2 * CHUNK) TapeMemory.give(ins[c], parts[c]);
        }
        ins = new int[0][];
        parts = new double[0][];
        curIns = null;
        curParts = null;
        chunks = 0;
        pos = limit = 1;
        base = 0;
    }

    @Override
    String kind() {
        return "reverse-mode level (gradient/pullback)";
    }

    /** Number of entries recorded so far. */
    int size() {
        return base + pos - 1;
    }

    /** Makes room for one more entry; returns the position it goes to in the (new) current chunk. */
    private int grow() {
        int c = chunks - 1;
        if (c == 0 && limit < CHUNK) {
            // The first chunk doubles, so that a small tape allocates little.
            int cap = limit * 2;
            ins[0] = curIns = Arrays.copyOf(curIns, 2 * cap);
            parts[0] = curParts = Arrays.copyOf(curParts, 2 * cap);
            limit = cap;
            return pos;
        }
        if (chunks == ins.length) {
            int m = chunks * 2;
            ins = Arrays.copyOf(ins, m);
            parts = Arrays.copyOf(parts, m);
            kinds = Arrays.copyOf(kinds, m);
            exts = Arrays.copyOf(exts, m);
        }
        TapeMemory.Chunk pooled = TapeMemory.take();
        ins[chunks] = curIns = pooled != null ? pooled.ins() : new int[2 * CHUNK];
        parts[chunks] = curParts = pooled != null ? pooled.parts() : new double[2 * CHUNK];
        base = chunks * CHUNK;
        chunks++;
        limit = CHUNK;
        pos = 0;
        return 0;
    }

    /** Records an entry of kind {@code kd} with extra data {@code e} (may be null); returns its position. */
    private int special(byte kd, Object e) {
        int o = pos;
        if (o == limit) o = grow();
        int c = chunks - 1;
        byte[] k = kinds[c];
        if (k == null || o >= k.length) kinds[c] = k = k == null ? new byte[room(o)] : Arrays.copyOf(k, room(o));
        k[o] = kd;
        // A pooled chunk holds old entries: clear what the caller may not write.
        curIns[2 * o] = 0;
        curIns[2 * o + 1] = 0;
        curParts[2 * o] = 0;
        curParts[2 * o + 1] = 0;
        if (e != null) {
            Object[] x = exts[c];
            if (x == null || o >= x.length) exts[c] = x = x == null ? new Object[room(o)] : Arrays.copyOf(x, room(o));
            x[o] = e;
        }
        pos = o + 1;
        return o;
    }

    /** A length for a kind or extra array that holds position {@code o}: at least double, at most a chunk. */
    private static int room(int o) {
        return Math.min(CHUNK, Math.max(16, Integer.highestOneBit(o) * 2));
    }

    /** An input of the differentiated function (a scalar when shape is null). */
    int leaf(int[] shape) {
        int o = special(LEAF, shape);
        return base + o - 1;
    }

    /** A scalar primitive with plain partials; an input id of -1 means "constant". */
    int scalar(int x1, double d1, int x2, double d2) {
        int o = pos;
        if (o == limit) o = grow();
        int[] in = curIns;
        double[] p = curParts;
        in[2 * o] = x1 + 1;
        in[2 * o + 1] = x2 + 1;
        p[2 * o] = d1;
        p[2 * o + 1] = d2;
        pos = o + 1;
        return base + o - 1;
    }

    /** A scalar primitive of one input (not -1) with plain partial {@code d}. */
    int unary(int x, double d) {
        int o = pos;
        if (o == limit) o = grow();
        // The second input is 0, a constant with partial 0 (written: a pooled chunk holds old entries).
        int[] in = curIns;
        double[] p = curParts;
        in[2 * o] = x + 1;
        in[2 * o + 1] = 0;
        p[2 * o] = d;
        p[2 * o + 1] = 0;
        pos = o + 1;
        return base + o - 1;
    }

    /** A scalar primitive whose partials are tracked by an outer level. */
    int scalarTracked(int x1, Real d1, int x2, Real d2) {
        int o = special(SCALAR_TRACKED, new Real[] {d1, d2});
        curIns[2 * o] = x1 + 1;
        curIns[2 * o + 1] = x2 + 1;
        curParts[2 * o] = d1 == null ? 0 : d1.v;
        curParts[2 * o + 1] = d2 == null ? 0 : d2.v;
        return base + o - 1;
    }

    /** A read of element {@code index} (row-major) of the tensor with id {@code tensor}. */
    int read(int tensor, int index) {
        int o = special(READ, null);
        curIns[2 * o] = tensor + 1;
        curIns[2 * o + 1] = index;
        return base + o - 1;
    }

    int node(Node node) {
        int o = special(NODE, node);
        return base + o - 1;
    }

    // ---------------------------------------------------------------- entries by id

    /** The kind of entry {@code id}: {@link #LEAF}, {@link #SCALAR}, ... */
    byte kindOf(int id) {
        int s = id + 1;
        byte[] k = kinds[s >>> SHIFT];
        int o = s & MASK;
        return k == null || o >= k.length ? SCALAR : k[o];
    }

    private Object extOf(int id) {
        int s = id + 1;
        Object[] x = exts[s >>> SHIFT];
        int o = s & MASK;
        return x == null || o >= x.length ? null : x[o];
    }

    /** The first input id of a scalar entry, or the tensor id of a read (-1: a constant). */
    int firstInput(int id) {
        int s = id + 1;
        return ins[s >>> SHIFT][2 * (s & MASK)] - 1;
    }

    /** The second input id of a scalar entry, or the flat index of a read. */
    int secondInput(int id) {
        int s = id + 1;
        int v = ins[s >>> SHIFT][2 * (s & MASK) + 1];
        return kindOf(id) == READ ? v : v - 1;
    }

    /** The node of a {@link #NODE} entry. */
    Node nodeOf(int id) {
        return (Node) extOf(id);
    }

    /** Shape of the tensor with this id, or null for a scalar. */
    int[] shapeOf(int id) {
        byte kd = kindOf(id);
        if (kd == LEAF) return (int[]) extOf(id);
        if (kd == NODE) return ((Node) extOf(id)).outShape;
        return null;
    }

    private int[] shapeOfSlot(int s) {
        return shapeOf(s - 1);
    }

    // ---------------------------------------------------------------- backward pass

    /**
     * Runs the backward pass from {@code outId}, seeded with {@code seed} (a Real or a
     * Tensor shaped like the output), and returns the cotangent of each id in
     * {@code wanted} (a Real, a Tensor, or null where no cotangent arrived).
     */
    Object[] backward(int outId, Object seed, int[] wanted) {
        boolean plain = Levels.depth() == 0 && Values.isPlain(seed);
        return plain ? new PlainPass(seed, outId + 1).run(wanted) : backwardTracked(outId, seed, wanted);
    }

    /**
     * One backward pass on doubles. Cotangents of scalars are one flat array by slot (a
     * per-chunk lookup on every addition cost more than the one large array); those of
     * tensors are dense arrays, by slot per chunk, made on first use. Whether
     * an entry was reached matters (an unreached entry is skipped and its inputs get no
     * gradient, while a reached one multiplies even a zero cotangent, as IEEE arithmetic
     * and the tracked mode do: 0 * Inf and 0 * NaN are NaN, so a NaN or infinite partial is
     * never hidden). A non-zero cotangent (NaN included) has been reached; a sum that comes
     * out exactly zero is flagged in {@link #zeros}, so that the flags cost nothing in the
     * common case. A tensor cotangent array is written in place only when this pass owns it
     * (made it, or got it fresh from a rule that says so); once its entry's rule has run, an
     * owned array nobody else got is reused for later cotangents ({@link ScratchArrays}).
     */
    private final class PlainPass {
        final double[] g;
        /** Entries reached with a cotangent of exactly zero (allocated on first use). */
        boolean[] zeros;
        /**
         * Dense cotangents of tensor entries by slot (per chunk, on first use), and whether
         * this pass owns each array (else it is the caller's seed, a rule's result that others
         * may hold, or another entry's array handed on).
         */
        double[][][] tadj;
        boolean[][] owned;
        /**
         * Whether used-up cotangent arrays may be reused ({@link ScratchArrays}): they may when
         * every wanted id is a leaf, which no rule consumes.
         */
        boolean reuse;

        PlainPass(Object seed, int out) {
            g = TapeMemory.takeCotangents(size() + 1);
            if (seed instanceof Tensor t) {
                setTensor(out, t.data, false);
            } else {
                add(out, ((Real) seed).v);
            }
        }

        boolean reached(int s) {
            return g[s] != 0 || zeros != null && zeros[s];
        }

        /** Adds {@code d} to the cotangent of slot {@code s} (which is then reached). */
        void add(int s, double d) {
            double sum = g[s] + d;
            g[s] = sum;
            if (sum == 0) flagZero(s);
        }

        void flagZero(int s) {
            if (zeros == null) zeros = new boolean[g.length];
            zeros[s] = true;
        }

        double[] tensor(int s) {
            if (tadj == null) return null;
            double[][] t = tadj[s >>> SHIFT];
            return t == null ? null : t[s & MASK];
        }

        boolean owns(int s) {
            return owned[s >>> SHIFT][s & MASK];
        }

        void setTensor(int s, double[] d, boolean own) {
            if (tadj == null) {
                tadj = new double[chunks][][];
                owned = new boolean[chunks][];
            }
            int c = s >>> SHIFT;
            if (tadj[c] == null) {
                int len = c == chunks - 1 ? pos : CHUNK;
                tadj[c] = new double[len][];
                owned[c] = new boolean[len];
            }
            tadj[c][s & MASK] = d;
            owned[c][s & MASK] = own;
        }

        /** The cotangent array of tensor slot {@code s}, made (or copied) so this pass may write it. */
        double[] writableTensor(int s) {
            double[] d = tensor(s);
            if (d == null) {
                d = new double[Shapes.count(shapeOfSlot(s))];
                setTensor(s, d, true);
            } else if (!owns(s)) {
                d = d.clone();
                setTensor(s, d, true);
            }
            return d;
        }

        Object[] run(int[] wanted) {
            reuse = true;
            for (int id : wanted) reuse &= id < 0 || kindOf(id) == LEAF;
            try {
                for (int c = chunks - 1; c >= 0; c--) {
                    int top = c == chunks - 1 ? pos : CHUNK, bottom = c == 0 ? 1 : 0;
                    // Past the end of the kind array every entry is scalar.
                    int mixed = kinds[c] == null ? bottom : Math.max(bottom, Math.min(top, kinds[c].length));
                    if (mixed < top) scalarRun(c, top, mixed);
                    if (bottom < mixed) mixedRun(c, mixed, bottom);
                }
            } finally {
                ScratchArrays.clear();
            }
            // The arrays are handed out without a copy: the pass is over, so it writes none of
            // them again, and every other holder of one is an immutable tensor.
            Object[] out = new Object[wanted.length];
            for (int w = 0; w < wanted.length; w++) {
                int id = wanted[w];
                if (id < 0) continue;
                int s = id + 1;
                int[] shape = shapeOf(id);
                if (shape == null) {
                    out[w] = reached(s) ? new Real(g[s]) : null;
                } else {
                    double[] d = tensor(s);
                    if (d != null) out[w] = Tensor.plain(shape, d);
                }
            }
            TapeMemory.giveCotangents(g);
            return out;
        }

        // Both loops below keep the contribution of entry s to entry s - 1 (the usual chain:
        // s = s.plus(...), r = r.times(x)) in a register until s - 1 comes next, instead of
        // adding it to memory and reading it back at once, which would serialise the loop on
        // the store. It is still the last term added to s - 1's cotangent, so every sum is the
        // same to the bit; a pending carry also means that s - 1 was reached.

        /**
         * Positions top-1 down to bottom of chunk c, all scalar entries, by one of two loops:
         * a quick scan counts the entries whose second input is that of the entry before.
         */
        void scalarRun(int c, int top, int bottom) {
            final int[] in = ins[c];
            int repeats = 0, last = 0;
            for (int o = top - 1; o >= bottom; o--) {
                int j = in[2 * o + 1];
                if (j == last && j != 0) repeats++;
                last = j;
            }
            if (2 * repeats > top - bottom) scalarRunHot(c, top, bottom);
            else scalarRunPlain(c, top, bottom);
        }

        /** {@link #scalarRun} with the carry only. */
        void scalarRunPlain(int c, int top, int bottom) {
            final double[] g = this.g;
            final int[] in = ins[c];
            final double[] p = parts[c];
            final int b = c << SHIFT;
            double carry = 0;
            boolean pending = false;
            for (int o = top - 1; o >= bottom; o--) {
                int s = b + o;
                double gk = g[s];
                if (pending) {
                    gk += carry;
                    pending = false;
                    g[s] = gk;
                    if (gk == 0) flagZero(s);
                } else if (gk == 0 && !reached(s)) {
                    continue;
                }
                int i = in[2 * o], j = in[2 * o + 1], prev = s - 1;
                double ci = gk * p[2 * o], cj = gk * p[2 * o + 1];
                if (i == prev && j != prev && i != 0) {
                    carry = ci;
                    pending = true;
                    if (j != 0) add(j, cj);
                } else if (j == prev && i != prev && j != 0) {
                    if (i != 0) add(i, ci);
                    carry = cj;
                    pending = true;
                } else {
                    if (i != 0) add(i, ci);
                    if (j != 0) add(j, cj);
                }
            }
            if (pending) add(b + bottom - 1, carry);
        }

        /**
         * {@link #scalarRun} for runs where most entries have the second input of the entry
         * before them (x in r = r.times(x)): besides the carry, the cotangent of the slot
         * that the last second input went to is summed in a register until another slot
         * takes its place or the loop reaches it. Its additions happen in the same order as
         * through memory, without the store-to-load round trip that bounds such a loop;
         * where second inputs rarely repeat (an LSTM) the extra bookkeeping costs more than
         * it saves, hence the choice per run.
         */
        void scalarRunHot(int c, int top, int bottom) {
            final double[] g = this.g;
            final int[] in = ins[c];
            final double[] p = parts[c];
            final int b = c << SHIFT;
            double carry = 0;
            boolean pending = false;
            int hot = 0;
            double hotSum = 0;
            for (int o = top - 1; o >= bottom; o--) {
                int s = b + o;
                if (s == hot) {
                    g[s] = hotSum;
                    if (hotSum == 0) flagZero(s);
                    hot = 0;
                }
                double gk = g[s];
                if (pending) {
                    gk += carry;
                    pending = false;
                    g[s] = gk;
                    if (gk == 0) flagZero(s);
                } else if (gk == 0 && !reached(s)) {
                    continue;
                }
                int i = in[2 * o], j = in[2 * o + 1], prev = s - 1;
                double ci = gk * p[2 * o], cj = gk * p[2 * o + 1];
                if (i == prev && j != prev && i != 0) {
                    carry = ci;
                    pending = true;
                } else {
                    if (i != 0) {
                        if (i == hot) hotSum += ci;
                        else add(i, ci);
                    }
                    if (j == prev && i != prev && j != 0) {
                        carry = cj;
                        pending = true;
                        continue;
                    }
                }
                if (j != 0) {
                    if (j != hot) {
                        if (hot != 0) {
                            g[hot] = hotSum;
                            if (hotSum == 0) flagZero(hot);
                        }
                        hot = j;
                        hotSum = g[j];
                    }
                    hotSum += cj;
                }
            }
            if (hot != 0) {
                g[hot] = hotSum;
                if (hotSum == 0) flagZero(hot);
            }
            if (pending) add(b + bottom - 1, carry);
        }

        /** Positions top-1 down to bottom of chunk c, entries of any kind. */
        void mixedRun(int c, int top, int bottom) {
            final double[] g = this.g;
            final int[] in = ins[c];
            final double[] p = parts[c];
            final byte[] kd = kinds[c];
            final int b = c << SHIFT;
            double carry = 0;
            boolean pending = false;
            // Consecutive reads mostly read one tensor: its cotangent array is kept at hand.
            int readSlot = 0;
            double[] readInto = null;
            for (int o = top - 1; o >= bottom; o--) {
                byte k = kd[o];
                int s = b + o;
                if (k == SCALAR || k == SCALAR_TRACKED) {
                    // SCALAR_TRACKED is only recorded under an outer level; plain mode sees
                    // it only when that level is inactive, and then a partial is its value.
                    double gk = g[s];
                    if (pending) {
                        gk += carry;
                        pending = false;
                        g[s] = gk;
                        if (gk == 0) flagZero(s);
                    } else if (gk == 0 && !reached(s)) {
                        continue;
                    }
                    int i = in[2 * o], j = in[2 * o + 1], prev = s - 1;
                    double ci = gk * p[2 * o], cj = gk * p[2 * o + 1];
                    if (i == prev && j != prev && i != 0) {
                        carry = ci;
                        pending = true;
                        if (j != 0) add(j, cj);
                    } else if (j == prev && i != prev && j != 0) {
                        if (i != 0) add(i, ci);
                        carry = cj;
                        pending = true;
                    } else {
                        if (i != 0) add(i, ci);
                        if (j != 0) add(j, cj);
                    }
                    continue;
                }
                if (pending) {
                    add(s, carry);
                    pending = false;
                }
                if (k == READ) {
                    double gk = g[s];
                    if (gk == 0 && !reached(s)) continue;
                    int t = in[2 * o];
                    if (t != readSlot) {
                        readInto = writableTensor(t);
                        readSlot = t;
                    }
                    readInto[in[2 * o + 1]] += gk;
                } else if (k == NODE) {
                    node(s, (Node) exts[c][o]);
                    readSlot = 0;
                }
            }
            if (pending) add(b + bottom - 1, carry);
        }

        void node(int s, Node node) {
            Object ct;
            if (node.outShape == null) {
                ct = reached(s) ? new Real(g[s]) : null;
            } else {
                double[] d = tensor(s);
                ct = d == null ? null : Tensor.plain(node.outShape, d);
            }
            if (ct == null && !node.rule.runsWithoutCotangent()) return;
            boolean fresh = node.rule.freshPlainCotangents();
            double[] ctData = ct instanceof Tensor c ? c.data : null;
            Object[] cts = node.back(ct);
            boolean handedOn = false;
            for (int j = 0; j < cts.length; j++) {
                int id = node.ids[j];
                Object c = cts[j];
                if (id < 0 || c == null) continue;
                int t = id + 1;
                if (c instanceof Real r) {
                    add(t, r.v);
                    continue;
                }
                double[] d = ((Tensor) c).data;
                handedOn |= d == ctData;
                // A fresh array that no other input got is this pass's to write into.
                boolean mine = fresh && d != ctData && onlyOnce(cts, d);
                double[] acc = tensor(t);
                // Each sum below is acc + d, element by element, whichever array it goes to.
                if (acc == null) {
                    setTensor(t, d, mine);
                } else if (owns(t)) {
                    for (int q = 0; q < acc.length; q++) acc[q] += d[q];
                    if (mine) ScratchArrays.give(d);
                } else if (mine) {
                    for (int q = 0; q < d.length; q++) d[q] = acc[q] + d[q];
                    setTensor(t, d, true);
                } else {
                    double[] sum = ScratchArrays.take(acc.length);
                    for (int q = 0; q < sum.length; q++) sum[q] = acc[q] + d[q];
                    setTensor(t, sum, true);
                }
            }
            // The output's cotangent is used up: reusable unless an input got it, it is not
            // ours, or it is wanted as a result.
            if (fresh && reuse && ctData != null && !handedOn && owns(s)) {
                setTensor(s, null, false);
                ScratchArrays.give(ctData);
            }
        }

        /** Whether {@code d} is the data of exactly one tensor of {@code cts}. */
        private boolean onlyOnce(Object[] cts, double[] d) {
            int n = 0;
            for (Object c : cts) if (c instanceof Tensor t && t.data == d) n++;
            return n == 1;
        }
    }

    private Object[] backwardTracked(int outId, Object seed, int[] wanted) {
        // Cotangents by slot (id + 1); slot 0 (constants) is never written.
        Object[] adj = new Object[size() + 1];
        adj[outId + 1] = seed instanceof Tensor t ? new TensorCotangent(t.shape).add(t) : seed;
        for (int s = size(); s >= 1; s--) {
            int c = s >>> SHIFT, o = s & MASK;
            byte kd = kindOf(s - 1);
            Object ak = adj[s];
            int[] in = ins[c];
            if (kd == SCALAR || kd == SCALAR_TRACKED) {
                if (ak == null) continue;
                Real gk = (Real) ak;
                Real[] tracked = kd == SCALAR_TRACKED ? (Real[]) exts[c][o] : null;
                double[] p = parts[c];
                int i = in[2 * o], j = in[2 * o + 1];
                if (i != 0) addReal(adj, i, tracked != null && tracked[0] != null ? gk.times(tracked[0]) : gk.times(p[2 * o]));
                if (j != 0) addReal(adj, j, tracked != null && tracked[1] != null ? gk.times(tracked[1]) : gk.times(p[2 * o + 1]));
            } else if (kd == READ) {
                if (ak == null) continue;
                int t = in[2 * o];
                TensorCotangent tc = (TensorCotangent) adj[t];
                if (tc == null) adj[t] = tc = new TensorCotangent(shapeOfSlot(t));
                tc.addAt(in[2 * o + 1], (Real) ak);
            } else if (kd == NODE) {
                Node node = (Node) exts[c][o];
                Object ct = ak instanceof TensorCotangent tc ? tc.get() : ak;
                if (ct == null && !node.rule.runsWithoutCotangent()) continue;
                Object[] cts = node.back(ct);
                for (int j = 0; j < cts.length; j++) {
                    int id = node.ids[j];
                    Object ctj = cts[j];
                    if (id < 0 || ctj == null) continue;
                    if (ctj instanceof Real r) {
                        addReal(adj, id + 1, r);
                    } else {
                        TensorCotangent tc = (TensorCotangent) adj[id + 1];
                        if (tc == null) adj[id + 1] = tc = new TensorCotangent(((Tensor) ctj).shape);
                        tc.add((Tensor) ctj);
                    }
                }
            }
        }
        Object[] out = new Object[wanted.length];
        for (int w = 0; w < wanted.length; w++) {
            int id = wanted[w];
            if (id < 0) continue;
            Object a = adj[id + 1];
            out[w] = a instanceof TensorCotangent tc ? tc.get() : a;
        }
        return out;
    }

    private static void addReal(Object[] adj, int s, Real r) {
        Object a = adj[s];
        adj[s] = a == null ? r : ((Real) a).plus(r);
    }

    // ---------------------------------------------------------------- recording mode (graph)

    /**
     * Operation names of scalar entries, recorded only while {@code graph} draws this tape
     * (null otherwise, so that the hot path pays one null check); with {@link #values}.
     */
    String[] labels;
    /** Values of scalar entries, recorded with {@link #labels}. */
    double[] values;

    /** Starts recording the names and values of scalar entries. */
    void recordLabels() {
        labels = new String[Math.max(FIRST, size())];
        values = new double[labels.length];
    }

    /** Records the name and value of scalar entry {@code id} (only while recording). */
    void label(int id, String name, double value) {
        if (id >= labels.length) {
            int m = Math.max(2 * labels.length, id + 1);
            labels = Arrays.copyOf(labels, m);
            values = Arrays.copyOf(values, m);
        }
        labels[id] = name;
        values[id] = value;
    }

    /** Stops recording and hands over the names and values recorded so far. */
    Recorded stopRecording() {
        Recorded r = new Recorded(labels, values);
        labels = null;
        values = null;
        return r;
    }

    /** What a recording mode wrote: names and values of scalar entries, by id. */
    record Recorded(String[] labels, double[] values) {
    }
}
