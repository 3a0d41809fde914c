package zygote4j;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tanh#of} over arrays with the JDK's vector API, a vector of elements at a time:
 * both formulas on every lane, then a blend, with the same operations in the same order as
 * the scalar code, so every element has the scalar result's bits. Loaded only when the
 * module {@code jdk.incubator.vector} is (see {@link KernelSettings}).
 */
final class VectorTanh {
    private VectorTanh() {
    }

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final long SIGN = Long.MIN_VALUE;

    /**
     * {@code o[i] = tanh(x[i])} for i from {@code from} to {@code to} (exclusive).
     *
     * <pre>{@code VectorTanh.map(x, o, 0, x.length);}</pre>
     */
    static void map(double[] x, double[] o, int from, int to) {
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            DoubleVector z = v.abs();
            DoubleVector s = z.mul(z);
            DoubleVector p = s.mul(Tanh.P0).add(Tanh.P1).mul(s).add(Tanh.P2);
            DoubleVector q = s.add(Tanh.Q0).mul(s).add(Tanh.Q1).mul(s).add(Tanh.Q2);
            DoubleVector small = z.add(z.mul(s.mul(p).div(q)));
            DoubleVector e = exp(z.min(Tanh.SATURATED).mul(2));
            DoubleVector large = DoubleVector.broadcast(S, 1).sub(DoubleVector.broadcast(S, 2).div(e.add(1)));
            VectorMask<Double> useLarge = z.compare(VectorOperators.GE, Tanh.SPLIT);
            DoubleVector r = small.blend(large, useLarge);
            LongVector signed = r.reinterpretAsLongs().or(v.reinterpretAsLongs().and(SIGN));
            signed.reinterpretAsDoubles().intoArray(o, i);
        }
        for (; i < to; i++) o[i] = Tanh.of(x[i]);
    }

    /** {@link Tanh#exp} lane by lane. */
    private static DoubleVector exp(DoubleVector t) {
        DoubleVector y = t.mul(Tanh.LOG2E).add(Tanh.ROUNDER);
        DoubleVector k = y.sub(Tanh.ROUNDER);
        DoubleVector minusK = k.neg();
        DoubleVector r = minusK.fma(DoubleVector.broadcast(S, Tanh.LN2_HI), t);
        r = minusK.fma(DoubleVector.broadcast(S, Tanh.LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, Tanh.C13);
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C12));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C11));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C10));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C9));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C8));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C7));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C6));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C5));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C4));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C3));
        p = p.fma(r, DoubleVector.broadcast(S, Tanh.C2));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0));
        LongVector k2 = y.reinterpretAsLongs().sub(Tanh.ROUNDER_BITS).add(1023).lanewise(VectorOperators.LSHL, 52);
        return p.mul(k2.reinterpretAsDoubles());
    }
}
