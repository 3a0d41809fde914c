package zygote4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code examples of the documentation, read from the sources: every
 * {@code <pre>{@code ...}</pre>} of the library's Javadoc, and every {@code ```java} block
 * of the Markdown pages.
 */
final class DocBlocks {
    private DocBlocks() {
    }

    /**
     * One example.
     *
     * @param file the file it is in, e.g. {@code Tensor.java} or {@code README.md}
     * @param line the line of the file where its code starts
     * @param lines its code, one entry per line, without Javadoc's leading {@code *}
     * @param context for a Javadoc example of a member: the example(s) of its class, whose
     *     declarations the member's example may use; empty otherwise
     * @param thrown for a Markdown example followed by a {@code ```text} block of the form
     *     {@code Exception: message}: that text; null otherwise
     */
    record Block(String file, int line, List<String> lines, List<String> context, String thrown) {
        /** {@code Tensor.java:120}. */
        String where() {
            return file + ":" + line;
        }

        /** The first line of code, which names the block in the skip list. */
        String firstLine() {
            return lines.stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        }
    }

    private static final Pattern PRE = Pattern.compile("<pre>\\{@code(.*?)\\}</pre>", Pattern.DOTALL);
    /** The declaration of a file's top-level public type, at the start of a line. */
    private static final Pattern TYPE = Pattern.compile("(?m)^public .*?\\b(class|interface|record|enum) ");
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```\\n", Pattern.DOTALL);
    private static final Pattern EXCEPTION = Pattern.compile("(?s)\\w+(Exception|Error): .*");

    /**
     * The Javadoc examples of every source file in {@code dir} that declares a public type
     * (the published API), file by file in name order.
     */
    static List<Block> javadoc(Path dir) {
        List<Block> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.addAll(javadoc(f.getFileName().toString(), Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Block> javadoc(String file, String text) {
        Matcher type = TYPE.matcher(text);
        // Internal classes' examples call package-private code, which users cannot.
        if (!type.find()) return List.of();
        int typeAt = type.start();
        List<Block> blocks = new ArrayList<>();
        List<String> context = new ArrayList<>();
        Matcher m = PRE.matcher(text);
        while (m.find()) {
            List<String> lines = new ArrayList<>();
            for (String l : m.group(1).split("\n", -1)) {
                lines.add(l.replaceFirst("^\\s*\\* ?", ""));
            }
            // A one-line block keeps its code on the first line; a multi-line one starts on the next.
            if (lines.get(0).isBlank()) lines.remove(0);
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
            int line = lineOf(text, m.start(1)) + (m.group(1).startsWith("\n") ? 1 : 0);
            boolean ofType = m.start() < typeAt;
            blocks.add(new Block(file, line, List.copyOf(lines), ofType ? List.of() : List.copyOf(context), null));
            if (ofType) context.addAll(lines);
        }
        return blocks;
    }

    /** A public or protected member's declaration, or an interface method's, at the start of a line. */
    private static final Pattern MEMBER = Pattern.compile(
            "(?m)^( {4}| {8})?(((public|protected) [^=;]*?\\()|((public|protected) .*\\b(class|interface|record|enum) ))");
    private static final Pattern INTERFACE_METHOD = Pattern.compile("(?m)^ {4}[\\w<][^=(]* \\w+\\([^)]*\\);$");

    /**
     * The public and protected members (methods, constructors, nested types; every method
     * of a public interface) of the files in {@code dir} that declare a public type, whose
     * Javadoc has no {@code <pre>{@code ...}</pre>} example, as {@code File.java:line: declaration}.
     */
    static List<String> membersWithoutExample(Path dir) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                if (!TYPE.matcher(text).find()) continue;
                List<Integer> starts = new ArrayList<>();
                Matcher m = MEMBER.matcher(text);
                while (m.find()) starts.add(m.start());
                if (Pattern.compile("(?m)^public .*interface ").matcher(text).find()) {
                    Matcher im = INTERFACE_METHOD.matcher(text);
                    while (im.find()) starts.add(im.start());
                }
                for (int start : starts) {
                    String before = text.substring(0, start).stripTrailing();
                    // Annotations may stand between the comment and the declaration.
                    while (true) {
                        int nl = before.lastIndexOf('\n');
                        if (!before.substring(nl + 1).strip().startsWith("@")) break;
                        before = before.substring(0, Math.max(nl, 0)).stripTrailing();
                    }
                    int open = before.lastIndexOf("/**");
                    boolean documented = before.endsWith("*/") && open >= 0;
                    if (!documented || !before.substring(open).contains("<pre>{@code")) {
                        String decl = text.substring(start, text.indexOf('\n', start)).strip();
                        out.add(f.getFileName() + ":" + lineOf(text, start) + ": " + decl);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The {@code ```java} blocks of a Markdown page. */
    static List<Block> markdown(Path page) {
        String text;
        try {
            text = Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        List<int[]> java = new ArrayList<>();
        List<String[]> fences = new ArrayList<>();
        while (m.find()) {
            java.add(new int[] {m.start(2), m.end()});
            fences.add(new String[] {m.group(1), m.group(2)});
        }
        for (int i = 0; i < fences.size(); i++) {
            if (!fences.get(i)[0].equals("java")) continue;
            String thrown = null;
            // The exception shown right after the example (only blank lines between).
            if (i + 1 < fences.size() && fences.get(i + 1)[0].equals("text")
                    && text.substring(java.get(i)[1], java.get(i + 1)[0]).strip().equals("```text")) {
                String shown = fences.get(i + 1)[1].strip();
                if (EXCEPTION.matcher(shown).matches()) thrown = shown;
            }
            List<String> lines = Arrays.asList(fences.get(i)[1].split("\n"));
            out.add(new Block(page.getFileName().toString(), lineOf(text, java.get(i)[0]), List.copyOf(lines), List.of(),
                    thrown));
        }
        return out;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
