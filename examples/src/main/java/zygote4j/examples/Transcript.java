package zygote4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import zygote4j.Zygote;

/**
 * Writes a readable transcript of examples: for each, the Java code, what running it
 * printed (standard output and {@code showgrad}), and what it returned or threw, with the
 * labels aligned. It also keeps every entry, so that a test can check them.
 */
final class Transcript {
    /** One example as it ran: {@code printed}, {@code returned} and {@code thrown} are null when absent. */
    record Entry(String code, String printed, String returned, String thrown) {
    }

    private static final String INDENT = "    ";
    /** The width long messages are wrapped to. */
    private static final int WIDTH = 100;
    private static final String PRINTS = "  prints:  ", RETURNS = "  returns: ", THROWS = "  throws:  ";

    private final PrintStream out;
    private final List<Entry> entries = new ArrayList<>();
    private int sections;

    Transcript(PrintStream out) {
        this.out = out;
    }

    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The transcript's title, underlined. */
    void title(String title, String... lines) {
        out.println(title);
        out.println("=".repeat(title.length()));
        for (String line : lines) out.println(line);
    }

    /** A numbered section heading: the Java name, Zygote's name, and a line of explanation. */
    void section(String java, String zygote, String... explanation) {
        String heading = ++sections + ". " + java + (zygote == null ? "" : "    (Zygote: " + zygote + ")");
        out.println();
        out.println(heading);
        out.println("-".repeat(heading.length()));
        for (String line : explanation) out.println(line);
    }

    /** A line of prose between examples. */
    void note(String text) {
        out.println();
        out.println(text);
    }

    /** Code that defines something used by the examples after it (nothing runs). */
    void define(String code) {
        out.println();
        printCode(code);
    }

    /** Runs an example that returns a value, and writes its code, output and value. */
    Entry show(String code, Supplier<Object> body) {
        return record(code, body, true);
    }

    /** Runs an example that is a statement (no value), and writes its code and output. */
    Entry run(String code, Runnable body) {
        return record(code, () -> {
            body.run();
            return null;
        }, false);
    }

    private Entry record(String code, Supplier<Object> body, boolean hasValue) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        Object value = null;
        String thrown = null;
        System.setOut(capture);
        Zygote.setShowgradOutput(capture);
        try {
            value = body.get();
        } catch (RuntimeException e) {
            thrown = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            System.setOut(stdout);
            Zygote.setShowgradOutput(null);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8).stripTrailing();
        String returned = thrown == null && hasValue ? String.valueOf(value) : null;
        Entry e = new Entry(code, printed.isEmpty() ? null : printed, returned, thrown);
        entries.add(e);
        out.println();
        printCode(code);
        if (e.printed() != null) printLabelled(PRINTS, e.printed());
        if (e.returned() != null) printLabelled(RETURNS, e.returned());
        if (e.thrown() != null) printLabelled(THROWS, wrap(e.thrown(), WIDTH - INDENT.length() - THROWS.length()));
        return e;
    }

    /** Breaks a long message into lines of at most {@code width} characters, at spaces. */
    static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            int lineLength = sb.length() - lineStart;
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                sb.append('\n');
                lineStart = sb.length();
            } else if (lineLength > 0) {
                sb.append(' ');
            }
            sb.append(word);
        }
        return sb.toString();
    }

    private void printCode(String code) {
        for (String line : code.split("\n")) out.println(INDENT + line);
    }

    /** A label and a value; continuation lines line up under the value's first character. */
    private void printLabelled(String label, String value) {
        String pad = " ".repeat(INDENT.length() + label.length());
        String[] lines = value.split("\n");
        out.println(INDENT + label + lines[0]);
        for (int i = 1; i < lines.length; i++) out.println(pad + lines[i]);
    }
}
