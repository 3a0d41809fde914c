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
 * <p>The backward pass walks the tape once, newest first, in a loop (never recursion).
 * It runs in one of two modes: with plain {@code double} cotangents when nothing can be
 * tracked by an outer level (the common first-order case), or with cotangents that are
 * {@link Real}/{@link Tensor} values, so that an outer level differentiates the backward
 * pass itself (gradients of gradients, forward-over-reverse Hessians).
 */
final class Tape extends Level {
    static final byte LEAF = 0, SCALAR = 1, SCALAR_TRACKED = 2, READ = 3, NODE = 4;

    private int n;
    private int[] a1 = new int[64], a2 = new int[64];
    private double[] p1 = new double[64], p2 = new double[64];
    private byte[] kind = new byte[64];
    private Object[] ext = new Object[64];

    Tape(int depth) {
        super(depth);
    }

    @Override
    String kind() {
        return "reverse-mode level (gradient/pullback)";
    }

    /** Number of entries recorded so far. */
    int size() {
        return n;
    }

    private void grow() {
        int c = a1.length * 2;
        a1 = Arrays.copyOf(a1, c);
        a2 = Arrays.copyOf(a2, c);
        p1 = Arrays.copyOf(p1, c);
        p2 = Arrays.copyOf(p2, c);
        kind = Arrays.copyOf(kind, c);
        ext = Arrays.copyOf(ext, c);
    }

    /** An input of the differentiated function (a scalar when shape is null). */
    int leaf(int[] shape) {
        int k = n;
        if (k == a1.length) grow();
        kind[k] = LEAF;
        a1[k] = -1;
        a2[k] = -1;
        ext[k] = shape;
        n = k + 1;
        return k;
    }

    /** A scalar primitive with plain partials; an input id of -1 means "constant". */
    int scalar(int x1, double d1, int x2, double d2) {
        int k = n;
        if (k == a1.length) grow();
        kind[k] = SCALAR;
        a1[k] = x1;
        a2[k] = x2;
        p1[k] = d1;
        p2[k] = d2;
        n = k + 1;
        return k;
    }

    /** A scalar primitive whose partials are tracked by an outer level. */
    int scalarTracked(int x1, Real d1, int x2, Real d2) {
        int k = scalar(x1, d1 == null ? 0 : d1.v, x2, d2 == null ? 0 : d2.v);
        kind[k] = SCALAR_TRACKED;
        ext[k] = new Real[] {d1, d2};
        return k;
    }

    /** A read of element {@code index} (row-major) of the tensor with id {@code tensor}. */
    int read(int tensor, int index) {
        int k = n;
        if (k == a1.length) grow();
        kind[k] = READ;
        a1[k] = tensor;
        a2[k] = index;
        n = k + 1;
        return k;
    }

    int node(Node node) {
        int k = n;
        if (k == a1.length) grow();
        kind[k] = NODE;
        a1[k] = -1;
        a2[k] = -1;
        ext[k] = node;
        n = k + 1;
        return k;
    }

    /** Shape of the tensor with this id, or null for a scalar. */
    int[] shapeOf(int id) {
        Object e = ext[id];
        if (kind[id] == LEAF) return (int[]) e;
        if (kind[id] == NODE) return ((Node) e).outShape;
        return null;
    }

    private static int count(int[] shape) {
        int c = 1;
        for (int s : shape) c *= s;
        return c;
    }

    /**
     * Runs the backward pass from {@code outId}, seeded with {@code seed} (a Real or a
     * Tensor shaped like the output), and returns the cotangent of each id in
     * {@code wanted} (a Real, a Tensor, or null where no cotangent arrived).
     */
    Object[] backward(int outId, Object seed, int[] wanted) {
        boolean plain = Levels.depth() == 0 && Values.isPlain(seed);
        return plain ? backwardPlain(outId, seed, wanted) : backwardTracked(outId, seed, wanted);
    }

