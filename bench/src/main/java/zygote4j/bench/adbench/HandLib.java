package zygote4j.bench.adbench;

import static zygote4j.Zygote.all;
import static zygote4j.Zygote.jvp;
import static zygote4j.Zygote.range;

import zygote4j.Jvp;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * ADBench's hand-tracking residuals written with Zygote4j operations (the same steps as
 * {@link HandPlain}), and their dense Jacobian by forward mode.
 *
 * <p>The bone chain (22 small 4 x 4 products) works on {@code Real}s and small
 * {@code Tensor}s; the skinning is whole-array, in linear blend skinning's usual form:
 * each model point's blended transform {@code sum_b w_b T_b} (its weights [M, bones]
 * times the top three rows of all bones' transforms [bones, 12]), applied to its
 * homogeneous rest position (a batched [M, 3, 4] x [M, 4, 1] product). ADBench applies
 * each bone's transform first and blends the moved points; the two orders are the
 * same sums, regrouped (they agree to rounding), and blending first does a fifth of the
 * element-wise work because a point has few bones. The model points are the vertices
 * the residuals use, gathered once from the model as constants ({@link Constants}):
 * point i's vertex for the simple variant; for the complicated one the triangle's
 * first vertices of all points, then the second ones, then the third ones (M = 3N).
 *
 * <p>The Jacobian is 3N x 26 (simple) or 3N x 28 (complicated) with N from 100 to 6400
 * in the benchmark, so forward mode fits: one {@code jvp} per theta column (26 passes)
 * where reverse mode would need one backward pass per residual (3N). The two u columns
 * are ADBench's compressed ones: residual i depends on point i's own (u0, u1) only, so
 * one {@code jvp} along "every u0 at once" gives each residual's derivative with
 * respect to its own u0, and likewise for u1.
 *
 * <pre>{@code
 * HandInput in = HandInput.read(Path.of("data/hand/test.txt"), Path.of("data/hand/model"), false);
 * HandLib.Constants c = HandLib.constants(in);
 * Tensor err = HandLib.residuals(Tensor.of(in.theta()), c);       // [3N]
 * double[] j = HandLib.jacobian(in, c, null);                      // 3N x 26, column-major
 * }</pre>
 */
public final class HandLib {
    private static final Tensor BOTTOM_ROW = Tensor.of(0, 0, 0, 1).reshape(1, 4), ZERO_COLUMN = Tensor.zeros(3, 1);

    private HandLib() {
    }

    /**
     * The constants of one instance, gathered once: the model's transforms as 4 x 4
     * tensors, the model points' homogeneous rest positions and skinning weights, and the
     * observed points.
     *
     * <pre>{@code HandLib.constants(in).restPositions().shape();   // [N, 4, 1] (simple) or [3N, 4, 1]}</pre>
     *
     * @param parents parent of each bone (-1 for the root)
     * @param baseRelatives each bone's base transform relative to its parent, [4, 4]
     * @param inverseBaseAbsolutes each bone's inverse absolute base transform, [4, 4]
     * @param restPositions the model points' rest positions followed by 1, [M, 4, 1]
     * @param weights the model points' bone weights, [M, bones]
     * @param observed the observed points, [N, 3]
     * @param complicated whether the model points are triangle corners (M = 3N) rather
     *     than vertices (M = N)
     */
    public record Constants(int[] parents, Tensor[] baseRelatives, Tensor[] inverseBaseAbsolutes, Tensor restPositions,
            Tensor weights, Tensor observed, boolean complicated) {
        /**
         * The number of observed points N.
         *
         * <pre>{@code c.points();   // 2 for data/hand/test.txt}</pre>
         *
         * @return N
         */
        public int points() {
            return observed.shape()[0];
        }
    }

