package zygote4j;

import java.io.PrintStream;
import java.util.function.UnaryOperator;

/** The printing hook behind {@code showgrad}: {@code ∂(NAME) = VALUE}, or {@code nothing}. */
final class ShowGrad {
    private static volatile PrintStream out;

    private ShowGrad() {
    }

    static void setOutput(PrintStream stream) {
        out = stream;
    }

    static <T> UnaryOperator<T> printer(String label) {
        return ct -> {
            PrintStream o = out != null ? out : System.out;
            o.println("∂(" + label + ") = " + (ct == null ? "nothing" : ct.toString()));
            return ct;
        };
    }
}
