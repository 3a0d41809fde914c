package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The matrix product kernels (pure Java with and without fma, SIMD with panels of one and
 * two vectors) against the definition, on shapes that are not multiples of any block;
 * the split over threads (bit-identical results); the settings, including a JVM started
 * without the vector module.
 */
class MatmulKernelsTest {
    static final ProductKernel[] KERNELS = {new DenseKernels.JavaProduct(true), new DenseKernels.JavaProduct(false),
        VectorProduct.withPanelVectors(2), VectorProduct.withPanelVectors(1)};

    /**
     * m, k, n: single elements; sizes below, at and around the vector length and the 4- and
     * 8-row blocks; more than one of the vector kernel's slices of k, blocks of rows, and
     * blocks of columns ({@link VectorProduct#KC}, {@link VectorProduct#MC}, {@link VectorProduct#NC}).
     */
    static final int[][] SHAPES = {{1, 1, 1}, {1, 7, 1}, {3, 5, 7}, {7, 3, 6}, {2, 1, 2}, {8, 16, 16}, {9, 17, 33},
        {17, 1, 25}, {5, 40, 9}, {2, 300, 9}, {33, 64, 17}, {40, 30, 20}, {20, 11, 3}, {16, 5, 24}, {10, 520, 17},
        {270, 3, 5}, {9, 2, 2100}};