    /**
     * Gathers an instance's constants.
     *
     * <pre>{@code HandLib.Constants c = HandLib.constants(in);}</pre>
     *
     * @param in the instance
     * @return the constants
     * @throws IllegalArgumentException when the model has fewer than 22 bones
     */
    public static Constants constants(HandInput in) {
        HandModel m = in.model();
        HandPlain.checkArguments("HandLib.constants", in, in.theta(), in.us());
        int nb = m.boneCount(), nv = m.vertexCount(), n = in.correspondences().length;
        boolean complicated = in.us() != null;
        int[] vertex = new int[complicated ? 3 * n : n];
        for (int i = 0; i < n; i++) {
            int c = in.correspondences()[i];
            if (complicated) for (int k = 0; k < 3; k++) vertex[k * n + i] = m.triangles()[3 * c + k];
            else vertex[i] = c;
        }
        int mm = vertex.length;
        double[] rest = new double[4 * mm], w = new double[nb * mm];
        for (int p = 0; p < mm; p++) {
            System.arraycopy(m.positions(), 3 * vertex[p], rest, 4 * p, 3);
            rest[4 * p + 3] = 1;
            for (int b = 0; b < nb; b++) w[p * nb + b] = m.weights()[b * nv + vertex[p]];
        }
        Tensor[] rel = new Tensor[nb], inv = new Tensor[nb];
        for (int b = 0; b < nb; b++) {
            rel[b] = matrix4(m.baseRelatives(), b);
            inv[b] = matrix4(m.inverseBaseAbsolutes(), b);
        }
        return new Constants(m.parents().clone(), rel, inv, Tensor.of(rest).reshape(mm, 4, 1),
                Tensor.of(w).reshape(mm, nb), Tensor.of(in.points()).reshape(n, 3), complicated);
    }

    /**
     * The simple variant's residuals: {@code [3i + j]} is coordinate j of point i minus
     * coordinate j of its posed vertex.
     *
     * <pre>{@code HandLib.residuals(Tensor.of(in.theta()), c);   // [3N]}</pre>
     *
     * @param theta the 26 pose parameters
     * @param c the constants of a simple instance
     * @return the residuals, [3N]
     * @throws IllegalArgumentException when c is a complicated instance's or theta is not [26]
     */
    public static Tensor residuals(Tensor theta, Constants c) {
        if (c.complicated()) {
            throw new IllegalArgumentException("HandLib.residuals: the instance is complicated (triangle corners); "
                    + "call residuals(theta, us, c)");
        }
        return c.observed().minus(modelPoints(theta, c)).reshape(3 * c.points());
    }

    /**
     * The complicated variant's residuals: point i minus
     * {@code u0 v0 + u1 v1 + (1 - u0 - u1) v2} for the posed corners of its triangle.
     *
     * <pre>{@code HandLib.residuals(Tensor.of(in.theta()), Tensor.of(in.us()), c);   // [3N]}</pre>
     *
     * @param theta the 26 pose parameters
     * @param us [2N]: (u0, u1) of point i at 2i, 2i + 1
     * @param c the constants of a complicated instance
     * @return the residuals, [3N]
     * @throws IllegalArgumentException when c is a simple instance's, theta is not [26] or us not [2N]
     */
    public static Tensor residuals(Tensor theta, Tensor us, Constants c) {
        int n = c.points();
        if (!c.complicated()) {
            throw new IllegalArgumentException("HandLib.residuals: the instance is simple (one vertex per point); "
                    + "call residuals(theta, c)");
        }
        if (us.length() != 2 * n) {
            throw new IllegalArgumentException("HandLib.residuals: us has " + us.length() + " entries; expected 2 per point = "
                    + 2 * n);
        }
        Tensor posed = modelPoints(theta, c);
        Tensor v0 = posed.slice(range(0, n)), v1 = posed.slice(range(n, 2 * n)), v2 = posed.slice(range(2 * n, 3 * n));
        Tensor u = us.reshape(n, 2);
        Tensor u0 = u.slice(all(), range(0, 1)), u1 = u.slice(all(), range(1, 2));
        Tensor model = v0.times(u0).plus(v1.times(u1)).plus(v2.times(u0.neg().plus(1).minus(u1)));
        return c.observed().minus(model).reshape(3 * n);
    }

