package zygote4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Runs documentation examples in JShell, as a user would type them into
 * {@code ./zygote4j shell}, and checks each line against its comment (see
 * {@link DocExpectation}). Every example starts from a clean state with
 * {@code import zygote4j.*; import static zygote4j.Zygote.*; import java.util.*;}, plus,
 * for a member's Javadoc example, the declarations of its class's example.
 */
final class DocSession implements AutoCloseable {
    static final List<String> IMPORTS = List.of("import zygote4j.*;", "import static zygote4j.Zygote.*;",
            "import java.util.*;");

    /** JShell's value of an array, {@code int[2] { 2, 3 }}, which the examples write {@code [2, 3]}. */
    private static final Pattern ARRAY = Pattern.compile("(?s)^[\\w.]+\\[\\d+\\] \\{ ?(.*?) ?\\}$");

    private final JShell shell;
    /** The context now in force, and the snippets that make it up. */
    private List<String> context = List.of();
    private Set<Snippet> contextSnippets = new HashSet<>();

    /** The outcome of one example: what was checked, and what went wrong. */
    static final class Outcome {
        int checkedLines;
        final List<String> failures = new ArrayList<>();
    }

    DocSession(String classPath) {
        // -g, as ./zygote4j shell does, so that showgrad can read variable names.
        shell = JShell.builder().executionEngine("local").compilerOptions("-g").build();
        shell.addToClasspath(classPath);
    }

