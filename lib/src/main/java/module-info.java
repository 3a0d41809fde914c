/**
 * Zygote4j: automatic differentiation for Java, modelled on Julia's Zygote.jl.
 * The public API is the package {@code zygote4j}; everything else is internal.
 */
module zygote4j {
    requires ejml.ddense;
    requires ejml.core;
    requires org.objectweb.asm;
    // Optional: the SIMD matrix product when the JVM runs with --add-modules jdk.incubator.vector.
    requires static jdk.incubator.vector;

    exports zygote4j;
}
