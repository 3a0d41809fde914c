package zygote4j.examples;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an example's comment claims about its line, as in {@code expr;   // 3.0}:
 * <ul>
 *   <li>a value: a number ({@code 3.0}, {@code -1}, {@code NaN}), {@code true}/{@code false},
 *       a string literal ({@code "..."}), or something in brackets ({@code (3.0, 2.0)},
 *       {@code [1.0, 2.0]}), optionally followed by a remark after a space, a comma or a colon
 *       ({@code 1.0  (forward mode)}, {@code (NaN,): 0 * Infinity});</li>
 *   <li>{@code returns VALUE}, the same;</li>
 *   <li>{@code prints TEXT} or {@code prints TEXT, returns VALUE}: what the line prints;</li>
 *   <li>{@code throws SomeException...}: the line throws that exception.</li>
 * </ul>
 * Any other comment is a remark, and its line runs as setup without a check.
 *
 * @param value the claimed value, or null
 * @param printed the claimed printed text, or null
 * @param thrown the claimed exception's simple name, or null
 */
record DocExpectation(String value, String printed, String thrown) {
    static final DocExpectation NONE = new DocExpectation(null, null, null);

    private static final Pattern NUMBER = Pattern.compile(
            "^(-?(\\d+(\\.\\d*)?([eE][-+]?\\d+)?|NaN|Infinity)|true|false)(?=$|[\\s:,])");
    private static final Pattern THROWS = Pattern.compile("^throws (\\w+)");

    boolean checksSomething() {
        return value != null || printed != null || thrown != null;
    }

    static DocExpectation parse(String comment) {
        if (comment == null) return NONE;
        String c = comment.strip();
        Matcher t = THROWS.matcher(c);
        if (t.find()) return new DocExpectation(null, null, t.group(1));
        String printed = null;
        if (c.startsWith("prints ")) {
            int r = c.indexOf(", returns ");
            printed = c.substring("prints ".length(), r < 0 ? c.length() : r).strip();
            c = r < 0 ? "" : c.substring(r + ", returns ".length());
        } else if (c.startsWith("returns ")) {
            c = c.substring("returns ".length());
        }
        return new DocExpectation(valuePrefix(c.strip()), printed, null);
    }

    /** The value at the start of {@code c}, or null when c does not start with one. */
    static String valuePrefix(String c) {
        if (c.isEmpty()) return null;
        Matcher n = NUMBER.matcher(c);
        if (n.find()) return n.group();
        char first = c.charAt(0);
        if (first != '(' && first != '[' && first != '"') return null;
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (inString) {
                if (ch == '\\') i++;
                else if (ch == '"') inString = false;
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                depth--;
            }
            if (depth == 0 && !inString) {
                String rest = c.substring(i + 1);
                boolean remark = rest.isEmpty() || rest.startsWith(" ") || rest.startsWith(":") || rest.startsWith(",");
                return remark ? c.substring(0, i + 1) : null;
            }
        }
        return null;
    }

    /** Compares texts with every run of white space (line breaks, alignment) taken as one space. */
    static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
