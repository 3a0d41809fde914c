package zygote4j;

import java.util.Arrays;

/**
 * A mutable array that can be written inside a function being differentiated, like
 * Zygote's {@code Buffer}: make one like an existing tensor, write elements or slices,
 * then {@link #copy()} it to get an ordinary (differentiable) {@link Tensor}.
 *
 * <pre>{@code
 * static Tensor vstack(Tensor xs) {
 *   Buffer buf = Buffer.of(xs, xs.length(), 5);              // like similar(xs, 3, 5)
 *   for (int i = 0; i < 5; i++) buf.set(xs, all(), at(i));   // buf[:, i] = xs
 *   return buf.copy();
 * }
 * gradient(x -> vstack(x).sum(), Tensor.of(1, 2, 3));        // ([5.0, 5.0, 5.0],)
 * }</pre>
 *
 * <p>Each element keeps the latest value written to it: a value overwritten before
 * {@code copy()} gets no gradient, and reading an element ({@link #get}) returns that
 * value itself, so reads differentiate too. {@code copy()} does not copy the data: it
 * freezes the buffer, and any later write throws an {@link IllegalStateException}.
 * A buffer is not a {@code Tensor}: it has no arithmetic; copy it first.
 */
public final class Buffer {
    private final int[] shape;
    /** The value of every element (for a tracked element, its number). */
    private final double[] values;
    /** The latest written value where it is tracked by a level; null elsewhere (and when none is). */
    private Real[] tracked;
    private boolean frozen;

    private Buffer(int[] shape) {
        this.shape = shape;
        this.values = new double[Shapes.count(shape)];
    }

    /**
     * A new buffer shaped {@code shape}, for values like {@code like}'s (Julia's
     * {@code similar(like, shape...)}); elements start as 0. With no dimensions, the
     * buffer has {@code like}'s shape ({@code similar(like)}).
     *
     * <pre>{@code
     * Tensor xs = Tensor.of(1, 2, 3);
     * Buffer.of(xs, xs.length(), 5).shape();   // [3, 5], like similar(xs, 3, 5)
     * Buffer.of(xs).shape();                   // [3], like similar(xs)
     * }</pre>
     *
     * @param like a tensor of the same kind of values (only its shape is used, and only when
     *     {@code shape} is empty)
     * @param shape the dimensions
     * @return an unfrozen buffer
     * @throws IllegalArgumentException if {@code like} is null or a dimension is negative
     */
    public static Buffer of(Tensor like, int... shape) {
        if (like == null) throw new IllegalArgumentException("Buffer.of: the tensor 'like' is null");
        return new Buffer(shape.length == 0 ? like.shape.clone() : Shapes.checkShape("Buffer.of", shape));
    }

    /**
     * The dimensions (a copy).
     *
     * <pre>{@code Buffer.of(Tensor.of(1, 2, 3), 3, 5).shape();   // [3, 5]}</pre>
     *
     * @return the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Whether {@link #copy()} has frozen this buffer.
     *
     * <pre>{@code
     * Buffer buf = Buffer.of(Tensor.of(1, 2));
     * buf.isFrozen();   // false
     * buf.copy();
     * buf.isFrozen();   // true
     * }</pre>
     *
     * @return true after copy()
     */
    public boolean isFrozen() {
        return frozen;
    }

    /**
     * The element at {@code index}: the value last written there (differentiable), or 0.
     *
     * <pre>{@code
     * Buffer buf = Buffer.of(Tensor.of(1, 2), 2, 2);
     * buf.set(Real.of(2), 0, 1);
     * buf.get(0, 1);   // 2.0
     * buf.get(1, 1);   // 0.0
     * }</pre>
     *
     * @param index one index per dimension, from 0
     * @return the element
     * @throws IllegalArgumentException if the number of indices is not the buffer's rank
     * @throws IndexOutOfBoundsException if an index is outside its dimension
     */
    public Real get(int... index) {
        return getFlat(Shapes.flat("Buffer.get", shape, index));
    }

    Real getFlat(int f) {
        Real t = tracked == null ? null : tracked[f];
        return t != null ? t : new Real(values[f]);
    }

    /**
     * Writes a number at {@code index}.
     *
     * <pre>{@code
     * Buffer buf = Buffer.of(Tensor.of(1, 2), 2, 2);
     * buf.set(7, 0, 1);   // buf[0, 1] = 7
     * buf.get(0, 1);      // 7.0
     * }</pre>
     *
     * @param value the number
     * @param index one index per dimension, from 0
     * @throws IllegalStateException if {@link #copy()} froze the buffer
     * @throws IllegalArgumentException if the number of indices is not the buffer's rank
     * @throws IndexOutOfBoundsException if an index is outside its dimension
     */
    public void set(double value, int... index) {
        checkWritable();
        setFlat(Shapes.flat("Buffer.set", shape, index), value);
    }

