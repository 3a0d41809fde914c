package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** hessian (forward-over-reverse), hessianReverse (reverse-over-reverse) and diaghessian. */
class HessianTest {
    /** Test functions of a vector, mixing element reads and whole-tensor operations. */
    static final List<Function<Tensor, Real>> FUNCTIONS = List.of(
            x -> x.sin().times(x.exp()).sum(),
            x -> x.get(0).times(x.get(1)).times(x.get(2)).plus(x.square().sum().square()),
            x -> x.times(x.get(1)).tanh().sum().plus(x.get(0).div(x.get(2).plus(3))),
            W5::value);

    /** H[i][j] by central differences of the reverse gradient. */
    static double[][] fdHessian(Function<Tensor, Real> f, Tensor x) {
        int n = x.length();
        double[] base = x.toDoubleArray();
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            final int col = j;
            for (int i = 0; i < n; i++) {
                final int row = i;
                h[i][j] = Check.fd(t -> {
                    double[] d = base.clone();
                    d[col] = t;
                    return Check.tgrad0(f::apply, Check.plainOf(d, x.shape)).data[row];
                }, base[j]);
            }
        }
        return h;
    }

    @Test
    void forwardOverReverseMatchesFiniteDifferences() {
        Prop.forAll("hessian vs fd", 4, r -> {
            Tensor x = Prop.tensor(r, -1, 1, 4);
            for (int k = 0; k < FUNCTIONS.size(); k++) {
                Function<Tensor, Real> f = FUNCTIONS.get(k);
                double[][] fd = fdHessian(f, x);
                Tensor h = hessian(f::apply, x);
                assertArrayEquals(new int[] {4, 4}, h.shape());
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) Check.close(fd[i][j], h.get(i, j).value(), 1e-6, "f" + k + " H[" + i + "," + j + "]");
                }
            }
        });
    }

    @Test
    void reverseOverReverseAgreesWithForwardOverReverse() {
        Prop.forAll("hessianReverse", 4, r -> {
            Tensor x = Prop.tensor(r, -1, 1, 5);
            for (Function<Tensor, Real> f : FUNCTIONS) {
                double[] a = hessian(f::apply, x).toDoubleArray(), b = hessianReverse(f::apply, x).toDoubleArray();
                for (int i = 0; i < a.length; i++) Check.close(a[i], b[i], 1e-12, "entry " + i);
            }
        });
    }

    @Test
    void everyChunkSizeGivesTheSameHessian() {
        Tensor x = Tensor.of(0.3, -0.7, 1.1, 0.2, -0.4);
        Fn1<Tensor> f = FUNCTIONS.get(1)::apply;
        double[] expected = hessian(f, x).toDoubleArray();
        for (int chunk : new int[] {1, 2, 3, 5, 7, 100}) {
            double[] h = hessian(f, x, chunk).toDoubleArray();
            for (int i = 0; i < h.length; i++) Check.close(expected[i], h[i], 1e-13, "chunk " + chunk + " entry " + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hessian(f, x, 0));
        assertTrue(e.getMessage().contains("chunk"), e.getMessage());
    }

    @Test
    void matrixArgumentIsFlattenedRowMajor() {
        Tensor m = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        // f = m00 * m11 + m01^2: H[0][3] = H[3][0] = 1, H[1][1] = 2.
        Tensor h = hessian(x -> x.get(0, 0).times(x.get(1, 1)).plus(x.get(0, 1).square()), m);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, h.toDoubleArray());
        assertEquals(h, hessianReverse(x -> x.get(0, 0).times(x.get(1, 1)).plus(x.get(0, 1).square()), m));
    }

    @Test
    void scalarSecondDerivatives() {
        assertEquals(12.0, hessian(x -> x.pow(3), 2), 1e-12);
        assertEquals(12.0, hessianReverse(x -> x.pow(3), 2), 1e-12);
        assertEquals(-Math.sin(0.7), hessian(x -> x.sin(), 0.7), 1e-15);
        assertEquals(-Math.sin(0.7), hessianReverse(x -> x.sin(), 0.7), 1e-15);
        assertEquals(12.0, hessian(x -> x.pow(3), Real.of(2)).value(), 1e-12);
        // (exp(sin x))'' = exp(sin x) (cos^2 x - sin x)
        double x0 = 0.4, closed = Math.exp(Math.sin(x0)) * (Math.cos(x0) * Math.cos(x0) - Math.sin(x0));
        assertEquals(closed, hessian(x -> x.sin().exp(), x0), 1e-14);
        assertEquals(closed, hessianReverse(x -> x.sin().exp(), x0), 1e-14);
    }

    @Test
    void constantAndLinearFunctionsHaveZeroHessians() {
        assertArrayEquals(new double[4], hessian(x -> Real.of(5), Tensor.of(1, 2)).toDoubleArray());
        assertArrayEquals(new double[4], hessian(x -> x.times(3).sum(), Tensor.of(1, 2)).toDoubleArray());
        assertArrayEquals(new double[4], hessianReverse(x -> x.times(3).sum(), Tensor.of(1, 2)).toDoubleArray());
        assertEquals(0.0, hessian(x -> x.times(3), 1), 0);
        assertEquals(0.0, hessianReverse(x -> Real.of(1), 1), 0);
    }

    @Test
    void nonScalarFunctionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hessian(x -> x.times(2), Tensor.of(1, 2)));
        assertTrue(e.getMessage().startsWith("hessian: the function must return a scalar"), e.getMessage());
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("jacobian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> hessianReverse(x -> x.times(2), Tensor.of(1, 2)));
        assertTrue(e.getMessage().startsWith("hessianReverse: the function must return a scalar"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> diaghessian(x -> x.times(2), Tensor.of(1, 2)));
        assertTrue(e.getMessage().startsWith("diaghessian: the function must return a scalar"), e.getMessage());
    }

    @Test
    void hessianIsDifferentiableAgain() {
        // d/dx f''(x) for f = x^4 is 24x.
        assertEquals("(48.0,)", gradient(x -> hessian(y -> y.pow(4), x), 2).toString());
        assertEquals("(48.0,)", gradient(x -> hessianReverse(y -> y.pow(4), x), 2).toString());
        // Third derivatives of a vector function: the gradient of sum(H) against differences.
        Function<Tensor, Real> f = FUNCTIONS.get(0);
        Tensor x = Tensor.of(0.2, -0.5, 0.9);
        Function<Tensor, Real> sumH = y -> hessian(f::apply, y).sum();
        double[] fd = Check.fdGradient(sumH, x);
        Tensor g = gradient(sumH::apply, x).tensor(0);
        for (int i = 0; i < 3; i++) Check.close(fd[i], g.get(i).value(), 1e-6, "d sum(H) / dx" + i);
        Tensor gr = gradient((Tensor y) -> hessianReverse(f::apply, y).sum(), x).tensor(0);
        for (int i = 0; i < 3; i++) Check.close(fd[i], gr.get(i).value(), 1e-6, "reverse: d sum(H) / dx" + i);
    }

    @Test
    void w5ReferenceValues() {
        // bench/WORKLOADS.md W5, n = 100: an independent implementation's figures.
        Tensor x = W5.data(100);
        assertEquals(11.32787812117396, W5.value(x).value(), 1e-9 * 11.33);
        Tensor h = hessian(W5::value, x);
        double sum = 0;
        for (double d : h.toDoubleArray()) sum += d;
        assertEquals(289.846884617642, sum, 1e-9 * 290);
        assertEquals(1.7930785251842927, h.get(0, 0).value(), 1e-12);
        assertEquals(0.685514812435049, h.get(0, 1).value(), 1e-12);
        assertEquals(-0.01711430116164356, h.get(0, 2).value(), 1e-12);
    }

    @Test
    void diaghessianOfSeveralArguments() {
        assertEquals("(6.0, 0.0)", diaghessian((a, b) -> a.square().times(b), 2, 3).toString());
        assertEquals("([6.0, 12.0],)", diaghessian(x -> x.pow(3).sum(), Tensor.of(1, 2)).toString());
        assertEquals("(12.0, 0.0, 0.0, 0.0, 0.0)", diaghessian(xs -> ((Real) xs[0]).pow(3).times((Real) xs[4]), 2, 0, 0, 0, 1).toString());
        assertEquals("(2.0, 0.0, 0.0, 24.0)", diaghessian((a, b, c, d) -> a.square().plus(d.pow(3)), 1, 2, 3, 4).toString());
        Prop.forAll("diaghessian", 3, r -> {
            Tensor m = Prop.tensor(r, -1, 1, 2, 3);
            Tensor v = Prop.tensor(r, -1, 1, 3);
            double s = Prop.uniform(r, -1, 1);
            Fn3<Tensor, Tensor, Real> f = (a, b, c) -> a.times(b).sin().sum().times(c.exp()).plus(b.pow(3).sum().times(c));
            Grads d = diaghessian(f, m, v, Real.of(s));
            // The full Hessian over all 10 elements, by packing the arguments into one vector.
            Function<Tensor, Real> packed = p -> {
                Real[] e = new Real[10];
                for (int i = 0; i < 10; i++) e[i] = p.get(i);
                Tensor a = Tensor.of(java.util.Arrays.copyOfRange(e, 0, 6)).reshape(2, 3);
                Tensor b = Tensor.of(java.util.Arrays.copyOfRange(e, 6, 9));
                return (Real) f.apply(a, b, e[9]);
            };
            double[] all = new double[10];
            System.arraycopy(m.toDoubleArray(), 0, all, 0, 6);
            System.arraycopy(v.toDoubleArray(), 0, all, 6, 3);
            all[9] = s;
            double[][] fd = fdHessian(packed, Tensor.of(all));
            assertArrayEquals(new int[] {2, 3}, d.tensor(0).shape());
            for (int i = 0; i < 6; i++) Check.close(fd[i][i], d.tensor(0).toDoubleArray()[i], 1e-6, "matrix diag " + i);
            for (int i = 0; i < 3; i++) Check.close(fd[6 + i][6 + i], d.tensor(1).get(i).value(), 1e-6, "vector diag " + i);
            Check.close(fd[9][9], d.real(2).value(), 1e-6, "scalar diag");
        });
    }

    @Test
    void diaghessianRejectsOtherArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> diaghessian(l -> Real.ONE, List.of(Real.of(1))));
        assertTrue(e.getMessage().startsWith("diaghessian: argument 0 is"), e.getMessage());
    }

    /** WORKLOADS.md's W5 and its data generator. */
    static final class W5 {
        static Tensor data(int n) {
            long[] state = {42};
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                state[0] += 0x9E3779B97F4A7C15L;
                long z = state[0];
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z = z ^ (z >>> 31);
                d[i] = ((z >>> 11) * 0x1.0p-53) * 2 - 1;
            }
            return Tensor.of(d);
        }

        /** sum_i tanh(x_i x_{(i+1) mod n}) + (sum_i x_i^2)^2 / n. */
        static Real value(Tensor x) {
            int n = x.length();
            Real s = Real.of(0), q = Real.of(0);
            for (int i = 0; i < n; i++) {
                Real xi = x.get(i);
                s = s.plus(xi.times(x.get((i + 1) % n)).tanh());
                q = q.plus(xi.square());
            }
            return s.plus(q.square().div(n));
        }
    }
}
