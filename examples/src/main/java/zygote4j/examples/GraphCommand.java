package zygote4j.examples;

import static zygote4j.Zygote.graph;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import zygote4j.Graph;
import zygote4j.Tensor;

/**
 * {@code ./zygote4j graph [--out FILE] [example]}: draws one of a few small computations
 * with {@code graph(f, args...)}, as an SVG picture when Graphviz's {@code dot} program is
 * installed, and as the DOT text otherwise.
 *
 * <pre>{@code
 * ./zygote4j graph                      # graph-scalar.svg (or graph-scalar.dot without Graphviz)
 * ./zygote4j graph network --out n.svg  # the worked example's network on four points
 * ./zygote4j graph elements --out -     # the DOT text on standard output
 * }</pre>
 */
public final class GraphCommand {
    private GraphCommand() {
    }

    /** A built-in computation to draw: what it computes, and how. */
    record Example(String description, Supplier<Graph> draw) {
    }

    /** The built-in examples by name; the first is the default. */
    static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("scalar", new Example("(a, b) -> a.times(b).plus(a.sin()) at a = 2, b = 3",
                () -> graph((a, b) -> a.times(b).plus(a.sin()), 2, 3)));
        EXAMPLES.put("elements", new Example("v -> v.get(0).times(v.get(1)).plus(v.get(2).sin()) at v = [1, 2, 3, 4]",
                () -> graph(v -> v.get(0).times(v.get(1)).plus(v.get(2).sin()), Tensor.of(1, 2, 3, 4))));
        Dataset points = Dataset.twoBlobs(4, 1);
        EXAMPLES.put("network", new Example("the loss of a two-layer network (3 hidden units) on four points",
                () -> graph(net -> TwoLayerNetwork.loss(net, points), TwoLayerNetwork.init(3, 1))));
    }

    static final String USAGE = """
            Usage: ./zygote4j graph [--out FILE] [example]

            Draws a small computation: each recorded operation with its value and, after the
            backward pass, its cotangent. Writes an SVG picture when Graphviz's dot program is
            installed, the DOT text otherwise (FILE ending in .dot: always the DOT text;
            FILE "-": the DOT text on standard output). Default FILE: graph-EXAMPLE.svg.

            Examples:
            """;

    /** The usage text with the list of examples. */
    static String usage() {
        StringBuilder sb = new StringBuilder(USAGE);
        for (Map.Entry<String, Example> e : EXAMPLES.entrySet()) {
            sb.append(String.format("  %-10s %s%s%n", e.getKey(), e.getValue().description(),
                    e.getKey().equals(defaultExample()) ? " (default)" : ""));
        }
        return sb.toString();
    }

    private static String defaultExample() {
        return EXAMPLES.keySet().iterator().next();
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, "dot"));
    }

    /**
     * Runs the command; returns the exit status: 0 done, 1 Graphviz failed (the DOT text
     * is written instead), 2 bad arguments.
     *
     * @param dot the Graphviz program to run ({@code "dot"}; tests give another)
     */
    static int run(String[] args, PrintStream out, PrintStream err, String dot) {
        try {
            return runOrThrow(args, out, err, dot);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int runOrThrow(String[] args, PrintStream out, PrintStream err, String dot) {
        String name = null, file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.print(usage());
                return 0;
            } else if (a.equals("--out")) {
                if (i + 1 == args.length) return bad(err, "--out needs a file name, e.g. --out picture.svg");
                file = args[++i];
            } else if (a.startsWith("--out=")) {
                file = a.substring("--out=".length());
            } else if (a.startsWith("-") && !a.equals("-")) {
                return bad(err, "unknown option '" + a + "'");
            } else if (name != null) {
                return bad(err, "one example at a time: got '" + name + "' and '" + a + "'");
            } else {
                name = a;
            }
        }
        if (file != null && file.isEmpty()) return bad(err, "--out needs a file name, e.g. --out picture.svg");
        if (name == null) name = defaultExample();
        Example example = EXAMPLES.get(name);
        if (example == null) {
            return bad(err, "unknown example '" + name + "'; choose one of: " + String.join(", ", EXAMPLES.keySet()));
        }
        String text = example.draw().get().toDot();
        if ("-".equals(file)) {
            out.print(text);
            return 0;
        }
        Path target = Path.of(file != null ? file : "graph-" + name + ".svg").toAbsolutePath().normalize();
        String what = "the computation of " + example.description();
        String lower = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".dot") || lower.endsWith(".gv")) {
            write(target, text);
            out.println("Wrote the DOT text of " + what + " to " + target);
            out.println("Render it with Graphviz: dot -Tsvg " + target + " -o " + replaceExtension(target, ".svg"));
            return 0;
        }
        String failure = renderSvg(dot, text, target);
        if (failure == null) {
            out.println("Wrote an SVG picture of " + what + " to " + target);
            return 0;
        }
        Path dotFile = replaceExtension(target, ".dot");
        write(dotFile, text);
        if (failure.isEmpty()) {
            out.println("Graphviz's dot program was not found, so this is the DOT text, not an SVG picture.");
            out.println("Wrote the DOT text of " + what + " to " + dotFile);
            out.println("For a picture, install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: "
                    + "brew install graphviz) and run this again, or render the file: dot -Tsvg " + dotFile + " -o "
                    + replaceExtension(dotFile, ".svg"));
            return 0;
        }
        err.println("zygote4j graph: Graphviz's dot could not write " + target + ": " + failure);
        err.println("Wrote the DOT text of " + what + " to " + dotFile + " instead.");
        return 1;
    }

    private static int bad(PrintStream err, String message) {
        err.println("zygote4j graph: " + message + ".");
        err.print(usage());
        return 2;
    }

    /**
     * Runs {@code dot -Tsvg -o target} on the DOT text. Returns null when it wrote the
     * picture, "" when the program is not installed, otherwise what went wrong.
     */
    static String renderSvg(String dot, String text, Path target) {
        Process p;
        try {
            Path parent = target.getParent();
            if (parent != null) Files.createDirectories(parent);
            p = new ProcessBuilder(dot, "-Tsvg", "-o", target.toString()).start();
        } catch (IOException e) {
            return "";
        }
        try {
            // Read dot's messages on another thread, so that neither pipe fills up and blocks.
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getErrorStream(), messages));
            reader.start();
            String writeFailure = null;
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // dot stopped reading (it failed early): its status and messages say why.
                writeFailure = e.getMessage();
            }
            int status = p.waitFor();
            reader.join();
            if (status == 0 && writeFailure == null) return null;
            String said = messages.toString(StandardCharsets.UTF_8).strip();
            if (status == 0) return "writing to it failed: " + writeFailure;
            return "exit status " + status + (said.isEmpty() ? "" : " (" + said + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            return "interrupted";
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            // dot closed its error stream: nothing more to read.
        }
    }

    private static Path replaceExtension(Path file, String extension) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + extension);
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("zygote4j graph: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