    /**
     * The model points skinned, rotated and translated, [M, 3] (a point a row).
     *
     * <pre>{@code HandLib.modelPoints(Tensor.of(in.theta()), c);}</pre>
     *
     * @param theta the 26 pose parameters
     * @param c the constants
     * @return the posed model points
     * @throws IllegalArgumentException when theta is not [26]
     */
    public static Tensor modelPoints(Tensor theta, Constants c) {
        if (theta.length() != HandPlain.N_THETA) {
            throw new IllegalArgumentException("HandLib: theta has " + theta.length() + " entries; the hand model takes "
                    + HandPlain.N_THETA + " (global rotation 3, translation 3, finger angles 20)");
        }
        int nb = c.parents().length, mm = c.restPositions().shape()[0];
        Tensor transforms = skinningTransforms(theta, c).reshape(nb, 12);
        Tensor blended = c.weights().matmul(transforms).reshape(mm, 3, 4);
        Tensor skinned = blended.matmul(c.restPositions()).reshape(mm, 3);
        Tensor global = angleAxisToRotation(theta.get(0), theta.get(1), theta.get(2));
        // Rows are points, so the rotation acts from the right, transposed.
        return skinned.matmul(global.transpose()).plus(Tensor.of(theta.get(3), theta.get(4), theta.get(5)));
    }

    /**
     * The top three rows of each bone's {@code absolute * inverse_base_absolute}, stacked:
     * rows {@code 3b .. 3b + 2} belong to bone b.
     *
     * <pre>{@code HandLib.skinningTransforms(Tensor.of(in.theta()), c).shape();   // [66, 4]}</pre>
     *
     * @param theta the 26 pose parameters
     * @param c the constants
     * @return [3 bones, 4]
     */
    public static Tensor skinningTransforms(Tensor theta, Constants c) {
        int nb = c.parents().length;
        Real[] angles = boneAngles(theta, nb);
        Tensor[] absolutes = new Tensor[nb], tops = new Tensor[nb];
        for (int b = 0; b < nb; b++) {
            Tensor r = eulerToRotation(angles[3 * b], angles[3 * b + 1], angles[3 * b + 2]);
            Tensor posed = Tensor.concat(0, Tensor.concat(1, r, ZERO_COLUMN), BOTTOM_ROW);
            Tensor relative = c.baseRelatives()[b].matmul(posed);
            int p = c.parents()[b];
            absolutes[b] = p == -1 ? relative : absolutes[p].matmul(relative);
            tops[b] = absolutes[b].matmul(c.inverseBaseAbsolutes()[b]).slice(range(0, 3), all());
        }
        return Tensor.concat(0, tops);
    }

    /**
     * The bones' Euler angles from theta, as {@link HandPlain#boneAngles}; the angles
     * that are always zero are the constant {@code Real.ZERO}.
     */
    private static Real[] boneAngles(Tensor theta, int nb) {
        Real[] a = new Real[3 * nb];
        java.util.Arrays.fill(a, Real.ZERO);
        for (int finger = 0; finger < 5; finger++) {
            int bone = 2 + 4 * finger, t = 6 + 4 * finger;
            a[3 * bone] = theta.get(t);
            a[3 * bone + 1] = theta.get(t + 1);
            a[3 * (bone + 1)] = theta.get(t + 2);
            a[3 * (bone + 2)] = theta.get(t + 3);
        }
        return a;
    }

    /**
     * {@link HandPlain#eulerToRotation} with Zygote4j values: {@code Rz(z) Ry(y) Rx(x)}.
     *
     * <pre>{@code HandLib.eulerToRotation(x, z, y);   // [3, 3]}</pre>
     *
     * @param x the angle about x
     * @param z the angle about z
     * @param y the angle about y
     * @return the rotation, [3, 3]
     */
    public static Tensor eulerToRotation(Real x, Real z, Real y) {
        Real cx = x.cos(), sx = x.sin(), cy = y.cos(), sy = y.sin(), cz = z.cos(), sz = z.sin();
        Real o = Real.ZERO, l = Real.ONE;
        Tensor rx = Tensor.of(l, o, o, o, cx, sx.neg(), o, sx, cx).reshape(3, 3);
        Tensor ry = Tensor.of(cy, o, sy, o, l, o, sy.neg(), o, cy).reshape(3, 3);
        Tensor rz = Tensor.of(cz, sz.neg(), o, sz, cz, o, o, o, l).reshape(3, 3);
        return rz.matmul(ry).matmul(rx);
    }

