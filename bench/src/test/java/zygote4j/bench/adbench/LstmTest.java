package zygote4j.bench.adbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zygote4j.Zygote.withgradient;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import zygote4j.Grads;
import zygote4j.Real;
import zygote4j.WithGradient;

class LstmTest {
    private static LstmInput input() throws IOException {
        return LstmInput.read(Resources.adbench("data/lstm/lstm_l2_c1024.txt"));
    }

    private static List<double[]> expected() throws IOException {
        return Expected.read(Resources.adbench("expected/lstm_l2_c1024.expected.txt"));
    }

    @Test
    void readsTheInstance() throws IOException {
        LstmInput in = input();
        assertEquals(2, in.l());
        assertEquals(1024, in.c());
        assertEquals(14, in.b());
        assertEquals(2 * 2 * 4 * 14, in.mainParams().length);
        assertEquals(0.7477620204927391, in.mainParams()[0], 0);
        assertEquals(1024 * 14, in.sequence().length);
    }

    @Test
    void plainObjectiveMatchesAdbench() throws IOException {
        AdbenchAssert.close(expected().get(0)[0], LstmPlain.objective(input()), "LSTM objective (plain)");
    }

    @Test
    void plainObjectiveLeavesTheInstanceStateAlone() throws IOException {
        LstmInput in = input();
        double first = LstmPlain.objective(in);
        assertEquals(first, LstmPlain.objective(in), 0);
    }

    @Test
    void zygoteObjectiveAndGradientMatchAdbench() throws IOException {
        LstmInput in = input();
        WithGradient r = withgradient((m, e) -> LstmScalar.objective(m, e, in), LstmScalar.main(in), LstmScalar.extra(in));
        AdbenchAssert.close(expected().get(0)[0], ((Real) r.val()).value(), "LSTM objective (Zygote4j)");
        assertEquals(LstmPlain.objective(in), ((Real) r.val()).value(), 1e-13);
        Grads g = r.grad();
        double[] all = GmmTest.concat(g.tensor(0).toDoubleArray(), g.tensor(1).toDoubleArray());
        AdbenchAssert.close(expected().get(1), all, "LSTM gradient [main, extra]");
    }

    @Test
    void wholeVectorObjectiveAndGradientMatchAdbench() throws IOException {
        LstmInput in = input();
        WithGradient r = withgradient((m, e) -> LstmArrays.objective(m, e, in), LstmScalar.main(in), LstmScalar.extra(in));
        AdbenchAssert.close(expected().get(0)[0], ((Real) r.val()).value(), "LSTM objective (whole-vector)");
        assertEquals(LstmPlain.objective(in), ((Real) r.val()).value(), 1e-13);
        Grads g = r.grad();
        double[] all = GmmTest.concat(g.tensor(0).toDoubleArray(), g.tensor(1).toDoubleArray());
        AdbenchAssert.close(expected().get(1), all, "LSTM gradient [main, extra] (whole-vector)");
    }
}
