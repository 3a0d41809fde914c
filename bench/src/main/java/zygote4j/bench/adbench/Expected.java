package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of an ADBench {@code expected/*.expected.txt} file: {@code #} lines are
 * comments, each other line is one block of whitespace-separated numbers.
 *
 * <pre>{@code
 * List<double[]> e = Expected.read(Path.of("expected/gmm_test.expected.txt"));
 * e.get(0)[0];   // the objective
 * }</pre>
 */
public final class Expected {
    private Expected() {
    }

    /**
     * The numeric lines of the file, in order.
     *
     * <pre>{@code Expected.read(file).get(1);   // the gradient line}</pre>
     *
     * @param file the expected file
     * @return one array per non-comment, non-blank line
     * @throws IOException when it cannot be read
     */
    public static List<double[]> read(Path file) throws IOException {
        List<double[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.trim();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] parts = s.split("\\s+");
            double[] d = new double[parts.length];
            for (int i = 0; i < d.length; i++) d[i] = Double.parseDouble(parts[i]);
            out.add(d);
        }
        return out;
    }

    /**
     * ADBench's test tolerance: {@code |x - y| / max(1, |x| + |y|) <= tol}.
     *
     * <pre>{@code Expected.close(1.0, 1.0 + 1e-9, 1e-8);   // true}</pre>
     *
     * @param x one number
     * @param y the other
     * @param tol the tolerance (ADBench uses 1e-8)
     * @return true when close
     */
    public static boolean close(double x, double y, double tol) {
        return Math.abs(x - y) / Math.max(1, Math.abs(x) + Math.abs(y)) <= tol;
    }
}
