package zygote4j;

/**
 * The cotangent of one tensor during a tracked backward pass: a dense part (from whole
 * tensor rules) plus sparse per-element parts (from element reads), merged only when a
 * rule or the caller needs the whole tensor. Keeps element reads O(1) at any order.
 */
final class TensorCotangent {
    private final int[] shape;
    private Tensor dense;
    private Real[] parts;

    TensorCotangent(int[] shape) {
        this.shape = shape;
    }

    TensorCotangent add(Tensor t) {
        dense = dense == null ? t : dense.plus(t);
        return this;
    }

    void addAt(int index, Real r) {
        if (parts == null) parts = new Real[Shapes.count(shape)];
        parts[index] = parts[index] == null ? r : parts[index].plus(r);
    }

    Tensor get() {
        if (parts != null) {
            Real[] all = new Real[parts.length];
            for (int i = 0; i < all.length; i++) all[i] = parts[i] == null ? Real.ZERO : parts[i];
            Tensor p = Tensor.of(all).reshape(shape);
            dense = dense == null ? p : dense.plus(p);
            parts = null;
        }
        return dense;
    }
}