    /**
     * {@link HandPlain#angleAxisToRotation} with Zygote4j values (Rodrigues' formula; the
     * identity below an angle of 1e-4).
     *
     * <pre>{@code HandLib.angleAxisToRotation(theta.get(0), theta.get(1), theta.get(2));   // [3, 3]}</pre>
     *
     * @param a0 axis times angle, x
     * @param a1 y
     * @param a2 z
     * @return the rotation, [3, 3]
     */
    public static Tensor angleAxisToRotation(Real a0, Real a1, Real a2) {
        Real norm = a0.square().plus(a1.square()).plus(a2.square()).sqrt();
        if (norm.value() < .0001) return Tensor.of(1, 0, 0, 0, 1, 0, 0, 0, 1).reshape(3, 3);
        Real x = a0.div(norm), y = a1.div(norm), z = a2.div(norm), s = norm.sin(), c = norm.cos();
        Real oneMinusC = c.neg().plus(1);
        return Tensor.of(
                x.square().plus(x.square().neg().plus(1).times(c)),
                x.times(y).times(oneMinusC).minus(z.times(s)),
                x.times(z).times(oneMinusC).plus(y.times(s)),
                x.times(y).times(oneMinusC).plus(z.times(s)),
                y.square().plus(y.square().neg().plus(1).times(c)),
                y.times(z).times(oneMinusC).minus(x.times(s)),
                x.times(z).times(oneMinusC).minus(y.times(s)),
                z.times(y).times(oneMinusC).plus(x.times(s)),
                z.square().plus(z.square().neg().plus(1).times(c))).reshape(3, 3);
    }

    /**
     * The residuals by the Zygote4j code, not differentiated, summed: the benchmark's value.
     *
     * <pre>{@code HandLib.residualSum(in, c);}</pre>
     *
     * @param in the instance, at its own theta (and us)
     * @param c its constants
     * @return the sum of all residuals
     */
    public static double residualSum(HandInput in, Constants c) {
        Tensor theta = Tensor.of(in.theta());
        return (c.complicated() ? residuals(theta, Tensor.of(in.us()), c) : residuals(theta, c)).sum().value();
    }

    /**
     * The residuals and their dense Jacobian in ADBench's layout: 3N rows (residual order),
     * column-major. Simple: 26 columns, one per theta. Complicated: 28 columns, first the
     * compressed u columns (row {@code 3i + j} holds the derivative of that residual with
     * respect to point i's u0, then its u1), then the 26 theta columns.
     *
     * <pre>{@code
     * double[] j = HandLib.jacobian(in, c, residuals);
     * j[col * 3 * n + row];   // the entry (row, col)
     * }</pre>
     *
     * @param in the instance, at its own theta (and us)
     * @param c its constants
     * @param residuals 3N outputs for the residuals, or null
     * @return the Jacobian, 3N x 26 or 3N x 28, column-major
     */
    public static double[] jacobian(HandInput in, Constants c, double[] residuals) {
        int rows = 3 * c.points(), uCols = c.complicated() ? 2 : 0;
        double[] jac = new double[rows * (uCols + HandPlain.N_THETA)];
        Tensor theta = Tensor.of(in.theta()), us = c.complicated() ? Tensor.of(in.us()) : null;
        Jvp<Tensor> r = null;
        for (int k = 0; k < uCols; k++) {
            double[] every = new double[us.length()];
            for (int i = k; i < every.length; i += 2) every[i] = 1;
            r = jvp(u -> residuals(theta, u, c), us, Tensor.of(every));
            System.arraycopy(r.tangent().toDoubleArray(), 0, jac, k * rows, rows);
        }
        for (int k = 0; k < HandPlain.N_THETA; k++) {
            double[] unit = new double[HandPlain.N_THETA];
            unit[k] = 1;
            r = c.complicated() ? jvp(t -> residuals(t, us, c), theta, Tensor.of(unit))
                    : jvp(t -> residuals(t, c), theta, Tensor.of(unit));
            System.arraycopy(r.tangent().toDoubleArray(), 0, jac, (uCols + k) * rows, rows);
        }
        if (residuals != null) System.arraycopy(r.val().toDoubleArray(), 0, residuals, 0, rows);
        return jac;
    }

    private static Tensor matrix4(double[] rowMajor, int b) {
        double[] m = new double[16];
        System.arraycopy(rowMajor, 16 * b, m, 0, 16);
        return Tensor.of(m).reshape(4, 4);
    }
}