    /** Each matrix of a batch stored as given (m x k or k x m when transposed) from the logical entries. */
    static double[] store(double[] logical, int batch, int rows, int cols, boolean transposed) {
        if (!transposed) return logical;
        double[] s = new double[logical.length];
        for (int q = 0; q < batch; q++) {
            int o = q * rows * cols;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) s[o + j * rows + i] = logical[o + i * cols + j];
            }
        }
        return s;
    }

    /** The product by definition, on the logical (untransposed) operands. */
    static double[] naive(int batch, double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[batch * m * n];
        for (int q = 0; q < batch; q++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[q * m * k + i * k + p] * b[q * k * n + p * n + j];
                    c[q * m * n + i * n + j] = s;
                }
            }
        }
        return c;
    }

    static double[] random(Random r, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) x[i] = 2 * r.nextDouble() - 1;
        return x;
    }

    /** Through {@link ParallelProduct}, as {@link DenseKernels#mult} runs a kernel. */
    static double[] product(ProductKernel kernel, int batch, double[] a, boolean ta, double[] b, boolean tb, int m,
            int k, int n, int threads, long minWorkPerThread) {
        double[] c = new double[batch * m * n];
        ParallelProduct.run(kernel, new MatrixProduct(batch, a, ta, b, tb, m, k, n, c), threads, minWorkPerThread);
        return c;
    }

    @Test
    void theTestJvmHasTheVectorModuleSoTheDefaultKernelIsTheSimdOne() {
        assertTrue(KernelSettings.vectorModulePresent(),
                "run the tests with --add-modules jdk.incubator.vector (lib/pom.xml's surefire argLine does)");
        assertEquals("vector", KernelSettings.productName());
        // auto: the SIMD kernel from one block of 8 rows and one vector of columns, and 16³ multiply-adds.
        assertEquals("vector", KernelSettings.product(256, 784, 256).name());
        assertEquals("vector", KernelSettings.product(16, 16, 16).name());
        assertEquals("java", KernelSettings.product(8, 8, 8).name());
        assertEquals("java", KernelSettings.product(4, 1000, 1000).name());
    }

    @Test
    void everyKernelAgreesWithTheDefinitionInEveryTransposeVariantAndBatch() {
        Random r = new Random(11);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            for (int batch : new int[] {1, 3}) {
                double[] a = random(r, batch * m * k), b = random(r, batch * k * n);
                double[] expected = naive(batch, a, b, m, k, n);
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        double[] as = store(a, batch, m, k, ta), bs = store(b, batch, k, n, tb);
                        for (ProductKernel kernel : KERNELS) {
                            String what = kernel.name() + " " + kernelDetail(kernel) + " " + batch + " x " + m + "x" + k
                                    + "x" + n + (ta ? " Aᵀ" : " A") + (tb ? " Bᵀ" : " B");
                            double[] c = product(kernel, batch, as, ta, bs, tb, m, k, n, 1, Long.MAX_VALUE);
                            LinalgTest.assertClose(expected, c, 1e-12, what);
                        }
                    }
                }
            }
        }
    }

    private static int kernelIndex(ProductKernel kernel) {
        for (int i = 0; i < KERNELS.length; i++) if (KERNELS[i] == kernel) return i;
        return -1;
    }

    private static String kernelDetail(ProductKernel kernel) {
        return new String[] {"(fma)", "(no fma)", "(2-vector panels)", "(1-vector panels)"}[kernelIndex(kernel)];
    }

    @Test
    void resultsAreBitForBitTheSameForEveryThreadCount() {
        // Shares that cut through blocks of rows and through the batch (a minimum of one
        // multiply-add per thread makes even small products split).
        Random r = new Random(12);
        int[][] shapes = {{37, 21, 19}, {8, 9, 40}, {3, 50, 5}, {70, 13, 33}, {20, 600, 12}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (int batch : new int[] {1, 4}) {
                double[] a = random(r, batch * m * k), b = random(r, batch * k * n);
                for (boolean ta : new boolean[] {false, true}) {
                    for (ProductKernel kernel : KERNELS) {
                        double[] one = product(kernel, batch, a, ta, b, false, m, k, n, 1, 1);
                        for (int threads = 2; threads <= 5; threads++) {
                            assertArrayEquals(one, product(kernel, batch, a, ta, b, false, m, k, n, threads, 1),
                                    kernel.name() + " " + kernelDetail(kernel) + " " + threads + " threads, " + batch
                                            + " x " + m + "x" + k + "x" + n + (ta ? " Aᵀ B" : " A B"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theVectorKernelGivesTheNumbersOfTheJavaKernelWithFma() {
        // Both compute each element as the chain of fused multiply-adds over k in order
        // (Aᵀ B with a thin result takes another pure-Java loop, without fma).
        Random r = new Random(14);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            double[] a = random(r, 2 * m * k), b = random(r, 2 * k * n);
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    if (ta && !tb && Math.min(m, n) <= 16) continue;
                    double[] java = product(KERNELS[0], 2, a, ta, b, tb, m, k, n, 1, Long.MAX_VALUE);
                    for (ProductKernel vector : new ProductKernel[] {KERNELS[2], KERNELS[3]}) {
                        assertArrayEquals(java, product(vector, 2, a, ta, b, tb, m, k, n, 1, Long.MAX_VALUE),
                                kernelDetail(vector) + " " + m + "x" + k + "x" + n + (ta ? " Aᵀ" : " A")
                                        + (tb ? " Bᵀ" : " B"));
                    }
                }
            }
        }
    }

    @Test
    void aLargeProductRunsOnSeveralThreadsWithTheSameResult() {
        // 160 x 300 x 160: 7.7 million multiply-adds, enough for 2 threads at the real threshold.
        Random r = new Random(13);
        int m = 160, k = 300, n = 160;
        double[] a = random(r, m * k), b = random(r, k * n);
        for (ProductKernel kernel : new ProductKernel[] {KERNELS[0], KERNELS[2]}) {
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            // The first thread to ask for a worker waits (up to 10 s) for a second one: the
            // helper must come and take pieces, where a fast caller might otherwise take them all.
            CountDownLatch two = new CountDownLatch(2);
            ProductKernel watched = new ProductKernel() {
                @Override
                public String name() {
                    return kernel.name();
                }

                @Override
                public int rowBlock() {
                    return kernel.rowBlock();
                }

                @Override
                public boolean suits(int m, int k, int n) {
                    return true;
                }

                @Override
                public Rows rows(MatrixProduct p) {
                    if (used.add(Thread.currentThread())) {
                        two.countDown();
                        try {
                            two.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return kernel.rows(p);
                }
            };
            double[] one = DenseKernels.mult(1, a, false, b, false, m, k, n, kernel, 1);
            double[] twoThreads = DenseKernels.mult(1, a, false, b, false, m, k, n, watched, 2);
            assertEquals(2, used.size(), kernel.name() + ": two threads");
            assertArrayEquals(one, twoThreads, kernel.name() + ": the same numbers on two threads");
            LinalgTest.assertClose(naive(1, a, b, m, k, n), twoThreads, 1e-12, kernel.name() + " on two threads");
        }
    }

    @Test
    void theThreadsSettingIsAWholeNumberFromOne() {
        String before = System.getProperty(KernelSettings.THREADS);
        try {
            System.clearProperty(KernelSettings.THREADS);
            assertEquals(1, KernelSettings.threads(), "default");
            System.setProperty(KernelSettings.THREADS, " 3 ");
            assertEquals(3, KernelSettings.threads());
            for (String bad : new String[] {"0", "-2", "two", ""}) {
                System.setProperty(KernelSettings.THREADS, bad);
                IllegalStateException e = assertThrows(IllegalStateException.class, KernelSettings::threads, bad);
                String start = "matmul: -Dzygote4j.threads=" + bad + " is not a number of threads";
                assertTrue(e.getMessage().startsWith(start), e.getMessage());
            }
        } finally {
            if (before == null) System.clearProperty(KernelSettings.THREADS);
            else System.setProperty(KernelSettings.THREADS, before);
        }
    }

    /** Runs {@link KernelProbe} in a fresh JVM without the vector module, logging every class it loads. */
    static String probe(boolean modulePath, String... properties) throws IOException, InterruptedException {
        String modules = System.getProperty("jdk.module.path"), classes = System.getProperty("java.class.path");
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:stdout"));
        cmd.addAll(List.of(properties));
        if (modulePath) {
            // The library as the module zygote4j, the probe patched into it.
            cmd.addAll(List.of("-p", modules, "--patch-module", "zygote4j=" + testClasses, "-m",
                    "zygote4j/zygote4j.KernelProbe"));
        } else {
            cmd.addAll(List.of("-cp", (modules == null ? "" : modules + java.io.File.pathSeparator) + classes,
                    "zygote4j.KernelProbe"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "the probe JVM failed:\n" + out);
        return out;
    }

    @Test
    void withoutTheVectorModuleThePureJavaKernelRunsAndNoVectorClassIsLoaded() throws Exception {
        for (boolean modulePath : new boolean[] {false, true}) {
            String out = probe(modulePath);
            String how = modulePath ? "on the module path" : "on the class path";
            assertTrue(out.contains("product=[5.0, 11.0, 14.0, 23.0] kernel=java"), how + ":\n" + out);
            assertFalse(out.contains("zygote4j.VectorProduct"), how + ": VectorProduct was loaded:\n" + out);
            assertFalse(out.contains("jdk.incubator.vector"), how + ": a vector API class was loaded:\n" + out);
        }
    }

    @Test
    void askingForTheVectorKernelWithoutItsModuleSaysHowToLoadIt() throws Exception {
        String out = probe(false, "-Dzygote4j.kernels=vector");
        assertTrue(out.contains("error=matmul: -Dzygote4j.kernels=vector asks for the SIMD kernel, but the module "
                + "jdk.incubator.vector is not loaded; start java with --add-modules jdk.incubator.vector, or set "
                + "-Dzygote4j.kernels=auto"), out);
        assertFalse(out.contains("zygote4j.VectorProduct"), out);
        out = probe(false, "-Dzygote4j.kernels=simd");
        assertTrue(out.contains("error=matmul: -Dzygote4j.kernels=simd is not a kernel choice; use auto, java or "
                + "vector"), out);
        out = probe(false, "-Dzygote4j.kernels=java");
        assertTrue(out.contains("kernel=java"), out);
    }
}