    private Object[] backwardPlain(int outId, Object seed, int[] wanted) {
        final int[] a1 = this.a1, a2 = this.a2;
        final double[] p1 = this.p1, p2 = this.p2;
        final byte[] kind = this.kind;
        double[] g = new double[n];
        boolean[] reached = new boolean[n];
        double[][] tadj = null;
        boolean[] owned = null;
        if (seed instanceof Tensor t) {
            tadj = new double[n][];
            owned = new boolean[n];
            tadj[outId] = t.data;
        } else {
            g[outId] = ((Real) seed).v;
        }
        reached[outId] = true;
        for (int k = n - 1; k >= 0; k--) {
            byte kd = kind[k];
            if (kd == SCALAR) {
                // An entry no path from the output reaches is skipped (its inputs get no
                // gradient: null). A reached one multiplies even a zero cotangent, as IEEE
                // arithmetic and the tracked mode do: 0 * Inf and 0 * NaN are NaN, so a NaN
                // or infinite partial derivative is never hidden.
                if (!reached[k]) continue;
                double gk = g[k];
                int i = a1[k], j = a2[k];
                if (i >= 0) {
                    reached[i] = true;
                    g[i] += gk * p1[k];
                }
                if (j >= 0) {
                    reached[j] = true;
                    g[j] += gk * p2[k];
                }
            } else if (kd == READ) {
                if (!reached[k]) continue;
                int t = a1[k];
                if (tadj == null) {
                    tadj = new double[n][];
                    owned = new boolean[n];
                }
                if (tadj[t] == null) {
                    tadj[t] = new double[count(shapeOf(t))];
                    owned[t] = true;
                } else if (!owned[t]) {
                    tadj[t] = tadj[t].clone();
                    owned[t] = true;
                }
                tadj[t][a2[k]] += g[k];
            } else if (kd == NODE) {
                Node node = (Node) ext[k];
                Object ct;
                if (node.outShape == null) {
                    ct = reached[k] ? new Real(g[k]) : null;
                } else {
                    ct = tadj != null && tadj[k] != null ? Tensor.plain(node.outShape, tadj[k]) : null;
                }
                if (ct == null && !node.rule.runsWithoutCotangent()) continue;
                Object[] cts = node.back(ct);
                for (int j = 0; j < cts.length; j++) {
                    int id = node.ids[j];
                    Object c = cts[j];
                    if (id < 0 || c == null) continue;
                    if (c instanceof Real r) {
                        g[id] += r.v;
                        reached[id] = true;
                    } else {
                        double[] d = ((Tensor) c).data;
                        if (tadj == null) {
                            tadj = new double[n][];
                            owned = new boolean[n];
                        }
                        if (tadj[id] == null) {
                            tadj[id] = d;
                        } else {
                            if (!owned[id]) {
                                tadj[id] = tadj[id].clone();
                                owned[id] = true;
                            }
                            double[] acc = tadj[id];
                            for (int q = 0; q < acc.length; q++) acc[q] += d[q];
                        }
                    }
                }
            } else if (kd == SCALAR_TRACKED) {
                // Only recorded under an outer level; plain mode never sees one with a
                // tracked partial, but a partial of an inactive outer level is its value.
                if (!reached[k]) continue;
                double gk = g[k];
                int i = a1[k], j = a2[k];
                if (i >= 0) {
                    reached[i] = true;
                    g[i] += gk * p1[k];
                }
                if (j >= 0) {
                    reached[j] = true;
                    g[j] += gk * p2[k];
                }
            }
        }
        Object[] out = new Object[wanted.length];
        for (int w = 0; w < wanted.length; w++) {
            int id = wanted[w];
            if (id < 0) continue;
            int[] shape = shapeOf(id);
            if (shape == null) {
                out[w] = reached[id] ? new Real(g[id]) : null;
            } else if (tadj != null && tadj[id] != null) {
                out[w] = Tensor.plain(shape, owned[id] ? tadj[id] : tadj[id].clone());
            }
        }
        return out;
    }

    private Object[] backwardTracked(int outId, Object seed, int[] wanted) {
        Object[] adj = new Object[n];
        adj[outId] = seed instanceof Tensor t ? new TensorCotangent(t.shape).add(t) : seed;
        for (int k = n - 1; k >= 0; k--) {
            byte kd = kind[k];
            Object ak = adj[k];
            if (kd == SCALAR || kd == SCALAR_TRACKED) {
                if (ak == null) continue;
                Real gk = (Real) ak;
                Real[] tracked = kd == SCALAR_TRACKED ? (Real[]) ext[k] : null;
                int i = a1[k], j = a2[k];
                if (i >= 0) addReal(adj, i, tracked != null && tracked[0] != null ? gk.times(tracked[0]) : gk.times(p1[k]));
                if (j >= 0) addReal(adj, j, tracked != null && tracked[1] != null ? gk.times(tracked[1]) : gk.times(p2[k]));
            } else if (kd == READ) {
                if (ak == null) continue;
                int t = a1[k];
                TensorCotangent c = (TensorCotangent) adj[t];
                if (c == null) adj[t] = c = new TensorCotangent(shapeOf(t));
                c.addAt(a2[k], (Real) ak);
            } else if (kd == NODE) {
                Node node = (Node) ext[k];
                Object ct = ak instanceof TensorCotangent c ? c.get() : ak;
                if (ct == null && !node.rule.runsWithoutCotangent()) continue;
                Object[] cts = node.back(ct);
                for (int j = 0; j < cts.length; j++) {
                    int id = node.ids[j];
                    Object c = cts[j];
                    if (id < 0 || c == null) continue;
                    if (c instanceof Real r) {
                        addReal(adj, id, r);
                    } else {
                        TensorCotangent tc = (TensorCotangent) adj[id];
                        if (tc == null) adj[id] = tc = new TensorCotangent(((Tensor) c).shape);
                        tc.add((Tensor) c);
                    }
                }
            }
        }
        Object[] out = new Object[wanted.length];
        for (int w = 0; w < wanted.length; w++) {
            int id = wanted[w];
            if (id < 0) continue;
            Object a = adj[id];
            out[w] = a instanceof TensorCotangent c ? c.get() : a;
        }
        return out;
    }

    private static void addReal(Object[] adj, int id, Real r) {
        Object a = adj[id];
        adj[id] = a == null ? r : ((Real) a).plus(r);
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
        labels = new String[a1.length];
        values = new double[a1.length];
    }

    /** Records the name and value of scalar entry {@code id} (only while recording). */
    void label(int id, String name, double value) {
        if (id >= labels.length) {
            labels = Arrays.copyOf(labels, a1.length);
            values = Arrays.copyOf(values, a1.length);
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

    /** The kind of entry {@code id}: {@link #LEAF}, {@link #SCALAR}, ... */
    byte kindOf(int id) {
        return kind[id];
    }

    /** The first input id of a scalar entry, or the tensor id of a read (-1: a constant). */
    int firstInput(int id) {
        return a1[id];
    }

    /** The second input id of a scalar entry, or the flat index of a read. */
    int secondInput(int id) {
        return a2[id];
    }

    /** The node of a {@link #NODE} entry. */
    Node nodeOf(int id) {
        return (Node) ext[id];
    }
}
