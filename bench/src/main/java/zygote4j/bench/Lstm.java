package zygote4j.bench;

import static zygote4j.Zygote.withgradient;

import java.io.IOException;
import java.nio.file.Path;
import zygote4j.Grads;
import zygote4j.Real;
import zygote4j.Tensor;
import zygote4j.WithGradient;
import zygote4j.bench.adbench.Expected;
import zygote4j.bench.adbench.LstmInput;
import zygote4j.bench.adbench.LstmPlain;
import zygote4j.bench.adbench.LstmScalar;

/**
 * W7 lstm: ADBench's LSTM loss and its gradient with respect to the main and extra
 * parameters, on {@code data/lstm/lstm_l2_c1024.txt}. The reference is ADBench's own
 * expected file (its objective has 8 digits, so the value is compared to 1e-8).
 *
 * <p>The Zygote4j version ({@link LstmScalar}) is a scalar loop. The whole-vector version
 * ({@link zygote4j.bench.adbench.LstmArrays}: a loop over time of operations on each
 * layer's four gates) computes the same function but is slower here: with b = 14 its
 * 37 operations per step cost more in dispatch and tape entries than the 14 scalar
 * operations each of them replaces.
 *
 * <pre>{@code new Lstm(adbench).grad().checksum();}</pre>
 */
public final class Lstm extends AdbenchWorkload {
    private LstmInput in;
    private Tensor main, extra;
    private Reference reference;

    Lstm(Path adbench) {
        super(adbench);
    }

    @Override
    public String id() {
        return "W7";
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String size() {
        return "l=2 c=1024 b=14";
    }

    @Override
    public String libStyle() {
        return "scalar loop on Real (the whole-vector version is slower at b = 14)";
    }

    @Override
    public Reference reference() {
        return reference;
    }

    @Override
    public void setUp() {
        Path f = dataFile("lstm/lstm_l2_c1024.txt");
        try {
            in = LstmInput.read(f);
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        main = LstmScalar.main(in);
        extra = LstmScalar.extra(in);
        reference = null;
        Path e = adbench.resolve("expected").resolve("lstm_l2_c1024.expected.txt");
        try {
            var lines = Expected.read(e);
            double sum = 0;
            for (double g : lines.get(1)) sum += g;
            reference = new Reference(lines.get(0)[0], sum, 1e-8, Reference.RELATIVE, "ADBench expected/" + e.getFileName());
        } catch (IOException | RuntimeException ex) {
            reference = null;
        }
    }

    @Override
    public void tearDown() {
        in = null;
        main = extra = null;
    }

    @Override
    public double primalPlain() {
        return LstmPlain.objective(in);
    }

    @Override
    public double primalLib() {
        return LstmScalar.objective(main, extra, in).value();
    }

    @Override
    public GradResult grad() {
        WithGradient r = withgradient((m, x) -> LstmScalar.objective(m, x, in), main, extra);
        Grads g = r.grad();
        return new GradResult(((Real) r.val()).value(), Gmm.concat(g.tensor(0).toDoubleArray(), g.tensor(1).toDoubleArray()));
    }
}
