package zygote4j.bench.adbench;

/**
 * ADBench's hand-tracking residuals on doubles, as ADBench's C++ reference computes them:
 * the pose parameters give each bone a rotation from Euler angles; each bone's posed
 * transform relative to its parent is its base relative transform times that rotation;
 * the relatives are chained along the parents into absolute transforms, which times the
 * inverse base absolutes skin the vertices (linear blend with the bone weights); the
 * global angle-axis rotation and translation are applied after skinning; each residual
 * is an observed point minus its model point (a vertex, or for the complicated variant
 * the combination {@code u0 v0 + u1 v1 + (1 - u0 - u1) v2} of a triangle's vertices).
 *
 * <p>Matrices are 4 x 4, row-major here (the model files are row-major too). The model is
 * not mirrored (ADBench's readers set {@code is_mirrored = false}). Only the vertices
 * that some residual uses are skinned, and each of them only with its non-zero weights:
 * the same numbers as skinning every vertex with every bone, for less work.
 *
 * <pre>{@code
 * HandInput in = HandInput.read(Path.of("data/hand/test.txt"), Path.of("data/hand/model"), false);
 * double[] err = new double[3 * in.correspondences().length];
 * HandPlain.objective(in, in.theta(), in.us(), err);
 * }</pre>
 */
public final class HandPlain {
    /** The number of pose parameters: global rotation (3), global translation (3), 4 angles per finger (20). */
    public static final int N_THETA = 26;

    private HandPlain() {
    }