    /**
     * Writes a (possibly tracked) scalar at {@code index}; gradients flow back to it
     * unless it is overwritten before {@link #copy()}.
     *
     * <pre>{@code
     * gradient(x -> {
     *   Buffer buf = Buffer.of(Tensor.of(0, 0));
     *   buf.set(x.times(2), 0);   // buf[0] = 2x
     *   buf.set(x, 1);            // buf[1] = x
     *   return buf.copy().sum();
     * }, 5);   // (3.0,)
     * }</pre>
     *
     * @param value the scalar
     * @param index one index per dimension, from 0
     * @throws IllegalStateException if {@link #copy()} froze the buffer
     * @throws IllegalArgumentException if the value is null or the number of indices is not the
     *     buffer's rank
     * @throws IndexOutOfBoundsException if an index is outside its dimension
     */
    public void set(Real value, int... index) {
        checkWritable();
        if (value == null) throw new IllegalArgumentException("Buffer.set: the value is null");
        setFlat(Shapes.flat("Buffer.set", shape, index), value);
    }

    /** Writes a plain number at row-major position {@code f}. */
    void setFlat(int f, double value) {
        checkWritable();
        values[f] = value;
        if (tracked != null) tracked[f] = null;
    }

    /** Writes a scalar at row-major position {@code f}. */
    void setFlat(int f, Real value) {
        checkWritable();
        values[f] = value.v;
        if (value.level != null) {
            if (tracked == null) tracked = new Real[values.length];
            tracked[f] = value;
        } else if (tracked != null) {
            tracked[f] = null;
        }
    }

    /**
     * Writes a tensor into a slice: one {@link Index} per dimension ({@code all()},
     * {@code at(i)}, {@code range(a, b)}), as {@code buf[:, i] = values} in Julia. The
     * values must have the slice's shape (dimensions of size 1 aside), in row-major order.
     *
     * <pre>{@code
     * Buffer buf = Buffer.of(Tensor.of(1, 2), 2, 3);
     * buf.set(Tensor.of(1, 2), all(), at(2));   // column 2 = [1, 2]
     * buf.copy();   // [[0.0, 0.0, 1.0], [0.0, 0.0, 2.0]]
     * }</pre>
     *
     * @param values the values, shaped like the selection
     * @param index the selection
     * @throws IllegalStateException if {@link #copy()} froze the buffer
     * @throws IllegalArgumentException if the values are not shaped like the selection, or there
     *     are more indices than dimensions
     * @throws IndexOutOfBoundsException if an index or range is outside its dimension
     */
    public void set(Tensor values, Index... index) {
        checkWritable();
        if (values == null) throw new IllegalArgumentException("Buffer.set: the values are null");
        BufferSlice slice = BufferSlice.of(shape, index);
        if (!slice.fits(values.shape)) {
            throw new IllegalArgumentException("Buffer.set: the values have shape " + Shapes.str(values.shape)
                    + " but the selection " + Arrays.toString(index) + " of a buffer of shape " + Shapes.str(shape)
                    + " has shape " + Shapes.str(slice.shape) + "; give values of the selection's shape");
        }
        int[] at = slice.positions;
        if (values.level == null) {
            for (int k = 0; k < at.length; k++) {
                this.values[at[k]] = values.data[k];
                if (tracked != null) tracked[at[k]] = null;
            }
        } else {
            for (int k = 0; k < at.length; k++) setFlat(at[k], values.read(k));
        }
    }

    /**
     * The contents as a {@link Tensor}, differentiable with respect to every value
     * written and not overwritten. The data is not copied: the buffer is frozen, and
     * writing to it afterwards throws.
     *
     * <pre>{@code
     * Buffer buf = Buffer.of(Tensor.of(1, 2));
     * buf.set(5, 0);
     * Tensor t = buf.copy();   // [5.0, 0.0]
     * buf.set(1, 0);           // throws IllegalStateException: the buffer is frozen
     * }</pre>
     *
     * @return the tensor
     */
    public Tensor copy() {
        frozen = true;
        if (tracked != null) {
            Real[] all = new Real[values.length];
            boolean any = false;
            for (int f = 0; f < all.length; f++) {
                any |= tracked[f] != null;
                all[f] = getFlat(f);
            }
            // Stacking the latest values makes gradients (of every order) flow to them alone.
            if (any) return Tensor.of(all).reshape(shape);
        }
        return Tensor.plain(shape, values);
    }

    private void checkWritable() {
        if (frozen) {
            throw new IllegalStateException("Buffer.set: this buffer is frozen: copy() froze it, because the tensor "
                    + "it returned shares the buffer's data. Write everything before copy(), or make a new "
                    + "Buffer.of(...) to write again");
        }
    }

    /**
     * The contents, like a tensor's, marked as a buffer: {@code Buffer([1.0, 2.0])},
     * with {@code , frozen} after {@link #copy()}.
     *
     * <pre>{@code Buffer.of(Tensor.of(1, 2)).toString();   // "Buffer([0.0, 0.0])"}</pre>
     *
     * @return {@code Buffer(...)} around the contents
     */
    @Override
    public String toString() {
        String contents = Tensor.plain(shape, values).toString().replace("\n", "\n       ");
        return "Buffer(" + contents + (frozen ? ", frozen)" : ")");
    }
}