    /** Runs {@code block}, checking every line whose comment claims something. */
    Outcome run(DocBlocks.Block block) {
        Outcome out = new Outcome();
        // The one global setting an example may change (the examples run in this JVM).
        zygote4j.Zygote.setShowgradOutput(null);
        if (!block.context().equals(context) || contextSnippets.isEmpty() || !allActive(contextSnippets)) {
            setContext(block, out);
            if (!out.failures.isEmpty()) return out;
        }
        dropAllBut(contextSnippets);
        List<String> lines = block.lines();
        StringBuilder code = new StringBuilder();
        SnippetEvent last = null;
        for (int i = 0; i < lines.size(); i++) {
            String[] split = splitComment(lines.get(i));
            if (code.length() == 0 && split[0].isBlank()) continue;
            code.append(split[0]).append('\n');
            if (!complete(code.toString())) continue;
            String where = block.file() + ":" + (block.line() + i);
            String comment = split[1];
            if (!DocExpectation.parse(comment).checksSomething()) {
                // A result too long for the line is written on the comment lines after it.
                StringBuilder below = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && lines.get(j).strip().startsWith("//")) {
                    below.append(' ').append(lines.get(j).strip().substring(2));
                    j++;
                }
                if (below.length() > 0 && DocExpectation.parse(below.toString()).checksSomething()) {
                    comment = below.toString();
                    i = j - 1;
                }
            }
            last = runLine(code.toString(), DocExpectation.parse(comment), where,
                    block.thrown() != null && isLastCode(lines, i), out);
            code.setLength(0);
            if (!out.failures.isEmpty()) return out;
        }
        if (code.length() > 0) out.failures.add(block.where() + ": the example ends in incomplete code: " + code);
        if (block.thrown() != null) checkThrown(block, last, out);
        return out;
    }

    /** Starts afresh: the imports, then the block's context. */
    private void setContext(DocBlocks.Block block, Outcome out) {
        dropAllBut(Set.of());
        context = block.context();
        contextSnippets = new HashSet<>();
        String code = String.join("\n", IMPORTS) + "\n"
                + context.stream().map(l -> splitComment(l)[0]).collect(Collectors.joining("\n"));
        for (String source : snippets(code)) {
            for (SnippetEvent e : quietly(source)) {
                if (e.causeSnippet() != null) continue;
                if (e.status() != Snippet.Status.VALID || e.exception() != null) {
                    out.failures.add(block.where() + ": the example of the class, which this one builds on, fails at "
                            + source.strip() + ": " + problem(e));
                    contextSnippets = new HashSet<>();
                    return;
                }
                contextSnippets.add(e.snippet());
            }
        }
    }

    private SnippetEvent runLine(String code, DocExpectation expect, String where, boolean mayThrow, Outcome out) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        SnippetEvent last = null;
        try {
            List<String> sources = snippets(code);
            for (int k = 0; k < sources.size(); k++) {
                for (SnippetEvent e : shell.eval(sources.get(k))) {
                    if (e.causeSnippet() != null) continue;
                    last = e;
                    boolean lastOfLine = k == sources.size() - 1;
                    boolean expectedThrow = lastOfLine && (expect.thrown() != null || mayThrow);
                    if (e.status() != Snippet.Status.VALID || (e.exception() != null && !expectedThrow)) {
                        out.failures.add(where + ": " + sources.get(k).strip() + "\n  " + problem(e));
                        return last;
                    }
                }
            }
        } finally {
            System.setOut(stdout);
        }
        if (last == null) return null;
        if (expect.thrown() != null) {
            String name = last.exception() == null ? null : simpleName(last.exception());
            if (!expect.thrown().equals(name)) {
                out.failures.add(where + ": " + code.strip() + "\n  the comment says it throws " + expect.thrown()
                        + " but it " + (name == null ? "returned " + last.value() : "threw " + name));
            }
        }
        if (expect.value() != null) {
            String actual = display(last.value());
            if (last.value() == null || last.value().isEmpty()) {
                out.failures.add(where + ": " + code.strip() + "\n  the comment shows the value " + expect.value()
                        + " but the line has no value");
            } else if (!DocExpectation.normalize(actual).equals(DocExpectation.normalize(expect.value()))) {
                out.failures.add(where + ": " + code.strip() + "\n  the comment says " + DocExpectation.normalize(
                        expect.value()) + "\n  but the value is     " + DocExpectation.normalize(actual));
            }
        }
        if (expect.printed() != null) {
            String actual = printed.toString(StandardCharsets.UTF_8);
            if (!DocExpectation.normalize(actual).equals(DocExpectation.normalize(expect.printed()))) {
                out.failures.add(where + ": " + code.strip() + "\n  the comment says it prints " + expect.printed()
                        + "\n  but it printed " + actual.strip());
            }
        }
        if (expect.checksSomething()) out.checkedLines++;
        return last;
    }

    /** A Markdown example shown with its exception: the last line throws exactly that. */
    private static void checkThrown(DocBlocks.Block block, SnippetEvent last, Outcome out) {
        int colon = block.thrown().indexOf(": ");
        String type = block.thrown().substring(0, colon), message = block.thrown().substring(colon + 2);
        if (last == null || last.exception() == null) {
            out.failures.add(block.where() + ": the page shows " + type + " but the example threw nothing");
            return;
        }
        String name = simpleName(last.exception());
        String got = last.exception().getMessage();
        if (!type.equals(name) || got == null || !matches(message, got)) {
            out.failures.add(block.where() + ": the page shows\n  " + block.thrown() + "\n  but the example threw\n  "
                    + name + ": " + got);
        } else {
            out.checkedLines++;
        }
    }

    /** The documented message as a pattern: "…" stands for any text. */
    static boolean matches(String documented, String actual) {
        StringBuilder re = new StringBuilder();
        for (String part : documented.split("…", -1)) {
            if (re.length() > 0) re.append(".*");
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    private static boolean isLastCode(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!splitComment(lines.get(j))[0].isBlank()) return false;
        }
        return true;
    }

    private static String simpleName(Exception e) {
        String n = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private String problem(SnippetEvent e) {
        if (e.exception() != null) {
            return "threw " + simpleName(e.exception()) + ": " + e.exception().getMessage();
        }
        String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("; "));
        String unresolved = e.snippet() instanceof DeclarationSnippet d
                ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
        return e.status() + (diags.isEmpty() ? "" : ": " + diags)
                + (unresolved.isEmpty() ? "" : " (undefined: " + unresolved + ")");
    }

    /** JShell's value as the examples write it: arrays as {@code [2, 3]}. */
    static String display(String value) {
        if (value == null) return null;
        var m = ARRAY.matcher(value);
        return m.matches() ? "[" + m.group(1) + "]" : value;
    }

    /**
     * Whether {@code code} is whole snippets, none left open. An example's statement ends
     * with a semicolon or a brace: a line without one continues on the next line, even
     * when it would be a complete expression alone.
     */
    private boolean complete(String code) {
        String end = code.strip();
        if (!end.endsWith(";") && !end.endsWith("}")) return false;
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo ci = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            Completeness c = ci.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) return false;
            if (c == Completeness.EMPTY) return true;
            rest = ci.remaining();
        }
        return true;
    }

    /** The snippets of complete code, in order. */
    private List<String> snippets(String code) {
        List<String> out = new ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo ci = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            if (ci.completeness() == Completeness.EMPTY) break;
            out.add(ci.source() == null ? rest : ci.source());
            if (ci.source() == null) break;
            rest = ci.remaining();
        }
        return out;
    }

    private List<SnippetEvent> quietly(String source) {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return shell.eval(source);
        } finally {
            System.setOut(stdout);
        }
    }

    private boolean allActive(Set<Snippet> snippets) {
        for (Snippet s : snippets) {
            if (!shell.status(s).isActive()) return false;
        }
        return true;
    }

    private void dropAllBut(Set<Snippet> keep) {
        for (Snippet s : shell.snippets().toList()) {
            if (!keep.contains(s) && shell.status(s).isActive()) shell.drop(s);
        }
    }

    /** A line split into its code and its trailing {@code //} comment (null for none). */
    static String[] splitComment(String line) {
        boolean inString = false, inChar = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString || inChar) {
                if (c == '\\') i++;
                else if (inString && c == '"') inString = false;
                else if (inChar && c == '\'') inChar = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return new String[] {line.substring(0, i), line.substring(i + 2)};
            }
        }
        return new String[] {line, null};
    }

    @Override
    public void close() {
        shell.close();
    }
}
