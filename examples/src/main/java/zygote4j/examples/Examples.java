package zygote4j.examples;

import static zygote4j.Zygote.*;

/** The examples transcript: what {@code ./zygote4j examples} prints. */
public final class Examples {
    private Examples() {
    }

    public static void main(String[] args) {
        System.out.println("gradient((a, b) -> a.times(b), 2, 3)");
        System.out.println("  returns: " + gradient((a, b) -> a.times(b), 2, 3));
    }
}
