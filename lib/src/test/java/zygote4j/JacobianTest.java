package zygote4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zygote4j.Zygote.*;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code jacobian} and {@code withjacobian}: closed forms, finite differences, every overload, nesting. */
class JacobianTest {
    private static final Tensor A = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    /** A x for a matrix A and vector x, written with element reads. */
    static Tensor matvec(Tensor a, Tensor x) {
        int m = a.shape()[0], n = a.shape()[1];
        Real[] out = new Real[m];
        for (int i = 0; i < m; i++) {
            Real s = Real.ZERO;
            for (int j = 0; j < n; j++) s = s.plus(a.get(i, j).times(x.get(j)));
            out[i] = s;
        }
        return Tensor.of(out);
    }

    @Test
    void theJacobianOfALinearMapIsItsMatrix() {
        Grads j = jacobian(x -> matvec(A, x), Tensor.of(0.5, -1, 2));
        assertEquals(A, j.tensor(0));
        assertArrayEquals(new int[] {2, 3}, j.tensor(0).shape());
        // and with respect to the matrix: d(Ax)_i / dA_kl = delta_ik x_l, flattened row-major
        Grads ja = jacobian(a -> matvec(a, Tensor.of(7, 8, 9)), A);
        assertEquals(Tensor.of(new double[][] {{7, 8, 9, 0, 0, 0}, {0, 0, 0, 7, 8, 9}}), ja.tensor(0));
    }

