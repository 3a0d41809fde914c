package zygote4j.bench.adbench;

/**
 * The Jacobian of ADBench's BA residuals in compressed sparse row form, laid out as
 * ADBench lays it out: 2p reprojection rows (x then y for each observation, 15
 * non-zeros each: 11 camera, 3 point, 1 weight column), then p weight rows (1 non-zero).
 * Columns: 11n camera parameters, then 3m point coordinates, then p weights.
 *
 * <pre>{@code
 * BaSparseJacobian j = BaLib.jacobian(in);
 * j.rows()[1] - j.rows()[0];   // 15
 * }</pre>
 *
 * @param nrows 3p
 * @param ncols 11n + 3m + p
 * @param rows row starts, nrows + 1 entries
 * @param cols column of each non-zero
 * @param vals value of each non-zero
 */
public record BaSparseJacobian(int nrows, int ncols, int[] rows, int[] cols, double[] vals) {
    /**
     * An empty Jacobian with the row starts and columns of ADBench's layout filled in.
     *
     * <pre>{@code BaSparseJacobian.layout(in).vals().length;   // 31 p}</pre>
     *
     * @param in the instance
     * @return the Jacobian, values zero
     */
    public static BaSparseJacobian layout(BaInput in) {
        int p = in.p(), n = in.n(), m = in.m();
        int nnz = 2 * p * 15 + p;
        int[] rows = new int[3 * p + 1], cols = new int[nnz];
        int k = 0;
        for (int i = 0; i < p; i++) {
            int cam = in.obs()[2 * i], pt = in.obs()[2 * i + 1];
            for (int r = 0; r < 2; r++) {
                rows[2 * i + r] = k;
                for (int j = 0; j < BaInput.NCAM; j++) cols[k++] = BaInput.NCAM * cam + j;
                for (int j = 0; j < 3; j++) cols[k++] = BaInput.NCAM * n + 3 * pt + j;
                cols[k++] = BaInput.NCAM * n + 3 * m + i;
            }
        }
        for (int i = 0; i < p; i++) {
            rows[2 * p + i] = k;
            cols[k++] = BaInput.NCAM * n + 3 * m + i;
        }
        rows[3 * p] = k;
        return new BaSparseJacobian(3 * p, in.cols(), rows, cols, new double[nnz]);
    }

    /**
     * A Jacobian of the instance's size with every array still to be written (zeros), for
     * code that fills one matrix again at each evaluation.
     *
     * <pre>{@code BaSparseJacobian.ofSize(in).cols().length;   // 31 p}</pre>
     *
     * @param in the instance
     * @return 3p rows, 11n + 3m + p columns, 31p non-zeros, all zero
     */
    public static BaSparseJacobian ofSize(BaInput in) {
        int p = in.p();
        return new BaSparseJacobian(3 * p, in.cols(), new int[3 * p + 1], new int[31 * p], new double[31 * p]);
    }
}
