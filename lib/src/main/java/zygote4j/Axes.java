package zygote4j;

import java.util.Arrays;

/**
 * Axis arithmetic for reductions and axis-wise operations. A tensor of shape
 * {@code [a0, ..., ak, ..., an]} seen along axis {@code k} is a block of
 * {@code outer = a0*...*a(k-1)} slices, each {@code len = ak} long with a stride of
 * {@code inner = a(k+1)*...*an}: element {@code (o, j, i)} sits at
 * {@code (o * len + j) * inner + i}. Every axis-wise loop below uses that layout.
 */
final class Axes {
    private Axes() {
    }

    /** The axis counted from 0, with negative axes counting from the end; checked. */
    static int normalize(String op, int axis, int[] shape) {
        int r = shape.length;
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of shape "
                    + Shapes.str(shape) + (r == 0 ? " (a 0-d tensor has no axes; use the whole-tensor form, e.g. "
                    + op + "())" : " (rank " + r + "; valid axes are " + -r + " to " + (r - 1) + ")"));
        }
        return a;
    }

    /** The shape with {@code axis} removed (NumPy's default for reductions). */
    static int[] drop(int[] shape, int axis) {
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != axis) s[j++] = shape[i];
        return s;
    }

    /** The shape with {@code axis} set to 1 (NumPy's {@code keepdims=True}). */
    static int[] keep(int[] shape, int axis) {
        int[] s = shape.clone();
        s[axis] = 1;
        return s;
    }

    /** The shape with a new dimension of size {@code n} inserted before position {@code axis}. */
    static int[] insert(int[] shape, int axis, int n) {
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) s[i] = i == axis ? n : shape[j++];
        return s;
    }

    static int outer(int[] shape, int axis) {
        return Shapes.count(Arrays.copyOfRange(shape, 0, axis));
    }

    static int inner(int[] shape, int axis) {
        return Shapes.count(Arrays.copyOfRange(shape, axis + 1, shape.length));
    }
}