    @Test
    void elementwiseSineHasADiagonalJacobian() {
        Tensor x = Tensor.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}});
        Tensor j = jacobian(Tensor::sin, x).tensor(0);
        assertArrayEquals(new int[] {4, 4}, j.shape());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(r == c ? Math.cos(x.toDoubleArray()[r]) : 0.0, j.get(r, c).value(), 1e-15);
            }
        }
    }

    @Test
    void scalarArgumentsAndScalarOutputs() {
        // a number argument: a vector with one entry per output element
        assertEquals("([3.0, 1.0], [2.0, 0.0])", jacobian((a, b) -> Tensor.of(a.times(b), a), 2, 3).toString());
        // a scalar output: one row
        assertEquals("([[2.0, 4.0]],)", jacobian(x -> x.times(x).sum(), Tensor.of(1, 2)).toString());
        assertEquals("([6.0],)", jacobian(x -> x.square(), 3).toString());
        // no dependence: null (Zygote's nothing)
        assertEquals("(nothing, [[1.0, 0.0],\n           [0.0, 1.0]])", jacobian((a, b) -> b.times(1), 2.0, Tensor.of(1, 2)).toString());
        // partial dependence: zero rows where an output does not depend on the argument
        assertEquals("([0.0, 1.0],)", jacobian(a -> Tensor.concat(0, Tensor.of(5), Tensor.scalar(a).reshape(1)), 2).toString());
        // the output may be a 0-d tensor or a matrix (rows follow its row-major order)
        assertEquals("([[1.0, 1.0]],)", jacobian(x -> Tensor.scalar(x.sum()), Tensor.of(1, 2)).toString());
        Tensor jm = jacobian(x -> x.reshape(2, 1).times(Tensor.of(1, 10)), Tensor.of(1, 2)).tensor(0);
        assertEquals(Tensor.of(new double[][] {{1, 0}, {10, 0}, {0, 1}, {0, 10}}), jm);
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        Prop.forAll("jacobian", 5, r -> {
            int n = 1 + r.nextInt(4);
            Tensor x = Prop.tensor(r, -1, 1, n);
            Tensor w = Prop.tensor(r, -1, 1, 3, n);
            Function<Tensor, Tensor> f = t -> t.sin().times(w).softmax(1).cumsum(0).reshape(-1).times(t.sum());
            Tensor j = jacobian(f::apply, x).tensor(0);
            int m = f.apply(x).length();
            assertArrayEquals(new int[] {m, n}, j.shape());
            for (int c = 0; c < n; c++) {
                final int col = c;
                for (int row = 0; row < m; row++) {
                    final int rr = row;
                    double fd = Check.fd(t -> {
                        double[] d = x.toDoubleArray();
                        d[col] = t;
                        return f.apply(Tensor.of(d)).toDoubleArray()[rr];
                    }, x.toDoubleArray()[col]);
                    Check.close(fd, j.get(row, c).value(), 1e-7, "J[" + row + ", " + c + "]");
                }
            }
        });
    }

    @Test
    void everyOverloadWorks() {
        Real r1 = Real.of(2);
        Tensor t = Tensor.of(1, 2);
        assertEquals("([[2.0, 0.0],\n  [0.0, 2.0]],)", jacobian(x -> x.times(2), t).toString());
        assertEquals("([4.0],)", jacobian(x -> x.square(), r1).toString());
        assertEquals("([4.0],)", jacobian(x -> x.square(), 2.0).toString());
        assertEquals("([3.0], [2.0])", jacobian((a, b) -> a.times(b), 2, 3).toString());
        assertEquals("([3.0], [[2.0, 2.0]])", jacobian((Real a, Tensor b) -> b.sum().times(a), 2.0, Tensor.of(1, 2)).toString());
        assertEquals("([[3.0, 3.0]], [3.0])", jacobian((Tensor a, Real b) -> a.sum().times(b), Tensor.of(1, 2), 3.0).toString());
        assertEquals("([3.0], [2.0])", jacobian((Real a, Real b) -> a.times(b), Real.of(2), Real.of(3)).toString());
        assertEquals("([12.0], [8.0], [6.0])", jacobian((a, b, c) -> a.times(b).times(c), 2, 3, 4).toString());
        assertEquals("([12.0], [8.0], [6.0])",
                jacobian((Real a, Real b, Real c) -> a.times(b).times(c), Real.of(2), Real.of(3), Real.of(4)).toString());
        assertEquals("([1.0], [1.0], [1.0], [1.0])", jacobian((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4).toString());
        assertEquals("([1.0], [1.0], [1.0], [[1.0, 1.0]])", jacobian((Real a, Real b, Real c, Tensor d) -> a.plus(b).plus(c)
                .plus(d.sum()), Real.of(1), Real.of(2), Real.of(3), Tensor.of(4, 5)).toString());
        assertEquals("([[3.0, 0.0],\n  [0.0, 3.0]], [1.0, 2.0])",
                jacobian(xs -> ((Tensor) xs[0]).times((Real) xs[1]), Tensor.of(1, 2), Real.of(3)).toString());
        WithGradient w = withjacobian(x -> x.times(x), Tensor.of(1, 2));
        assertEquals("[1.0, 4.0]", w.val().toString());
        assertEquals("([[2.0, 0.0],\n  [0.0, 4.0]],)", w.grad().toString());
        assertEquals("(val = 9.0, grad = ([6.0],))", withjacobian(x -> x.square(), 3).toString());
        assertEquals("([3.0], [2.0])", withjacobian((a, b) -> a.times(b), 2, 3).grad().toString());
        assertEquals("([3.0], [[2.0]])", withjacobian((Real a, Tensor b) -> a.times(b.get(0)), 2.0, Tensor.of(3)).grad().toString());
        assertEquals("([[3.0]], [2.0])", withjacobian((Tensor a, Real b) -> a.get(0).times(b), Tensor.of(2), 3.0).grad().toString());
        assertEquals("([3.0], [2.0])", withjacobian((Real a, Real b) -> a.times(b), Real.of(2), Real.of(3)).grad().toString());
        assertEquals("([12.0], [8.0], [6.0])", withjacobian((a, b, c) -> a.times(b).times(c), 2, 3, 4).grad().toString());
        assertEquals("([12.0], [8.0], [6.0])", withjacobian((Real a, Real b, Real c) -> a.times(b).times(c),
                Real.of(2), Real.of(3), Real.of(4)).grad().toString());
        assertEquals("([1.0], [1.0], [1.0], [1.0])", withjacobian((a, b, c, d) -> a.plus(b).plus(c).plus(d), 1, 2, 3, 4)
                .grad().toString());
        assertEquals("([1.0], [1.0], [1.0], [1.0])", withjacobian((Real a, Real b, Real c, Real d) -> a.plus(b).plus(c).plus(d),
                Real.of(1), Real.of(2), Real.of(3), Real.of(4)).grad().toString());
        // a lambda of one argument picks the Fn1 overload; the varargs form takes an FnN
        assertEquals("([2.0],)", withjacobian((FnN) xs -> ((Real) xs[0]).times(2), Real.of(1)).grad().toString());
    }

    @Test
    void jacobiansDifferentiateAgain() {
        // sum of the Jacobian of y -> y^2 (diag 2y) is 2 sum(y): its gradient is 2 everywhere
        assertEquals("([2.0, 2.0, 2.0],)",
                gradient(x -> jacobian(y -> y.times(y), x).tensor(0).sum(), Tensor.of(1, 2, 3)).toString());
        // d/da of the Jacobian of (a*b, a^2) w.r.t. a, which is (b, 2a): sum = b + 2a, so (2, 1)
        assertEquals("(2.0, 1.0)",
                gradient((a, b) -> jacobian(x -> Tensor.of(x.times(b), x.square()), a).tensor(0).sum(), 2, 3).toString());
        // forward over the jacobian: d/dt of J(sin)(t) = diag(-sin t)
        Tensor x = Tensor.of(0.3, 0.7);
        Tensor dj = jvp((Tensor y) -> jacobian(Tensor::sin, y).tensor(0), x, Tensor.of(1, 0)).tangent();
        assertEquals(-Math.sin(0.3), dj.get(0, 0).value(), 1e-15);
        assertEquals(0.0, dj.get(1, 1).value(), 0);
    }

    @Test
    void badArgumentsAndOutputsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> jacobian((List<Real> l) -> l.get(0), List.of(Real.of(1))));
        assertTrue(e.getMessage().startsWith("jacobian: argument 0 is a java.util") && e.getMessage().contains("Tensor"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> jacobian(x -> "no", Tensor.of(1)));
        assertTrue(e.getMessage().contains("java.lang.String") && e.getMessage().contains("Real or a Tensor"), e.getMessage());
        RuntimeException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> jacobian(x -> {
            throw boom;
        }, Tensor.of(1))));
        assertNull(jacobian(x -> Tensor.of(1, 2), Tensor.of(1)).get(0));
    }
}
