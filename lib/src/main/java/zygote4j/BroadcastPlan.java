package zygote4j;

/**
 * How two operands of an elementwise operation broadcast onto its output, as runs of
 * contiguous output elements. The output (row-major) is cut into {@code blocks()} runs
 * of {@link #len} elements; along a run each operand either advances with the output
 * ({@code aVaries}/{@code bVaries}) or stays on one element (it is broadcast along the
 * run), and {@link #aOff}/{@link #bOff} give where each run starts in each operand.
 * Loops over the runs read every operand in place: no broadcast copy, no index array
 * per element.
 *
 * <p>Dimensions of size 1 in the output are dropped, and neighbouring dimensions along
 * which both operands behave alike are merged, so the runs are as long as the layout
 * allows: equal shapes give one run, a matrix and a row vector one run per row, a matrix
 * and a column vector one run per row with the vector's element fixed.
 *
 * <pre>{@code
 * BroadcastPlan p = BroadcastPlan.of("plus", new int[] {3, 4}, new int[] {4});
 * // p.len == 4, p.blocks() == 3, p.aVaries && p.bVaries, p.aOff == {0, 4, 8}, p.bOff == {0, 0, 0}
 * }</pre>
 */
final class BroadcastPlan {
    /** The output shape (the broadcast of the operands' shapes). */
    final int[] shape;
    /** The number of output elements. */
    final int count;
    /** Elements per run. */
    final int len;
    /** Whether each operand advances along a run (else it repeats one element). */
    final boolean aVaries, bVaries;
    /** The start of each run in each operand. */
    final int[] aOff, bOff;

    private BroadcastPlan(int[] shape, int count, int len, boolean aVaries, boolean bVaries, int[] aOff, int[] bOff) {
        this.shape = shape;
        this.count = count;
        this.len = len;
        this.aVaries = aVaries;
        this.bVaries = bVaries;
        this.aOff = aOff;
        this.bOff = bOff;
    }

    private static final int[] ZERO = {0};

    /** The plan for operands of shapes {@code a} and {@code b}; throws as {@link Shapes#broadcast} does. */
    static BroadcastPlan of(String op, int[] a, int[] b) {
        if (java.util.Arrays.equals(a, b)) {
            int count = Shapes.count(a);
            return new BroadcastPlan(a, count, count, true, true, count == 0 ? new int[0] : ZERO, count == 0 ? new int[0] : ZERO);
        }
        int[] out = Shapes.broadcast(op, a, b);
        int count = Shapes.count(out);
        if (count == 0) return new BroadcastPlan(out, 0, 0, true, true, new int[0], new int[0]);
        int r = out.length;
        // Merged dimensions, outermost first: extent and whether each operand varies along it.
        int[] ext = new int[r];
        boolean[] av = new boolean[r], bv = new boolean[r];
        int m = 0;
        for (int d = 0; d < r; d++) {
            if (out[d] == 1) continue;
            boolean fa = dim(a, d, r) != 1, fb = dim(b, d, r) != 1;
            if (m > 0 && av[m - 1] == fa && bv[m - 1] == fb) {
                ext[m - 1] *= out[d];
            } else {
                ext[m] = out[d];
                av[m] = fa;
                bv[m] = fb;
                m++;
            }
        }
        if (m == 0) return new BroadcastPlan(out, 1, 1, true, true, ZERO, ZERO);
        int len = ext[m - 1];
        int blocks = count / len;
        int[] aOff = blocks == 1 ? ZERO : new int[blocks], bOff = blocks == 1 ? ZERO : new int[blocks];
        if (blocks > 1) {
            // Strides of the outer merged dimensions in each operand (0 where it is broadcast).
            int[] sa = new int[m - 1], sb = new int[m - 1];
            int pa = av[m - 1] ? len : 1, pb = bv[m - 1] ? len : 1;
            for (int j = m - 2; j >= 0; j--) {
                sa[j] = av[j] ? pa : 0;
                sb[j] = bv[j] ? pb : 0;
                if (av[j]) pa *= ext[j];
                if (bv[j]) pb *= ext[j];
            }
            int[] counter = new int[m - 1];
            int oa = 0, ob = 0;
            for (int q = 0; q < blocks; q++) {
                aOff[q] = oa;
                bOff[q] = ob;
                for (int j = m - 2; j >= 0; j--) {
                    counter[j]++;
                    oa += sa[j];
                    ob += sb[j];
                    if (counter[j] < ext[j]) break;
                    oa -= sa[j] * counter[j];
                    ob -= sb[j] * counter[j];
                    counter[j] = 0;
                }
            }
        }
        return new BroadcastPlan(out, count, len, av[m - 1], bv[m - 1], aOff, bOff);
    }

    /** Dimension {@code d} of {@code shape} left-padded with 1s to rank {@code r}. */
    private static int dim(int[] shape, int d, int r) {
        int i = d - (r - shape.length);
        return i < 0 ? 1 : shape[i];
    }

    int blocks() {
        return aOff.length;
    }

    /** True when both operands have the output's shape: one run, both advancing. */
    boolean same() {
        return aOff.length == 1 && aVaries && bVaries;
    }
}
