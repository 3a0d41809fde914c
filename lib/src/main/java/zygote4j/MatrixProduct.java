package zygote4j;

/**
 * One call of {@code C = op(A) op(B)} on a batch of matrix pairs stored one after the
 * other, where op(X) is X or Xᵀ: op(A) is m x k, op(B) is k x n; A is stored as m x k
 * (or k x m when {@code ta}), B as k x n (or n x k when {@code tb}), and the batch's
 * products go one after the other into {@code c}, m x n each.
 */
record MatrixProduct(int batch, double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n, double[] c) {
    /** Offsets of the q-th matrix of A, B and C. */
    int aOffset(int q) {
        return q * m * k;
    }

    int bOffset(int q) {
        return q * k * n;
    }

    int cOffset(int q) {
        return q * m * n;
    }
}
