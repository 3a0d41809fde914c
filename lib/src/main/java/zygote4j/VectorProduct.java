package zygote4j;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product with the JDK's vector API (the incubating module
 * {@code jdk.incubator.vector}), in the manner of optimised BLAS. The sum over k goes in
 * slices of at most {@link #KC} terms; for each slice, a block of op(B) is copied into
 * panels of 2V columns (V = the doubles in the machine's widest vector: 8 with AVX-512)
 * and rows of op(A) into blocks of 8, both laid out in the order the micro-kernel reads
 * them. The micro-kernel keeps an 8 x 2V block of C in registers for a whole slice, its
 * 8-row block of A (16 KB) staying in the L1 cache while it meets every panel. About
 * 45 GFLOP/s on one Zen 4 core at 256x784x256, against about 13 for the pure-Java kernel.
 *
 * <p>Every element of C is the chain of fused multiply-adds over p in order, whatever the
 * blocking (a slice starts from the sum the previous one stored), so the result does not
 * depend on the split over threads, and equals the pure-Java kernel's with fma.
 *
 * <p>Only {@link KernelSettings} creates it, after checking that the module is loaded:
 * this class must not be loaded on a JVM without it.
 */
final class VectorProduct implements ProductKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    /** Rows of a block of A, and of the micro-kernel's block of C. */
    static final int MR = 8;
    /**
     * The deepest slice of k. Slices are as even as possible (784 = 4 x 196), so none is
     * so shallow that loading and storing C would dominate it; 128 to 384 measured alike.
     */
    static final int KC = 256;
    /** Rows of op(A) copied at a time: the copy has at most MC x KC doubles (512 KB). */
    static final int MC = 256;
    /** Columns of op(B) copied at a time: at most KC x NC doubles (4 MB). */
    static final int NC = 2048;
    /**
     * Products at most this deep read A in place instead of copying it
     * ({@code Worker.multiplyDirect}).
     */
    static final int DIRECT_DEPTH = 32;

    /** Vectors per panel of B: 2, or 1 where 16 accumulators would not fit the registers. */
    private final int panelVectors;

    private VectorProduct(int panelVectors) {
        this.panelVectors = panelVectors;
    }

    /**
     * The kernel for this machine: panels of two vectors where vectors have 512 bits (AVX-512
     * has 32 registers), of one vector otherwise (AVX2 has 16: 8 accumulators, the B vector
     * and the broadcast value fit).
     */
    static ProductKernel create() {
        return new VectorProduct(S.vectorBitSize() >= 512 ? 2 : 1);
    }

    /** The kernel with panels of one or two vectors, whatever the machine (tests run both). */
    static ProductKernel withPanelVectors(int panelVectors) {
        if (panelVectors != 1 && panelVectors != 2) throw new IllegalArgumentException("panelVectors: 1 or 2");
        return new VectorProduct(panelVectors);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int rowBlock() {
        return MR;
    }

    /**
     * At least one block of rows and one vector of columns, and 16³ multiply-adds: below
     * that, padding and copying cost more than the vectors gain (on Zen 4, 8x8x8 and
     * 66x12x4 ran at half the pure-Java kernel's speed, 16x16x16 a little faster).
     */
    @Override
    public boolean suits(int m, int k, int n) {
        return m >= MR && n >= V && (long) m * k * n >= 4096;
    }

    @Override
    public Rows rows(MatrixProduct p) {
        return new Worker(p, panelVectors * V);
    }

    /** One thread's computation, with its own copies of blocks of A and B. */
    private static final class Worker implements Rows {
        private final MatrixProduct p;
        private final int m, k, n, nr, kc;
        /** A slice of op(B) in panels: the panel at column j0 + j starts at j * depth. */
        private final double[] packedB;
        /** Rows of op(A) in blocks of MR: element (r, s) of block t at (t * depth + s) * MR + r. */
        private final double[] packedA;
        /** A block of C at an edge, where the kernel writes whole vectors. */
        private final double[] edge;

        Worker(MatrixProduct p, int nr) {
            this.p = p;
            m = p.m();
            k = p.k();
            n = p.n();
            this.nr = nr;
            int slices = (k + KC - 1) / KC;
            kc = (k + slices - 1) / slices;
            packedB = new double[kc * roundUp(Math.min(n, NC), V)];
            packedA = new double[kc * Math.min(roundUp(m, MR), MC)];
            edge = new double[MR * nr];
        }

        @Override
        public void compute(int q, int i0, int i1) {
            for (int j0 = 0; j0 < n; j0 += NC) {
                int j1 = Math.min(n, j0 + NC);
                for (int p0 = 0; p0 < k; p0 += kc) {
                    int depth = Math.min(kc, k - p0);
                    packB(q, p0, depth, j0, j1);
                    if (k <= DIRECT_DEPTH) {
                        multiplyDirect(q, depth, i0, i1, j0, j1);
                        continue;
                    }
                    for (int r0 = i0; r0 < i1; r0 += MC) {
                        int r1 = Math.min(i1, r0 + MC);
                        packA(q, p0, depth, r0, r1);
                        multiplyBlock(p.cOffset(q), depth, p0 > 0, r0, r1, j0, j1);
                    }
                }
            }
        }

        /**
         * Rows r0 to r1, columns j0 to j1 of C for a shallow product (k ≤ {@link #DIRECT_DEPTH},
         * one slice): whole blocks of rows read A where it is stored, since copying a few
         * numbers per row cost as much as multiplying them (W4's 1000 x 10 by 10 x 10
         * products); a last partial block is copied as usual.
         */
        private void multiplyDirect(int q, int depth, int r0, int r1, int j0, int j1) {
            double[] c = p.c(), a = p.a();
            int co = p.cOffset(q), aOff = p.aOffset(q);
            int rs = p.ta() ? 1 : k, ps = p.ta() ? m : 1;
            for (int i = r0; i < r1; i += MR) {
                int rows = Math.min(MR, r1 - i);
                if (rows < MR) {
                    packA(q, 0, depth, i, r1);
                    multiplyBlock(co, depth, false, i, r1, j0, j1);
                    continue;
                }
                int ao = aOff + i * rs;
                for (int j = j0; j < j1; j += nr) {
                    int w = Math.min(nr, j1 - j), pw = roundUp(w, V), bo = (j - j0) * depth;
                    if (w == pw) {
                        strided(pw, a, ao, rs, ps, bo, depth, c, co + i * n + j, n);
                        continue;
                    }
                    strided(pw, a, ao, rs, ps, bo, depth, edge, 0, pw);
                    for (int r = 0; r < MR; r++) System.arraycopy(edge, r * pw, c, co + (i + r) * n + j, w);
                }
            }
        }

        private void strided(int pw, double[] a, int ao, int rs, int ps, int bo, int depth, double[] out, int oo,
                int ldo) {
            if (pw == 2 * V) twoVectorsStrided(a, ao, rs, ps, packedB, bo, depth, out, oo, ldo);
            else oneVectorStrided(a, ao, rs, ps, packedB, bo, depth, out, oo, ldo);
        }

        /** Rows r0 to r1, columns j0 to j1 of C: one slice of k (this deep), added to what they hold or not. */
        private void multiplyBlock(int co, int depth, boolean accumulate, int r0, int r1, int j0, int j1) {
            double[] c = p.c();
            for (int i = r0; i < r1; i += MR) {
                int rows = Math.min(MR, r1 - i), ao = (i - r0) * depth;
                for (int j = j0; j < j1; j += nr) {
                    int w = Math.min(nr, j1 - j), pw = roundUp(w, V), bo = (j - j0) * depth;
                    if (rows == MR && w == pw) {
                        kernel(pw, bo, ao, depth, c, co + i * n + j, n, accumulate);
                        continue;
                    }
                    // An edge: the kernel works on a whole block in the side buffer.
                    Arrays.fill(edge, 0);
                    if (accumulate) {
                        for (int r = 0; r < rows; r++) System.arraycopy(c, co + (i + r) * n + j, edge, r * pw, w);
                    }
                    kernel(pw, bo, ao, depth, edge, 0, pw, accumulate);
                    for (int r = 0; r < rows; r++) System.arraycopy(edge, r * pw, c, co + (i + r) * n + j, w);
                }
            }
        }

        private void kernel(int pw, int bo, int ao, int depth, double[] out, int oo, int ldo, boolean accumulate) {
            if (pw == 2 * V) twoVectors(packedA, ao, packedB, bo, depth, out, oo, ldo, accumulate);
            else oneVector(packedA, ao, packedB, bo, depth, out, oo, ldo, accumulate);
        }

        /** Rows p0 to p0 + depth, columns j0 to j1 of op(B) of product q, in panels (the last zero-padded). */
        private void packB(int q, int p0, int depth, int j0, int j1) {
            double[] b = p.b();
            int bo = p.bOffset(q);
            for (int j = j0; j < j1; j += nr) {
                int w = Math.min(nr, j1 - j), pw = roundUp(w, V), base = (j - j0) * depth;
                if (p.tb()) {
                    // B stored n x k: column j + jj of op(B) is row j + jj of the array.
                    for (int jj = 0; jj < w; jj++) {
                        int src = bo + (j + jj) * k + p0;
                        for (int s = 0; s < depth; s++) packedB[base + s * pw + jj] = b[src + s];
                    }
                } else if (w == pw) {
                    for (int s = 0; s < depth; s++) {
                        int src = bo + (p0 + s) * n + j, dst = base + s * pw;
                        for (int v = 0; v < pw; v += V) {
                            DoubleVector.fromArray(S, b, src + v).intoArray(packedB, dst + v);
                        }
                    }
                } else {
                    for (int s = 0; s < depth; s++) {
                        System.arraycopy(b, bo + (p0 + s) * n + j, packedB, base + s * pw, w);
                    }
                }
                // The padding's results are dropped; zeros keep it from computing on stale numbers.
                for (int s = 0; s < depth && w < pw; s++) {
                    Arrays.fill(packedB, base + s * pw + w, base + (s + 1) * pw, 0);
                }
            }
        }

        /**
         * Rows r0 to r1, columns p0 to p0 + depth of op(A) of product q, in blocks of MR rows
         * (the last one zero-padded).
         */
        private void packA(int q, int p0, int depth, int r0, int r1) {
            double[] a = p.a();
            int ao = p.aOffset(q);
            for (int i = r0; i < r1; i += MR) {
                int rows = Math.min(MR, r1 - i), base = (i - r0) * depth;
                if (p.ta() && rows == MR && MR % V == 0) {
                    // A stored k x m: the rows of the block are adjacent in each row of the array.
                    for (int s = 0; s < depth; s++) {
                        int src = ao + (p0 + s) * m + i, dst = base + s * MR;
                        for (int v = 0; v < MR; v += V) {
                            DoubleVector.fromArray(S, a, src + v).intoArray(packedA, dst + v);
                        }
                    }
                } else if (p.ta()) {
                    for (int s = 0; s < depth; s++) {
                        int src = ao + (p0 + s) * m + i, dst = base + s * MR;
                        for (int r = 0; r < rows; r++) packedA[dst + r] = a[src + r];
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        int src = ao + (i + r) * k + p0;
                        for (int s = 0; s < depth; s++) packedA[base + s * MR + r] = a[src + s];
                    }
                }
                for (int r = rows; r < MR; r++) {
                    for (int s = 0; s < depth; s++) packedA[base + s * MR + r] = 0;
                }
            }
        }
    }

    private static int roundUp(int x, int step) {
        return (x + step - 1) / step * step;
    }

    /**
     * The micro-kernel: an 8 x 2V block of C in 16 vector accumulators, which start at zero
     * or, when {@code accumulate}, at the block's values in C (the sum of the earlier
     * slices of k). Each step loads two vectors of the B panel, broadcasts eight numbers of
     * the A block and does sixteen fused multiply-adds, so every element of C is the chain
     * fma(a, b, sum) over p = 0, 1, ..., k-1 in order: the same numbers as the pure-Java
     * kernel and as the naive loop with Math.fma. Accumulators, B vectors and the broadcast
     * value take 19 of AVX-512's 32 registers.
     */
    private static void twoVectors(double[] ap, int ao, double[] bp, int bo, int k, double[] c, int co, int ldc,
            boolean accumulate) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            int o = co;
            c00 = DoubleVector.fromArray(S, c, o); c01 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c10 = DoubleVector.fromArray(S, c, o); c11 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c20 = DoubleVector.fromArray(S, c, o); c21 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c30 = DoubleVector.fromArray(S, c, o); c31 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c40 = DoubleVector.fromArray(S, c, o); c41 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c50 = DoubleVector.fromArray(S, c, o); c51 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c60 = DoubleVector.fromArray(S, c, o); c61 = DoubleVector.fromArray(S, c, o + V); o += ldc;
            c70 = DoubleVector.fromArray(S, c, o); c71 = DoubleVector.fromArray(S, c, o + V);
        } else {
            c00 = DoubleVector.zero(S);
            c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00; c40 = c00;
            c41 = c00; c50 = c00; c51 = c00; c60 = c00; c61 = c00; c70 = c00; c71 = c00;
        }
        for (int p = 0; p < k; p++, ao += MR, bo += 2 * V) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + V);
            DoubleVector x;
            x = DoubleVector.broadcast(S, ap[ao]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[ao + 1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[ao + 2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[ao + 3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, ap[ao + 4]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, ap[ao + 5]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, ap[ao + 6]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, ap[ao + 7]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + V); co += ldc;
        c10.intoArray(c, co); c11.intoArray(c, co + V); co += ldc;
        c20.intoArray(c, co); c21.intoArray(c, co + V); co += ldc;
        c30.intoArray(c, co); c31.intoArray(c, co + V); co += ldc;
        c40.intoArray(c, co); c41.intoArray(c, co + V); co += ldc;
        c50.intoArray(c, co); c51.intoArray(c, co + V); co += ldc;
        c60.intoArray(c, co); c61.intoArray(c, co + V); co += ldc;
        c70.intoArray(c, co); c71.intoArray(c, co + V);
    }

    /** {@link #twoVectors} for a block of 8 x V, where the panel has one vector. */
    private static void oneVector(double[] ap, int ao, double[] bp, int bo, int k, double[] c, int co, int ldc,
            boolean accumulate) {
        DoubleVector c00, c10, c20, c30, c40, c50, c60, c70;
        if (accumulate) {
            int o = co;
            c00 = DoubleVector.fromArray(S, c, o); o += ldc;
            c10 = DoubleVector.fromArray(S, c, o); o += ldc;
            c20 = DoubleVector.fromArray(S, c, o); o += ldc;
            c30 = DoubleVector.fromArray(S, c, o); o += ldc;
            c40 = DoubleVector.fromArray(S, c, o); o += ldc;
            c50 = DoubleVector.fromArray(S, c, o); o += ldc;
            c60 = DoubleVector.fromArray(S, c, o); o += ldc;
            c70 = DoubleVector.fromArray(S, c, o);
        } else {
            c00 = DoubleVector.zero(S);
            c10 = c00; c20 = c00; c30 = c00; c40 = c00; c50 = c00; c60 = c00; c70 = c00;
        }
        for (int p = 0; p < k; p++, ao += MR, bo += V) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector x;
            x = DoubleVector.broadcast(S, ap[ao]); c00 = x.fma(b0, c00);
            x = DoubleVector.broadcast(S, ap[ao + 1]); c10 = x.fma(b0, c10);
            x = DoubleVector.broadcast(S, ap[ao + 2]); c20 = x.fma(b0, c20);
            x = DoubleVector.broadcast(S, ap[ao + 3]); c30 = x.fma(b0, c30);
            x = DoubleVector.broadcast(S, ap[ao + 4]); c40 = x.fma(b0, c40);
            x = DoubleVector.broadcast(S, ap[ao + 5]); c50 = x.fma(b0, c50);
            x = DoubleVector.broadcast(S, ap[ao + 6]); c60 = x.fma(b0, c60);
            x = DoubleVector.broadcast(S, ap[ao + 7]); c70 = x.fma(b0, c70);
        }
        c00.intoArray(c, co); co += ldc;
        c10.intoArray(c, co); co += ldc;
        c20.intoArray(c, co); co += ldc;
        c30.intoArray(c, co); co += ldc;
        c40.intoArray(c, co); co += ldc;
        c50.intoArray(c, co); co += ldc;
        c60.intoArray(c, co); co += ldc;
        c70.intoArray(c, co);
    }

    /**
     * {@link #twoVectors} reading A where it is stored: element (r, p) of the block at
     * ao + r·rs + p·ps, starting from zero. A copy rather than strides in {@link #twoVectors}
     * itself: with strides the packed path's best 1024³ product fell from 78–83 to 72–75
     * GFLOP/s (three alternating runs of {@code ./zygote4j bench matmul}).
     */
    private static void twoVectorsStrided(double[] ap, int ao, int rs, int ps, double[] bp, int bo, int k, double[] c, int co,
            int ldc) {
        int r1 = rs, r2 = 2 * rs, r3 = 3 * rs, r4 = 4 * rs, r5 = 5 * rs, r6 = 6 * rs, r7 = 7 * rs;
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        c00 = DoubleVector.zero(S);
        c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00; c40 = c00;
        c41 = c00; c50 = c00; c51 = c00; c60 = c00; c61 = c00; c70 = c00; c71 = c00;
        for (int p = 0; p < k; p++, ao += ps, bo += 2 * V) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + V);
            DoubleVector x;
            x = DoubleVector.broadcast(S, ap[ao]); c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, ap[ao + r1]); c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, ap[ao + r2]); c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, ap[ao + r3]); c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, ap[ao + r4]); c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, ap[ao + r5]); c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, ap[ao + r6]); c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, ap[ao + r7]); c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + V); co += ldc;
        c10.intoArray(c, co); c11.intoArray(c, co + V); co += ldc;
        c20.intoArray(c, co); c21.intoArray(c, co + V); co += ldc;
        c30.intoArray(c, co); c31.intoArray(c, co + V); co += ldc;
        c40.intoArray(c, co); c41.intoArray(c, co + V); co += ldc;
        c50.intoArray(c, co); c51.intoArray(c, co + V); co += ldc;
        c60.intoArray(c, co); c61.intoArray(c, co + V); co += ldc;
        c70.intoArray(c, co); c71.intoArray(c, co + V);
    }

    /** {@link #oneVector} reading A where it is stored, as {@link #twoVectorsStrided}. */
    private static void oneVectorStrided(double[] ap, int ao, int rs, int ps, double[] bp, int bo, int k, double[] c, int co,
            int ldc) {
        int r1 = rs, r2 = 2 * rs, r3 = 3 * rs, r4 = 4 * rs, r5 = 5 * rs, r6 = 6 * rs, r7 = 7 * rs;
        DoubleVector c00, c10, c20, c30, c40, c50, c60, c70;
        c00 = DoubleVector.zero(S);
        c10 = c00; c20 = c00; c30 = c00; c40 = c00; c50 = c00; c60 = c00; c70 = c00;
        for (int p = 0; p < k; p++, ao += ps, bo += V) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector x;
            x = DoubleVector.broadcast(S, ap[ao]); c00 = x.fma(b0, c00);
            x = DoubleVector.broadcast(S, ap[ao + r1]); c10 = x.fma(b0, c10);
            x = DoubleVector.broadcast(S, ap[ao + r2]); c20 = x.fma(b0, c20);
            x = DoubleVector.broadcast(S, ap[ao + r3]); c30 = x.fma(b0, c30);
            x = DoubleVector.broadcast(S, ap[ao + r4]); c40 = x.fma(b0, c40);
            x = DoubleVector.broadcast(S, ap[ao + r5]); c50 = x.fma(b0, c50);
            x = DoubleVector.broadcast(S, ap[ao + r6]); c60 = x.fma(b0, c60);
            x = DoubleVector.broadcast(S, ap[ao + r7]); c70 = x.fma(b0, c70);
        }
        c00.intoArray(c, co); co += ldc;
        c10.intoArray(c, co); co += ldc;
        c20.intoArray(c, co); co += ldc;
        c30.intoArray(c, co); co += ldc;
        c40.intoArray(c, co); co += ldc;
        c50.intoArray(c, co); co += ldc;
        c60.intoArray(c, co); co += ldc;
        c70.intoArray(c, co);
    }
}
