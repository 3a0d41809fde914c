package zygote4j.bench.adbench;

import static zygote4j.Zygote.at;
import static zygote4j.Zygote.range;

import zygote4j.Real;
import zygote4j.Tensor;

/**
 * ADBench's LSTM objective with whole-vector operations: one loop over time, and in each
 * step each layer's four gates computed together on vectors of 4b (the inputs laid out
 * as [x | h | x | h] against the layer's weight row), then split. The same function as
 * {@link LstmPlain}; parameters are the same tensors as {@link LstmScalar}'s.
 *
 * <pre>{@code
 * gradient((m, e) -> LstmArrays.objective(m, e, in), LstmScalar.main(in), LstmScalar.extra(in));
 * }</pre>
 */
public final class LstmArrays {
    private LstmArrays() {
    }

    /**
     * The loss.
     *
     * <pre>{@code LstmArrays.objective(main, extra, in).value();}</pre>
     *
     * @param main [2l, 4b]
     * @param extra [3, b]
     * @param in sizes, initial state and sequence
     * @return the loss
     */
    public static Real objective(Tensor main, Tensor extra, LstmInput in) {
        int l = in.l(), c = in.c(), b = in.b();
        Tensor[] weight = new Tensor[l], bias = new Tensor[l];
        for (int layer = 0; layer < l; layer++) {
            weight[layer] = main.slice(at(2 * layer));
            bias[layer] = main.slice(at(2 * layer + 1));
        }
        Tensor inWeight = extra.slice(at(0)), outWeight = extra.slice(at(1)), outBias = extra.slice(at(2));
        Tensor[] hidden = new Tensor[l], cell = new Tensor[l];
        double[] state = in.state();
        for (int layer = 0; layer < l; layer++) {
            hidden[layer] = Tensor.of(java.util.Arrays.copyOfRange(state, 2 * layer * b, (2 * layer + 1) * b));
            cell[layer] = Tensor.of(java.util.Arrays.copyOfRange(state, (2 * layer + 1) * b, (2 * layer + 2) * b));
        }
        Tensor seq = Tensor.of(in.sequence()).reshape(c, b);
        Real total = Real.ZERO;
        for (int t = 0; t + 1 < c; t++) {
            Tensor x = inWeight.times(seq.slice(at(t)));
            for (int layer = 0; layer < l; layer++) {
                Tensor h = hidden[layer];
                Tensor pre = Tensor.concat(0, x, h, x, h).times(weight[layer]).plus(bias[layer]);
                Tensor gates = pre.slice(range(0, 3 * b)).sigmoid(), change = pre.slice(range(3 * b, 4 * b)).tanh();
                Tensor forget = gates.slice(range(0, b)), ingate = gates.slice(range(b, 2 * b));
                Tensor outgate = gates.slice(range(2 * b, 3 * b));
                cell[layer] = cell[layer].times(forget).plus(ingate.times(change));
                hidden[layer] = outgate.times(cell[layer].tanh());
                x = hidden[layer];
            }
            Tensor y = x.times(outWeight).plus(outBias);
            // ADBench's normaliser log(sum(exp(y)) + 2).
            Real lse = y.exp().sum().plus(2).log();
            total = total.plus(y.minus(lse).times(seq.slice(at(t + 1))).sum());
        }
        return total.neg().div((c - 1) * b);
    }
}
