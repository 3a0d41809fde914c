package zygote4j.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The examples transcript, what {@code ./zygote4j examples} prints: the "Utilities" page
 * of Zygote.jl's manual as Java, example by example (code, what it printed, what it
 * returned), then the rest of the API's examples.
 */
public final class Examples {
    private Examples() {
    }

    /** Writes the whole transcript to {@code out} and returns its entries. */
    static Transcript write(PrintStream out) {
        Transcript t = new Transcript(out);
        t.title("Zygote4j: Zygote.jl's utilities, in Java",
                "",
                "Each example of the page \"Utilities\" of Zygote.jl's manual, in the page's order: the Java code,",
                "what running it printed, and what it returned. Then the rest of the API. Every snippet runs with",
                "import static zygote4j.Zygote.*; numbers print as Java doubles, and a missing gradient as",
                "nothing, as in Zygote.");
        SeedPage.write(t);
        MoreExamples.write(t);
        out.println();
        out.println("A worked example: fitting models");
        out.println("================================");
        out.println();
        WorkedExample.run(out);
        return t;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform's default, for showgrad's ∂.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        write(out);
        out.flush();
    }
}
