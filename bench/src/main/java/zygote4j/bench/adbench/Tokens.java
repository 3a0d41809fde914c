package zygote4j.bench.adbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the numbers of an ADBench text file one at a time. Separators are whitespace,
 * plus any extra characters given (the hand model files use {@code ':'}).
 *
 * <pre>{@code
 * Tokens t = Tokens.of(Path.of("data/gmm/test.txt"));
 * int d = t.nextInt();
 * }</pre>
 */
public final class Tokens {
    private final String text;
    private final String separators;
    private final String source;
    private int pos;

    private Tokens(String text, String separators, String source) {
        this.text = text;
        this.separators = separators;
        this.source = source;
    }

    /**
     * The tokens of a whitespace-separated file.
     *
     * <pre>{@code Tokens.of(Path.of("gmm.txt"));}</pre>
     *
     * @param file the file
     * @return the tokens
     * @throws IOException when the file cannot be read
     */
    public static Tokens of(Path file) throws IOException {
        return new Tokens(Files.readString(file), "", file.toString());
    }

    /**
     * The tokens of a text, separated by whitespace and the given characters.
     *
     * <pre>{@code Tokens.of("1:2:3", ":", "inline").nextInt();   // 1}</pre>
     *
     * @param text the text
     * @param separators extra separator characters
     * @param source a name for error messages
     * @return the tokens
     */
    public static Tokens of(String text, String separators, String source) {
        return new Tokens(text, separators, source);
    }

    private boolean isSep(char c) {
        return Character.isWhitespace(c) || separators.indexOf(c) >= 0;
    }

    /**
     * Whether another token follows.
     *
     * <pre>{@code while (t.hasNext()) t.nextDouble();}</pre>
     *
     * @return true if there is one
     */
    public boolean hasNext() {
        while (pos < text.length() && isSep(text.charAt(pos))) pos++;
        return pos < text.length();
    }

    /**
     * The next token as text.
     *
     * <pre>{@code String name = t.next();}</pre>
     *
     * @return the token
     * @throws IllegalArgumentException at the end of the file
     */
    public String next() {
        if (!hasNext()) throw new IllegalArgumentException(source + ": the file ends early (truncated or not in the expected format)");
        int start = pos;
        while (pos < text.length() && !isSep(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    /**
     * The next token as a double.
     *
     * <pre>{@code double x = t.nextDouble();}</pre>
     *
     * @return the number
     * @throws IllegalArgumentException when it is not a number
     */
    public double nextDouble() {
        String s = next();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": expected a number, found '" + s + "'");
        }
    }

    /**
     * The next token as an int.
     *
     * <pre>{@code int n = t.nextInt();}</pre>
     *
     * @return the number
     * @throws IllegalArgumentException when it is not an integer
     */
    public int nextInt() {
        String s = next();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": expected an integer, found '" + s + "'");
        }
    }

    /**
     * The next {@code n} doubles.
     *
     * <pre>{@code double[] mu = t.doubles(d);}</pre>
     *
     * @param n how many
     * @return a new array
     */
    public double[] doubles(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = nextDouble();
        return d;
    }

    /**
     * How many tokens remain (reads to the end without consuming them).
     *
     * <pre>{@code int rest = t.remaining();}</pre>
     *
     * @return the count
     */
    public int remaining() {
        int save = pos, c = 0;
        while (hasNext()) {
            next();
            c++;
        }
        pos = save;
        return c;
    }

    /**
     * The name used in error messages (the file's path).
     *
     * <pre>{@code t.source();}</pre>
     *
     * @return the name
     */
    public String source() {
        return source;
    }
}
