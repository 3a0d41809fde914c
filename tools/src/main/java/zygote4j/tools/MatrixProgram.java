package zygote4j.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * A random straight-line program over M x M matrices: each step applies a
 * {@link MatrixFuzzOp} or, now and then, an elementwise {@link FuzzOp}, to earlier
 * values; the result is a weighted sum of the last values' elements.
 */
final class MatrixProgram {
    private final int inputs;
    private final List<int[]> steps = new ArrayList<>();
    private final List<Object> ops = new ArrayList<>();
    private final double[] weights;

    private MatrixProgram(int inputs, double[] weights) {
        this.inputs = inputs;
        this.weights = weights;
    }

    static MatrixProgram random(Random r, int inputs, int length) {
        int outputs = Math.min(2, length);
        double[] w = new double[outputs];
        for (int i = 0; i < outputs; i++) w[i] = r.nextDouble() * 2 - 1;
        MatrixProgram p = new MatrixProgram(inputs, w);
        MatrixFuzzOp[] matrix = MatrixFuzzOp.values();
        FuzzOp[] elementwise = FuzzOp.values();
        for (int s = 0; s < length; s++) {
            p.ops.add(r.nextInt(3) == 0 ? elementwise[r.nextInt(elementwise.length)] : matrix[r.nextInt(matrix.length)]);
            int avail = inputs + s;
            p.steps.add(new int[] {Math.max(0, avail - 1 - r.nextInt(Math.min(avail, 3))), r.nextInt(avail)});
        }
        return p;
    }

    int inputs() {
        return inputs;
    }

    Real run(List<Tensor> x) {
        List<Tensor> v = new ArrayList<>(x);
        for (int s = 0; s < ops.size(); s++) {
            Tensor a = v.get(steps.get(s)[0]), b = v.get(steps.get(s)[1]);
            Object op = ops.get(s);
            v.add(op instanceof MatrixFuzzOp m ? m.apply(a, b) : ((FuzzOp) op).tensor(a, b));
        }
        Real out = Real.ZERO;
        for (int i = 0; i < weights.length; i++) out = out.plus(v.get(v.size() - 1 - i).sum().times(weights[i]));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < ops.size(); s++) {
            int[] st = steps.get(s);
            sb.append("m").append(inputs + s).append(" = ").append(ops.get(s).toString().toLowerCase())
                    .append("(m").append(st[0]).append(", m").append(st[1]).append(")\n");
        }
        sb.append("out = ");
        for (int i = 0; i < weights.length; i++) {
            if (i > 0) sb.append(" + ");
            sb.append(weights[i]).append(" * sum(m").append(inputs + ops.size() - 1 - i).append(")");
        }
        return sb.toString();
    }
}
