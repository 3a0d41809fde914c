package zygote4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * showgrad in a class compiled without a local variable table: {@link ShowgradCaller}
 * reloaded with its debug information stripped by ASM, and optionally with parameter
 * names added as javac's {@code -parameters} writes them.
 */
class ShowgradWithoutDebugInfoTest {
    /** Defines one class from given bytes and serves those bytes as its class file. */
    static final class Reloader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        Reloader(String name, byte[] bytes) {
            super(ShowgradWithoutDebugInfoTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        Class<?> define() {
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String resource) {
            if (resource.equals(name.replace('.', '/') + ".class")) return new ByteArrayInputStream(bytes);
            return super.getResourceAsStream(resource);
        }
    }

    static byte[] stripped(boolean withParameterNames) throws IOException {
        ClassReader r;
        try (InputStream in = ShowgradCaller.class.getResourceAsStream("ShowgradCaller.class")) {
            r = new ClassReader(in);
        }
        ClassWriter w = new ClassWriter(0);
        r.accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                if (withParameterNames && name.startsWith("lambda$")) {
                    for (int i = 0; i < Type.getArgumentTypes(desc).length; i++) mv.visitParameter("param" + i, 0);
                }
                return mv;
            }
        }, ClassReader.SKIP_DEBUG);
        return w.toByteArray();
    }

    static String[] runReloaded(byte[] bytes) throws ReflectiveOperationException {
        Class<?> caller = new Reloader(ShowgradCaller.class.getName(), bytes).define();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Zygote.setShowgradOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Object result = caller.getMethod("run").invoke(null);
            return new String[] {out.toString(StandardCharsets.UTF_8), String.valueOf(result)};
        } finally {
            Zygote.setShowgradOutput(null);
        }
    }

    @Test
    void withDebugInformationTheNameIsFound() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Zygote.setShowgradOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals("(3.0, 2.0)", ShowgradCaller.run().toString());
        } finally {
            Zygote.setShowgradOutput(null);
        }
        assertEquals("∂(a) = 3.0\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutDebugInformationThePlaceholderIsPrinted() throws Exception {
        String[] r = runReloaded(stripped(false));
        assertEquals("∂(?) = 3.0\n", r[0]);
        assertEquals("(3.0, 2.0)", r[1]);
    }

    @Test
    void parameterNamesAreUsedWhenThereIsNoLocalVariableTable() throws Exception {
        String[] r = runReloaded(stripped(true));
        assertEquals("∂(param0) = 3.0\n", r[0]);
    }
}
