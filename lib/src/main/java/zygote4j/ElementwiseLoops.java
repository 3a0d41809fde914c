package zygote4j;

/**
 * The loops of the elementwise operations, written once for any rule: values and
 * first-order cotangents on {@code double[]}, each element computed by the scalar rule
 * of {@link ScalarRules}. {@link ElementwiseKernels} runs a separate copy of this class
 * for each rule, so that each copy is compiled for one rule (see there why).
 *
 * <p>Binary loops come in two kinds. Those for a single run (equal shapes, or one operand
 * a single element) index every array from 0, which is what lets the JIT vectorise them:
 * it does not vectorise a loop whose arrays start at different variable offsets. Those
 * for broadcasts walk a {@link BroadcastPlan}'s runs: {@code V} marks an operand that
 * advances along a run, {@code S} one that stays on one element; their gradient loops add
 * into their target ({@code +=}, the arrays start as zeros), since a broadcast operand
 * receives contributions from many runs.
 */
final class ElementwiseLoops implements ElementwiseKernels.Loops {
    @Override
    public void map(UnaryRule r, double[] x, double[] o, int from, int to) {
        for (int i = from; i < to; i++) o[i] = r.apply(x[i]);
    }

    @Override
    public void deriv(UnaryRule r, double[] x, double[] y, double[] c, double[] g, int from, int to) {
        for (int i = from; i < to; i++) g[i] = c[i] * r.deriv(x[i], y[i]);
    }

    @Override
    public void zipVV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q], pb = bo[q];
            for (int i = 0; i < len; i++) o[oo + i] = r.apply(a[pa + i], b[pb + i]);
        }
    }

    @Override
    public void zipVS(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q];
            double s = b[bo[q]];
            for (int i = 0; i < len; i++) o[oo + i] = r.apply(a[pa + i], s);
        }
    }

    @Override
    public void zipSV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] o) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pb = bo[q];
            double s = a[ao[q]];
            for (int i = 0; i < len; i++) o[oo + i] = r.apply(s, b[pb + i]);
        }
    }

    @Override
    public void gradBoth(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] ga, double[] gb, int from, int to) {
        for (int i = from; i < to; i++) {
            ga[i] = c[i] * r.da(a[i], b[i], z[i]);
            gb[i] = c[i] * r.db(a[i], b[i], z[i]);
        }
    }

    @Override
    public void gradAVV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c,
            double[] ga) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q], pb = bo[q];
            for (int i = 0; i < len; i++) ga[pa + i] += c[oo + i] * r.da(a[pa + i], b[pb + i], z[oo + i]);
        }
    }

    @Override
    public void gradAVS(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c,
            double[] ga) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q];
            double s = b[bo[q]];
            for (int i = 0; i < len; i++) ga[pa + i] += c[oo + i] * r.da(a[pa + i], s, z[oo + i]);
        }
    }

    @Override
    public void gradASV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c,
            double[] ga) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pb = bo[q];
            double s = a[ao[q]], sum = 0;
            for (int i = 0; i < len; i++) sum += c[oo + i] * r.da(s, b[pb + i], z[oo + i]);
            ga[ao[q]] += sum;
        }
    }

    @Override
    public void gradBVV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c,
            double[] gb) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q], pb = bo[q];
            for (int i = 0; i < len; i++) gb[pb + i] += c[oo + i] * r.db(a[pa + i], b[pb + i], z[oo + i]);
        }
    }

    @Override
    public void gradBSV(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c,
            double[] gb) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pb = bo[q];
            double s = a[ao[q]];
            for (int i = 0; i < len; i++) gb[pb + i] += c[oo + i] * r.db(s, b[pb + i], z[oo + i]);
        }
    }

    @Override
    public void gradBVS(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] c,
            double[] gb) {
        int len = p.len;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q];
            double s = b[bo[q]], sum = 0;
            for (int i = 0; i < len; i++) sum += c[oo + i] * r.db(a[pa + i], s, z[oo + i]);
            gb[bo[q]] += sum;
        }
    }

    @Override
    public void derivative(UnaryRule r, double[] x, double[] y, double[] d, int from, int to) {
        for (int i = from; i < to; i++) d[i] = r.deriv(x[i], y[i]);
    }

    @Override
    public void partials(BinaryRule r, BroadcastPlan p, double[] a, double[] b, double[] z, double[] da, double[] db) {
        int len = p.len, sa = p.aVaries ? 1 : 0, sb = p.bVaries ? 1 : 0;
        int[] ao = p.aOff, bo = p.bOff;
        for (int q = 0, oo = 0; q < ao.length; q++, oo += len) {
            int pa = ao[q], pb = bo[q];
            if (da != null) {
                for (int i = 0; i < len; i++) da[oo + i] = r.da(a[pa + i * sa], b[pb + i * sb], z[oo + i]);
            }
            if (db != null) {
                for (int i = 0; i < len; i++) db[oo + i] = r.db(a[pa + i * sa], b[pb + i * sb], z[oo + i]);
            }
        }
    }

    // ---------------------------------------------------------------- single runs

    @Override
    public void zipSame(BinaryRule r, double[] a, double[] b, double[] o, int from, int to) {
        for (int i = from; i < to; i++) o[i] = r.apply(a[i], b[i]);
    }

    @Override
    public void zipScalarB(BinaryRule r, double[] a, double s, double[] o, int from, int to) {
        for (int i = from; i < to; i++) o[i] = r.apply(a[i], s);
    }

    @Override
    public void zipScalarA(BinaryRule r, double s, double[] b, double[] o, int from, int to) {
        for (int i = from; i < to; i++) o[i] = r.apply(s, b[i]);
    }

    @Override
    public void gradASame(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] ga, int from, int to) {
        for (int i = from; i < to; i++) ga[i] = c[i] * r.da(a[i], b[i], z[i]);
    }

    @Override
    public void gradBSame(BinaryRule r, double[] a, double[] b, double[] z, double[] c, double[] gb, int from, int to) {
        for (int i = from; i < to; i++) gb[i] = c[i] * r.db(a[i], b[i], z[i]);
    }

    @Override
    public void gradAScalarB(BinaryRule r, double[] a, double s, double[] z, double[] c, double[] ga, int from, int to) {
        for (int i = from; i < to; i++) ga[i] = c[i] * r.da(a[i], s, z[i]);
    }

    @Override
    public void gradBScalarA(BinaryRule r, double s, double[] b, double[] z, double[] c, double[] gb, int from, int to) {
        for (int i = from; i < to; i++) gb[i] = c[i] * r.db(s, b[i], z[i]);
    }
}
