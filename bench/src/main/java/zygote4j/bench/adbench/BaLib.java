package zygote4j.bench.adbench;

import static zygote4j.Zygote.pullback;

import zygote4j.Grads;
import zygote4j.Pullback;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * ADBench's BA residuals on Zygote4j scalars, and their sparse Jacobian: each
 * observation's 2 x 15 block comes from one pullback of its residual (differentiated
 * with respect to its camera, point and weight) pulled back twice, and each weight row
 * from the derivative of {@code 1 - w^2}.
 *
 * <pre>{@code BaSparseJacobian j = BaLib.jacobian(BaInput.read(Path.of("data/ba/test.txt")));}</pre>
 */
public final class BaLib {
    private static final Tensor SEED_X = Tensor.of(1, 0), SEED_Y = Tensor.of(0, 1);

    private BaLib() {
    }

    /**
     * One observation's weighted reprojection error as a vector of 2, from its 15 inputs
     * {@code [camera (11), point (3), weight]}.
     *
     * <pre>{@code BaLib.reprojError(Tensor.of(block), fx, fy);}</pre>
     *
     * @param v the 15 inputs
     * @param fx feature x
     * @param fy feature y
     * @return the errors (x, y)
     */
    public static Tensor reprojError(Tensor v, double fx, double fy) {
        Real r0 = v.get(0), r1 = v.get(1), r2 = v.get(2);
        Real x0 = v.get(11).minus(v.get(3)), x1 = v.get(12).minus(v.get(4)), x2 = v.get(13).minus(v.get(5));
        Real c0, c1, c2;
        Real sqtheta = r0.square().plus(r1.square()).plus(r2.square());
        if (sqtheta.value() != 0) {
            Real theta = sqtheta.sqrt();
            Real cos = theta.cos(), sin = theta.sin(), inv = theta.reciprocal();
            Real w0 = r0.times(inv), w1 = r1.times(inv), w2 = r2.times(inv);
            Real k0 = w1.times(x2).minus(w2.times(x1));
            Real k1 = w2.times(x0).minus(w0.times(x2));
            Real k2 = w0.times(x1).minus(w1.times(x0));
            Real tmp = w0.times(x0).plus(w1.times(x1)).plus(w2.times(x2)).times(Real.ONE.minus(cos));
            c0 = x0.times(cos).plus(k0.times(sin)).plus(w0.times(tmp));
            c1 = x1.times(cos).plus(k1.times(sin)).plus(w1.times(tmp));
            c2 = x2.times(cos).plus(k2.times(sin)).plus(w2.times(tmp));
        } else {
            c0 = x0.plus(r1.times(x2).minus(r2.times(x1)));
            c1 = x1.plus(r2.times(x0).minus(r0.times(x2)));
            c2 = x2.plus(r0.times(x1).minus(r1.times(x0)));
        }
        Real p0 = c0.div(c2), p1 = c1.div(c2);
        Real rsq = p0.square().plus(p1.square());
        Real l = v.get(9).times(rsq).plus(1).plus(v.get(10).times(rsq).times(rsq));
        p0 = p0.times(l);
        p1 = p1.times(l);
        Real f = v.get(6), w = v.get(14);
        return Tensor.of(w.times(p0.times(f).plus(v.get(7)).minus(fx)), w.times(p1.times(f).plus(v.get(8)).minus(fy)));
    }

    /**
     * The 15 inputs of observation {@code i}: its camera, its point, its weight.
     *
     * <pre>{@code BaLib.block(in, 0);}</pre>
     *
     * @param in the instance
     * @param i the observation
     * @return a plain vector of 15
     */
    public static Tensor block(BaInput in, int i) {
        double[] b = new double[15];
        System.arraycopy(in.cams(), in.obs()[2 * i] * BaInput.NCAM, b, 0, BaInput.NCAM);
        System.arraycopy(in.x(), in.obs()[2 * i + 1] * 3, b, BaInput.NCAM, 3);
        b[14] = in.w()[i];
        return Tensor.of(b);
    }

    /**
     * All residuals by the Zygote4j code, not differentiated: the sum of all entries
     * (reprojection errors, then weight errors), the benchmark's value.
     *
     * <pre>{@code BaLib.residualSum(in);}</pre>
     *
     * @param in the instance
     * @return the sum of all residuals
     */
    public static double residualSum(BaInput in) {
        double s = 0;
        for (int i = 0; i < in.p(); i++) {
            Tensor e = reprojError(block(in, i), in.feats()[2 * i], in.feats()[2 * i + 1]);
            s += e.get(0).value() + e.get(1).value();
        }
        for (int i = 0; i < in.p(); i++) s += Real.ONE.minus(Real.of(in.w()[i]).square()).value();
        return s;
    }

    /**
     * The residuals and their sparse Jacobian.
     *
     * <pre>{@code BaLib.jacobian(in, residuals);}</pre>
     *
     * @param in the instance
     * @param residuals 3p outputs (2p reprojection errors, then p weight errors), or null
     * @return the Jacobian in ADBench's CSR layout
     */
    public static BaSparseJacobian jacobian(BaInput in, double[] residuals) {
        BaSparseJacobian j = BaSparseJacobian.layout(in);
        double[] vals = j.vals();
        int p = in.p(), k = 0;
        for (int i = 0; i < p; i++) {
            double fx = in.feats()[2 * i], fy = in.feats()[2 * i + 1];
            Pullback pb = pullback(v -> reprojError(v, fx, fy), block(in, i));
            if (residuals != null) {
                double[] e = ((Tensor) pb.value()).toDoubleArray();
                residuals[2 * i] = e[0];
                residuals[2 * i + 1] = e[1];
            }
            for (Tensor seed : new Tensor[] {SEED_X, SEED_Y}) {
                Grads g = pb.back(seed);
                double[] row = g.tensor(0).toDoubleArray();
                System.arraycopy(row, 0, vals, k, 15);
                k += 15;
            }
        }
        for (int i = 0; i < p; i++) {
            Pullback pb = pullback(w -> Real.ONE.minus(w.square()), in.w()[i]);
            if (residuals != null) residuals[2 * p + i] = ((Real) pb.value()).value();
            vals[k++] = pb.back(1).real(0).value();
        }
        return j;
    }
}
