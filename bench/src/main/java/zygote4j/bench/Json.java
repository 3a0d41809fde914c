package zygote4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the benchmark needs: writing flat objects, and reading them back one
 * per line (to put our figures next to PyTorch's).
 *
 * <pre>{@code
 * Json.parseFlat("{\"a\":1.5,\"b\":\"x\"}");   // {a=1.5, b=x}
 * }</pre>
 */
public final class Json {
    private Json() {
    }

    /**
     * A JSON string literal.
     *
     * <pre>{@code Json.str("a\"b");   // "\"a\\\"b\""}</pre>
     *
     * @param s the text
     * @return the quoted, escaped text
     */
    public static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /**
     * A JSON number with every digit of the double; NaN and infinities become null.
     *
     * <pre>{@code Json.num(0.1);   // "0.1"}</pre>
     *
     * @param d the number
     * @return the text
     */
    public static String num(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    /**
     * A JSON boolean, or null.
     *
     * <pre>{@code Json.bool(null);   // "null"}</pre>
     *
     * @param b the flag
     * @return the text
     */
    public static String bool(Boolean b) {
        return b == null ? "null" : b.toString();
    }

    /**
     * Parses one flat JSON object (strings, numbers, booleans, null; no nesting).
     * Numbers come back as Double, strings as String, booleans as Boolean.
     *
     * <pre>{@code Json.parseFlat("{\"x\":2}").get("x");   // 2.0}</pre>
     *
     * @param line the object
     * @return its fields in order
     * @throws IllegalArgumentException when the text is not such an object
     */
    public static Map<String, Object> parseFlat(String line) {
        Map<String, Object> out = new LinkedHashMap<>();
        int[] pos = {skip(line, 0)};
        expect(line, pos, '{');
        if (peek(line, pos) == '}') return out;
        while (true) {
            String key = readString(line, pos);
            expect(line, pos, ':');
            out.put(key, readValue(line, pos));
            char c = peek(line, pos);
            pos[0] = skip(line, pos[0] + 1);
            if (c == '}') return out;
            if (c != ',') throw bad(line, pos[0] - 1, "',' or '}'");
        }
    }

    private static Object readValue(String s, int[] pos) {
        char c = peek(s, pos);
        if (c == '"') return readString(s, pos);
        int start = pos[0];
        while (pos[0] < s.length() && ",} \t".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
        String tok = s.substring(start, pos[0]);
        pos[0] = skip(s, pos[0]);
        switch (tok) {
            case "null": return null;
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "NaN": return Double.NaN;
            default:
                try {
                    return Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw bad(s, start, "a value");
                }
        }
    }

    private static String readString(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                pos[0] = skip(s, pos[0]);
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(pos[0]++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'u': b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16)); pos[0] += 4; break;
                    default: b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw bad(s, pos[0], "a closing '\"'");
    }

    private static char peek(String s, int[] pos) {
        if (pos[0] >= s.length()) throw bad(s, pos[0], "more text");
        return s.charAt(pos[0]);
    }

    private static void expect(String s, int[] pos, char c) {
        if (peek(s, pos) != c) throw bad(s, pos[0], "'" + c + "'");
        pos[0] = skip(s, pos[0] + 1);
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static IllegalArgumentException bad(String s, int at, String wanted) {
        return new IllegalArgumentException("JSON: expected " + wanted + " at character " + at + " of: " + s);
    }
}
