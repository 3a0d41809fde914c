package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An ADBench LSTM instance: l layers of b cells over a sequence of c characters.
 * Layout as ADBench: {@code mainParams} is 2l rows of 4b (row 2i: layer i's weights
 * [forget | ingate | outgate | change], row 2i+1: its biases in the same order),
 * {@code extraParams} is 3 rows of b (input weights, output weights, output biases),
 * {@code state} is 2l rows of b (row 2i: layer i's hidden state, row 2i+1: its cell
 * state), {@code sequence} is c rows of b.
 *
 * <pre>{@code LstmInput.read(Path.of("data/lstm/lstm_l2_c1024.txt")).c();   // 1024}</pre>
 *
 * @param l layers
 * @param c sequence length
 * @param b cells per layer (the character width)
 * @param mainParams 2l x 4b, row-major
 * @param extraParams 3 x b, row-major
 * @param state 2l x b, row-major (the initial state)
 * @param sequence c x b, row-major
 */
public record LstmInput(int l, int c, int b, double[] mainParams, double[] extraParams, double[] state,
        double[] sequence) {
    /**
     * Reads an ADBench LSTM file.
     *
     * <pre>{@code LstmInput.read(Path.of("data/lstm/lstm_l2_c1024.txt"));}</pre>
     *
     * @param file the file
     * @return the instance
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not an LSTM file
     */
    public static LstmInput read(Path file) throws IOException {
        Tokens t = Tokens.of(file);
        int l = t.nextInt(), c = t.nextInt(), b = t.nextInt();
        if (l <= 0 || c <= 1 || b <= 0) throw new IllegalArgumentException(file + ": bad LSTM sizes l=" + l + " c=" + c + " b=" + b);
        double[] main = t.doubles(2 * l * 4 * b);
        double[] extra = t.doubles(3 * b);
        double[] state = t.doubles(2 * l * b);
        double[] seq = t.doubles(c * b);
        if (t.hasNext()) throw new IllegalArgumentException(file + ": more numbers than l=" + l + " c=" + c + " b=" + b + " explain");
        return new LstmInput(l, c, b, main, extra, state, seq);
    }
}
