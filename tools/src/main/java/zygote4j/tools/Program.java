package zygote4j.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import zygote4j.Real;
import zygote4j.Tensor;

/**
 * A random straight-line program over {@code inputs} variables: each step applies one
 * {@link FuzzOp} to earlier values; the result is a weighted sum of the last values.
 * The same program runs on scalars ({@link #onReals}) and elementwise on tensors
 * ({@link #onTensors}), so the two implementations of every rule check each other.
 */
final class Program {
    private final int inputs;
    private final List<int[]> steps = new ArrayList<>();
    private final List<FuzzOp> ops = new ArrayList<>();
    private final double[] weights;

    private Program(int inputs, double[] weights) {
        this.inputs = inputs;
        this.weights = weights;
    }

    static Program random(Random r, int inputs, int length) {
        int outputs = Math.min(3, length);
        double[] w = new double[outputs];
        for (int i = 0; i < outputs; i++) w[i] = r.nextDouble() * 2 - 1;
        Program p = new Program(inputs, w);
        FuzzOp[] all = FuzzOp.values();
        for (int s = 0; s < length; s++) {
            FuzzOp op = all[r.nextInt(all.length)];
            int avail = inputs + s;
            // Favour recent values so that programs are deep, not just wide.
            int a = Math.max(0, avail - 1 - r.nextInt(Math.min(avail, 4)));
            int b = r.nextInt(avail);
            p.ops.add(op);
            p.steps.add(new int[] {a, b});
        }
        return p;
    }

    int inputs() {
        return inputs;
    }

    Real onReals(List<Real> x) {
        List<Real> v = new ArrayList<>(x);
        for (int s = 0; s < ops.size(); s++) {
            int[] st = steps.get(s);
            v.add(ops.get(s).real(v.get(st[0]), v.get(st[1])));
        }
        Real out = Real.ZERO;
        for (int i = 0; i < weights.length; i++) out = out.plus(v.get(v.size() - 1 - i).times(weights[i]));
        return out;
    }

    /** Runs the program on each row of the columns at once: inputs are equal-shaped tensors. */
    Tensor onTensors(List<Tensor> x) {
        List<Tensor> v = new ArrayList<>(x);
        for (int s = 0; s < ops.size(); s++) {
            int[] st = steps.get(s);
            v.add(ops.get(s).tensor(v.get(st[0]), v.get(st[1])));
        }
        Tensor out = v.get(v.size() - 1).times(weights[0]);
        for (int i = 1; i < weights.length; i++) out = out.plus(v.get(v.size() - 1 - i).times(weights[i]));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < ops.size(); s++) {
            int[] st = steps.get(s);
            sb.append("v").append(inputs + s).append(" = ").append(ops.get(s).name().toLowerCase())
                    .append("(v").append(st[0]);
            if (ops.get(s).arity == 2) sb.append(", v").append(st[1]);
            sb.append(")\n");
        }
        sb.append("out = ");
        for (int i = 0; i < weights.length; i++) {
            if (i > 0) sb.append(" + ");
            sb.append(weights[i]).append(" * v").append(inputs + ops.size() - 1 - i);
        }
        return sb.toString();
    }
}
