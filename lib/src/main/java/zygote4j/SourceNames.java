package zygote4j;

import java.lang.StackWalker.StackFrame;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recovers the source name of the variable passed to {@code showgrad(x)}, which Julia's
 * macro sees in the source and Java only sees in the bytecode.
 *
 * <p>{@link StackWalker} gives the frame that called {@code Zygote.showgrad}: its class,
 * method, descriptor and bytecode index. The caller's class file, compiled with debug
 * information (javac {@code -g}, Maven's default), has a local variable table; the
 * instruction just before the call loads the argument, and the table names the slot it
 * loads from at that point ({@link ArgumentNames} reads the class file with ASM). Lambda
 * bodies are compiled to methods whose parameters (and captured variables) keep their
 * source names, so {@code (a, b) -> showgrad(a)} names {@code a}.
 *
 * <p>When no name can be found (the argument is an expression such as {@code a.times(b)},
 * showgrad is called through a method reference, or the class has no local variable
 * table) the name is {@code ?} followed by the call's source position, as in
 * {@code ∂(? at Model.java:42)}, or just {@code ?} when even the line is unknown;
 * {@code showgrad("label", x)} names it explicitly. Results are cached
 * per call site, so the class file is read once per call site.
 */
final class SourceNames {
    /** The placeholder when the argument has no name. */
    static final String UNKNOWN = "?";

    private static final StackWalker WALKER =
            StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

    /** Per class, per call site (method name, descriptor and bytecode index): the name. */
    private static final ClassValue<ConcurrentHashMap<String, String>> CACHE = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private SourceNames() {
    }

    /** The name of the variable the caller of {@code Zygote.showgrad} passed to it. */
    static String callerArgumentName() {
        Optional<StackFrame> caller = WALKER.walk(frames -> frames
                .dropWhile(f -> f.getDeclaringClass() == SourceNames.class || f.getDeclaringClass() == Zygote.class)
                .findFirst());
        return caller.map(SourceNames::nameAt).orElse(UNKNOWN);
    }

    private static String nameAt(StackFrame f) {
        String site = f.getMethodName() + f.getDescriptor() + "@" + f.getByteCodeIndex();
        return CACHE.get(f.getDeclaringClass()).computeIfAbsent(site, k -> {
            String name = ArgumentNames.loadedBefore(f.getDeclaringClass(), f.getMethodName(), f.getDescriptor(),
                    f.getByteCodeIndex(), "zygote4j/Zygote", "showgrad");
            return name != null ? name : placeholder(f);
        });
    }

    private static String placeholder(StackFrame f) {
        if (f.getFileName() == null || f.getLineNumber() < 0) return UNKNOWN;
        return UNKNOWN + " at " + f.getFileName() + ":" + f.getLineNumber();
    }
}
