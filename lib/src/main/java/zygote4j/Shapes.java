package zygote4j;

import java.util.Arrays;

/** Shape arithmetic: element counts, NumPy broadcasting, and their checks. */
final class Shapes {
    private Shapes() {
    }

    static int count(int[] shape) {
        int c = 1;
        for (int s : shape) c *= s;
        return c;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** The NumPy broadcast of two shapes, or an exception naming the operation. */
    static int[] broadcast(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) return a;
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast together (dimension " + i + ": " + da + " vs " + db
                        + "); make the sizes equal or 1, e.g. with reshape");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /**
     * For each element of {@code out} (row-major), the index of the element of a tensor of
     * shape {@code in} that broadcasts onto it.
     */
    static int[] broadcastIndex(int[] in, int[] out) {
        int n = count(out), rank = out.length, off = rank - in.length;
        int[] inStride = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= off; i--) {
            int d = in[i - off];
            inStride[i] = d == 1 ? 0 : s;
            s *= d;
        }
        int[] idx = new int[n];
        int[] counter = new int[rank];
        int pos = 0;
        for (int k = 0; k < n; k++) {
            idx[k] = pos;
            for (int i = rank - 1; i >= 0; i--) {
                counter[i]++;
                pos += inStride[i];
                if (counter[i] < out[i]) break;
                pos -= inStride[i] * counter[i];
                counter[i] = 0;
            }
        }
        return idx;
    }

    /** Row-major flat index of {@code index} in {@code shape}, checked. */
    static int flat(String op, int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices " + Arrays.toString(index)
                    + " for a tensor of shape " + str(shape) + "; give one index per dimension");
        }
        int f = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index) + " is out of range for shape "
                        + str(shape) + " (dimension " + i + " has size " + shape[i] + "; indices start at 0)");
            }
            f = f * shape[i] + index[i];
        }
        return f;
    }

    static int[] checkShape(String op, int... shape) {
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException(op + ": negative dimension in shape " + str(shape));
        }
        return shape.clone();
    }
}