    /**
     * All residuals: {@code err[3i + j]} is coordinate j of point i minus its model point.
     *
     * <pre>{@code HandPlain.objective(in, in.theta(), in.us(), err);}</pre>
     *
     * @param in the instance (model, correspondences, points)
     * @param theta the 26 pose parameters
     * @param us 2 per point for the complicated variant ({@code u0, u1} of point i at 2i, 2i + 1),
     *     null for the simple one
     * @param err 3N outputs
     * @throws IllegalArgumentException when theta does not have 26 entries, or us is
     *     missing or present contrary to the instance
     */
    public static void objective(HandInput in, double[] theta, double[] us, double[] err) {
        checkArguments("HandPlain.objective", in, theta, us);
        HandModel m = in.model();
        int nv = m.vertexCount(), n = in.correspondences().length;
        double[] transforms = boneTransforms(m, theta);
        double[] global = new double[9];
        angleAxisToRotation(theta[0], theta[1], theta[2], global);
        boolean[] used = new boolean[nv];
        int[] corr = in.correspondences(), tri = m.triangles();
        for (int i = 0; i < n; i++) {
            if (us == null) used[corr[i]] = true;
            else for (int k = 0; k < 3; k++) used[tri[3 * corr[i] + k]] = true;
        }
        double[] posed = new double[3 * nv];
        for (int v = 0; v < nv; v++) {
            if (used[v]) skin(m, transforms, global, theta, v, posed);
        }
        double[] pts = in.points();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                double model;
                if (us == null) {
                    model = posed[3 * corr[i] + j];
                } else {
                    double u0 = us[2 * i], u1 = us[2 * i + 1];
                    int t = 3 * corr[i];
                    model = u0 * posed[3 * tri[t] + j] + u1 * posed[3 * tri[t + 1] + j]
                            + (1. - u0 - u1) * posed[3 * tri[t + 2] + j];
                }
                err[3 * i + j] = pts[3 * i + j] - model;
            }
        }
    }

    /**
     * The sum of all residuals, the benchmark's value.
     *
     * <pre>{@code HandPlain.residualSum(in);}</pre>
     *
     * @param in the instance, at its own theta (and us)
     * @return the sum
     */
    public static double residualSum(HandInput in) {
        double[] err = new double[3 * in.correspondences().length];
        objective(in, in.theta(), in.us(), err);
        double s = 0;
        for (double e : err) s += e;
        return s;
    }

    /**
     * The three Euler angles of each bone, laid out as ADBench's {@code to_pose_params}
     * lays them out: bone b's angles come from column b + 3 of its 3 x (bones + 3) pose
     * matrix, whose columns 5.. take, per finger, (theta, theta), (theta, 0), (theta, 0) for
     * three bones and leave the fourth at zero. With the 22-bone model this gives bones
     * 2, 6, 10, 14, 18 two angles, the two bones after each of them one angle, and the
     * wrist, the forearm and bones 1, 5, 9, 13, 17 none.
     *
     * <pre>{@code HandPlain.boneAngles(theta, 22)[3 * 2];   // theta[6]}</pre>
     *
     * @param theta the 26 pose parameters
     * @param boneCount the number of bones (at least 22)
     * @return 3 angles per bone, in ADBench's (x, z, y) order
     */
    public static double[] boneAngles(double[] theta, int boneCount) {
        double[] a = new double[3 * boneCount];
        for (int finger = 0; finger < 5; finger++) {
            int bone = 2 + 4 * finger, t = 6 + 4 * finger;
            a[3 * bone] = theta[t];
            a[3 * bone + 1] = theta[t + 1];
            a[3 * (bone + 1)] = theta[t + 2];
            a[3 * (bone + 2)] = theta[t + 3];
        }
        return a;
    }

    /**
     * Each bone's skinning transform {@code absolute * inverse_base_absolute}, 16 numbers
     * per bone, row-major.
     *
     * <pre>{@code HandPlain.boneTransforms(model, theta);}</pre>
     *
     * @param m the model
     * @param theta the pose parameters
     * @return 16 per bone
     */
    public static double[] boneTransforms(HandModel m, double[] theta) {
        int nb = m.boneCount();
        double[] angles = boneAngles(theta, nb);
        double[] absolutes = new double[16 * nb], relative = new double[16], posed = new double[16];
        double[] r = new double[9], out = new double[16 * nb];
        for (int b = 0; b < nb; b++) {
            eulerToRotation(angles[3 * b], angles[3 * b + 1], angles[3 * b + 2], r);
            identity4(posed);
            for (int i = 0; i < 3; i++) System.arraycopy(r, 3 * i, posed, 4 * i, 3);
            mul4(m.baseRelatives(), 16 * b, posed, 0, relative, 0);
            int p = m.parents()[b];
            if (p == -1) System.arraycopy(relative, 0, absolutes, 16 * b, 16);
            else mul4(absolutes, 16 * p, relative, 0, absolutes, 16 * b);
            mul4(absolutes, 16 * b, m.inverseBaseAbsolutes(), 16 * b, out, 16 * b);
        }
        return out;
    }

    /**
     * ADBench's {@code euler_angles_to_rotation_matrix}: the angles come as (x, z, y) and
     * the rotation is {@code Rz(z) Ry(y) Rx(x)}.
     *
     * <pre>{@code HandPlain.eulerToRotation(0.1, 0.2, 0.3, r);   // Rz(0.2) Ry(0.3) Rx(0.1)}</pre>
     *
     * @param x the angle about x
     * @param z the angle about z
     * @param y the angle about y
     * @param r 9 outputs, row-major
     */
    public static void eulerToRotation(double x, double z, double y, double[] r) {
        double cx = Math.cos(x), sx = Math.sin(x), cy = Math.cos(y), sy = Math.sin(y), cz = Math.cos(z), sz = Math.sin(z);
        double[] rx = {1, 0, 0, 0, cx, -sx, 0, sx, cx};
        double[] ry = {cy, 0, sy, 0, 1, 0, -sy, 0, cy};
        double[] rz = {cz, -sz, 0, sz, cz, 0, 0, 0, 1};
        double[] zy = new double[9];
        mul3(rz, ry, zy);
        mul3(zy, rx, r);
    }

    /**
     * ADBench's {@code angle_axis_to_rotation_matrix}: Rodrigues' formula, the identity
     * when the angle is below 1e-4.
     *
     * <pre>{@code HandPlain.angleAxisToRotation(0, 0, Math.PI / 2, r);   // a quarter turn about z}</pre>
     *
     * @param a0 axis times angle, x
     * @param a1 y
     * @param a2 z
     * @param r 9 outputs, row-major
     */
    public static void angleAxisToRotation(double a0, double a1, double a2, double[] r) {
        double norm = Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2);
        if (norm < .0001) {
            identity3(r);
            return;
        }
        double x = a0 / norm, y = a1 / norm, z = a2 / norm, s = Math.sin(norm), c = Math.cos(norm);
        r[0] = x * x + (1 - x * x) * c;
        r[1] = x * y * (1 - c) - z * s;
        r[2] = x * z * (1 - c) + y * s;
        r[3] = x * y * (1 - c) + z * s;
        r[4] = y * y + (1 - y * y) * c;
        r[5] = y * z * (1 - c) - x * s;
        r[6] = x * z * (1 - c) - y * s;
        r[7] = z * y * (1 - c) + x * s;
        r[8] = z * z + (1 - z * z) * c;
    }

    /** Skins vertex v (weighted sum of its bones' transforms), then rotates and translates it. */
    private static void skin(HandModel m, double[] transforms, double[] global, double[] theta, int v, double[] posed) {
        int nv = m.vertexCount();
        double[] pos = m.positions(), w = m.weights();
        double px = pos[3 * v], py = pos[3 * v + 1], pz = pos[3 * v + 2];
        double s0 = 0, s1 = 0, s2 = 0;
        for (int b = 0; b < m.boneCount(); b++) {
            double wb = w[b * nv + v];
            if (wb == 0) continue;
            int t = 16 * b;
            s0 += (transforms[t] * px + transforms[t + 1] * py + transforms[t + 2] * pz + transforms[t + 3]) * wb;
            s1 += (transforms[t + 4] * px + transforms[t + 5] * py + transforms[t + 6] * pz + transforms[t + 7]) * wb;
            s2 += (transforms[t + 8] * px + transforms[t + 9] * py + transforms[t + 10] * pz + transforms[t + 11]) * wb;
        }
        for (int i = 0; i < 3; i++) {
            posed[3 * v + i] = global[3 * i] * s0 + global[3 * i + 1] * s1 + global[3 * i + 2] * s2 + theta[3 + i];
        }
    }

    static void checkArguments(String op, HandInput in, double[] theta, double[] us) {
        if (theta.length != N_THETA) {
            throw new IllegalArgumentException(op + ": theta has " + theta.length + " entries; the hand model takes "
                    + N_THETA + " (global rotation 3, translation 3, finger angles 20)");
        }
        if (in.model().boneCount() < 22) {
            throw new IllegalArgumentException(op + ": the model has " + in.model().boneCount()
                    + " bones; ADBench's pose parameters need at least 22 (wrist, 5 fingers of 4, forearm)");
        }
        int n = in.correspondences().length;
        if ((us == null) != (in.us() == null)) {
            throw new IllegalArgumentException(op + ": us is " + (us == null ? "null" : "given")
                    + " but the instance is " + (in.us() == null ? "simple (no us)" : "complicated (2 us per point)")
                    + "; pass in.us() for this instance");
        }
        if (us != null && us.length != 2 * n) {
            throw new IllegalArgumentException(op + ": us has " + us.length + " entries; expected 2 per point = " + 2 * n);
        }
    }

    private static void mul4(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) {
                double s = a[ao + 4 * i] * b[bo + k];
                for (int j = 1; j < 4; j++) s += a[ao + 4 * i + j] * b[bo + 4 * j + k];
                out[oo + 4 * i + k] = s;
            }
        }
    }

    private static void mul3(double[] a, double[] b, double[] out) {
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) out[3 * i + k] = a[3 * i] * b[k] + a[3 * i + 1] * b[3 + k] + a[3 * i + 2] * b[6 + k];
        }
    }

    private static void identity4(double[] m) {
        java.util.Arrays.fill(m, 0);
        for (int i = 0; i < 4; i++) m[5 * i] = 1;
    }

    private static void identity3(double[] m) {
        java.util.Arrays.fill(m, 0);
        for (int i = 0; i < 3; i++) m[4 * i] = 1;
    }
}
