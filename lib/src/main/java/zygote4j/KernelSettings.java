package zygote4j;

import java.util.Locale;

/**
 * The two settings of the matrix product, as system properties:
 *
 * <ul>
 * <li>{@code zygote4j.kernels}: {@code auto} (default), {@code java} or {@code vector}.
 *     {@code auto} takes the SIMD kernel ({@link VectorProduct}) when the JDK's
 *     incubating module {@code jdk.incubator.vector} is in the boot layer (the JVM was
 *     started with {@code --add-modules jdk.incubator.vector}), except for products too
 *     small for it, and the pure-Java kernel otherwise; {@code vector} takes the SIMD
 *     kernel for every product. Read once, at the first matrix product.
 * <li>{@code zygote4j.threads}: how many threads one large product may use (default 1:
 *     the library computes on the calling thread only). Read at each large product, so
 *     a program may change it while running.
 * </ul>
 *
 * <p>{@link VectorProduct} is the only class that uses the vector API; it is loaded only
 * after the module was found, so the library runs unchanged on a JVM without it.
 */
final class KernelSettings {
    private KernelSettings() {
    }

    static final String KERNELS = "zygote4j.kernels", THREADS = "zygote4j.threads";
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final ProductKernel JAVA = new DenseKernels.JavaProduct(DenseKernels.FAST_FMA);
    /** The kernel the settings ask for, or null (then {@link #ERROR} says why). */
    private static final ProductKernel CHOSEN;
    private static final String ERROR;
    /** Whether the choice was {@code auto}: then products too small for the chosen kernel take the Java one. */
    private static final boolean AUTO;

    static {
        String want = System.getProperty(KERNELS, "auto").trim().toLowerCase(Locale.ROOT);
        ProductKernel chosen = null;
        String error = null;
        switch (want) {
            case "java":
                chosen = JAVA;
                break;
            case "vector":
                if (vectorModulePresent()) chosen = VectorProduct.create();
                else error = "matmul: -D" + KERNELS + "=vector asks for the SIMD kernel, but the module "
                        + VECTOR_MODULE + " is not loaded; start java with --add-modules " + VECTOR_MODULE
                        + ", or set -D" + KERNELS + "=auto";
                break;
            case "auto":
                // Without hardware fma the vector kernel's fused multiply-adds would be emulated.
                chosen = vectorModulePresent() && DenseKernels.FAST_FMA ? VectorProduct.create() : JAVA;
                break;
            default:
                error = "matmul: -D" + KERNELS + "=" + want + " is not a kernel choice; use auto, java or vector";
        }
        CHOSEN = chosen;
        ERROR = error;
        AUTO = want.equals("auto");
    }

    /**
     * Whether elementwise loops that have a vector form ({@link VectorTanh}) use it: when the
     * matrix product uses the SIMD kernel. Their results have the scalar loops' bits.
     */
    static final boolean VECTOR_LOOPS = CHOSEN != null && CHOSEN.name().equals("vector");

    /** Whether the JVM was started with the vector module (its boot layer holds it). */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The kernel for an m x k by k x n product: the chosen one, except that {@code auto}
     * leaves products too small for the SIMD kernel to the pure-Java one.
     *
     * @throws IllegalStateException when {@code zygote4j.kernels} has a bad value, or asks
     *         for the vector kernel without its module
     */
    static ProductKernel product(int m, int k, int n) {
        if (CHOSEN == null) throw new IllegalStateException(ERROR);
        return AUTO && !CHOSEN.suits(m, k, n) ? JAVA : CHOSEN;
    }

    /** The name of the chosen kernel ("java" or "vector"), the one of large products. */
    static String productName() {
        if (CHOSEN == null) throw new IllegalStateException(ERROR);
        return CHOSEN.name();
    }

    /**
     * The {@code zygote4j.threads} setting (parsed at every call: only products of
     * millions of multiply-adds ask for it).
     *
     * @throws IllegalStateException when it is not a whole number from 1 up
     */
    static int threads() {
        String text = System.getProperty(THREADS);
        if (text == null) return 1;
        int t;
        try {
            t = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            t = 0;
        }
        if (t < 1) {
            throw new IllegalStateException("matmul: -D" + THREADS + "=" + text
                    + " is not a number of threads; use a whole number from 1 up, e.g. -D" + THREADS + "="
                    + Runtime.getRuntime().availableProcessors());
        }
        return t;
    }
}
