package zygote4j;

/**
 * An algorithm for the general matrix product, as {@link DenseKernels#mult} uses it:
 * each thread asks for its own {@link Rows} (scratch space is per thread) and computes
 * ranges of rows of C with it. Every element of C comes out the same whichever ranges
 * a product is cut into, so results do not depend on the number of threads.
 */
interface ProductKernel {
    /** The name used by the {@code zygote4j.kernels} setting: "java" or "vector". */
    String name();

    /**
     * The height of the kernel's blocks of rows: ranges start at multiples of it, so
     * that a split never changes which rows are computed together.
     */
    int rowBlock();

    /**
     * Whether the kernel is worth its set-up on an m x k by k x n product; the
     * {@code auto} setting takes the pure-Java kernel for the others.
     */
    boolean suits(int m, int k, int n);

    /** A worker for one thread, computing rows of the products of {@code p}. */
    Rows rows(MatrixProduct p);

    /** Computes rows of C for one thread; not shared between threads. */
    interface Rows {
        /** Rows {@code i0} (a multiple of {@link #rowBlock()}) to {@code i1} (exclusive) of the q-th product. */
        void compute(int q, int i0, int i1);
    }
}
