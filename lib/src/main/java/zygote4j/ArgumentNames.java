package zygote4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * Reads a class file (with ASM's {@link ClassReader} and its structure readers) to name
 * the value a call site passes as its last argument: the local variable, parameter or
 * field loaded by the instruction just before the call.
 *
 * <p>The walk follows the class file format (JVMS chapter 4): after the constant pool,
 * the fields and methods, each with attributes; a method's {@code Code} attribute holds
 * the bytecode and a {@code LocalVariableTable} that maps (slot, bytecode range) to a
 * name; {@code MethodParameters} (javac {@code -parameters}) names parameters when there
 * is no local variable table.
 */
final class ArgumentNames {
    private ArgumentNames() {
    }

    // Opcodes read here (JVMS 6.5); ASM's Opcodes lacks the short forms.
    private static final int ALOAD = 0x19, ALOAD_0 = 0x2a, ALOAD_3 = 0x2d, WIDE = 0xc4, CHECKCAST = 0xc0,
            GETSTATIC = 0xb2, GETFIELD = 0xb4, INVOKESTATIC = 0xb8, IFEQ = 0x99, JSR = 0xa8, IFNULL = 0xc6,
            IFNONNULL = 0xc7, GOTO_W = 0xc8, JSR_W = 0xc9, TABLESWITCH = 0xaa, LOOKUPSWITCH = 0xab, IINC = 0x84;
    private static final int ACC_STATIC = 0x0008;

    /**
     * The source name of the reference loaded just before the call at {@code bci} in
     * {@code method} (with {@code descriptor}) of {@code type}, or null when there is none
     * (an expression, no debug information, or the instruction at {@code bci} is not a
     * static call of {@code calleeOwner.calleeName}, e.g. a call through a method reference).
     */
    static String loadedBefore(Class<?> type, String method, String descriptor, int bci, String calleeOwner,
            String calleeName) {
        ClassReader reader = read(type);
        if (reader == null) return null;
        try {
            return new Walk(reader, calleeOwner, calleeName).find(method, descriptor, bci);
        } catch (RuntimeException e) {
            // A class file this reader does not understand: no name rather than a failure.
            return null;
        }
    }

    private static ClassReader read(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in == null ? null : new ClassReader(in);
        } catch (IOException | RuntimeException e) {
            // No class file (a generated class) or a version ASM cannot read.
            return null;
        }
    }

    /** One lookup over one class file. */
    private static final class Walk {
        private final ClassReader r;
        private final char[] buf;
        private final String calleeOwner, calleeName;

        Walk(ClassReader r, String calleeOwner, String calleeName) {
            this.r = r;
            this.buf = new char[r.getMaxStringLength()];
            this.calleeOwner = calleeOwner;
            this.calleeName = calleeName;
        }

        String find(String method, String descriptor, int bci) {
            int p = r.header + 6;                        // access_flags, this_class, super_class
            p += 2 + 2 * r.readUnsignedShort(p);         // interfaces
            int fields = r.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < fields; i++) p = skipMember(p);
            int methods = r.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < methods; i++) {
                if (method.equals(r.readUTF8(p + 2, buf)) && descriptor.equals(r.readUTF8(p + 4, buf))) {
                    return inMethod(p, descriptor, bci);
                }
                p = skipMember(p);
            }
            return null;
        }

        /** Offset just past a field_info or method_info at {@code p}. */
        private int skipMember(int p) {
            int attributes = r.readUnsignedShort(p + 6);
            p += 8;
            for (int i = 0; i < attributes; i++) p += 6 + r.readInt(p + 2);
            return p;
        }

        private String inMethod(int member, String descriptor, int bci) {
            int access = r.readUnsignedShort(member);
            int attributes = r.readUnsignedShort(member + 6);
            int p = member + 8, code = -1, parameters = -1;
            for (int i = 0; i < attributes; i++) {
                String name = r.readUTF8(p, buf);
                if ("Code".equals(name)) code = p + 6;
                else if ("MethodParameters".equals(name)) parameters = p + 6;
                p += 6 + r.readInt(p + 2);
            }
            if (code < 0) return null;
            int codeStart = code + 8, codeLength = r.readInt(code + 4);
            if (bci <= 0 || bci >= codeLength || !callsCallee(codeStart + bci)) return null;
            // A jump to the call (as in showgrad(c ? a : b)) means the argument has more than one source.
            if (isJumpTarget(codeStart, codeLength, bci)) return null;
            int load = lastLoadBefore(codeStart, bci);
            if (load < 0) return null;
            int op = r.readByte(codeStart + load);
            if (op == GETFIELD || op == GETSTATIC) return fieldName(r.readUnsignedShort(codeStart + load + 1));
            int slot = op == ALOAD ? r.readByte(codeStart + load + 1)
                    : op == WIDE ? r.readUnsignedShort(codeStart + load + 2)
                    : op - ALOAD_0;
            String local = localName(code, slot, load);
            if (local != null) return local;
            return parameters < 0 ? null : parameterName(parameters, (access & ACC_STATIC) != 0, descriptor, slot);
        }

        /**
         * The offset (in the code) of the instruction that loads the call's last argument:
         * the one before the call, looking through casts; -1 if it is not a plain load.
         */
        private int lastLoadBefore(int codeStart, int bci) {
            List<Integer> starts = new ArrayList<>();
            for (int pc = 0; pc < bci; pc += length(codeStart, pc)) starts.add(pc);
            for (int i = starts.size() - 1; i >= 0; i--) {
                int pc = starts.get(i), op = r.readByte(codeStart + pc);
                if (op == CHECKCAST) continue;
                boolean load = op == ALOAD || (op >= ALOAD_0 && op <= ALOAD_3) || op == GETFIELD || op == GETSTATIC
                        || (op == WIDE && r.readByte(codeStart + pc + 1) == ALOAD);
                return load ? pc : -1;
            }
            return -1;
        }

        /** Whether any branch or switch of the method jumps to {@code target}. */
        private boolean isJumpTarget(int codeStart, int codeLength, int target) {
            for (int pc = 0; pc < codeLength; pc += length(codeStart, pc)) {
                int at = codeStart + pc, op = r.readByte(at);
                if ((op >= IFEQ && op <= JSR) || op == IFNULL || op == IFNONNULL) {
                    if (pc + r.readShort(at + 1) == target) return true;
                } else if (op == GOTO_W || op == JSR_W) {
                    if (pc + r.readInt(at + 1) == target) return true;
                } else if (op == TABLESWITCH || op == LOOKUPSWITCH) {
                    int q = at + 1 + ((4 - (pc + 1) % 4) % 4);
                    if (pc + r.readInt(q) == target) return true;
                    boolean table = op == TABLESWITCH;
                    int n = table ? r.readInt(q + 8) - r.readInt(q + 4) + 1 : r.readInt(q + 4);
                    for (int k = 0; k < n; k++) {
                        int offset = table ? r.readInt(q + 12 + 4 * k) : r.readInt(q + 8 + 8 * k + 4);
                        if (pc + offset == target) return true;
                    }
                }
            }
            return false;
        }

        /** The length in bytes of the instruction at {@code pc} (JVMS 6.5). */
        private int length(int codeStart, int pc) {
            int op = r.readByte(codeStart + pc);
            if (op == TABLESWITCH || op == LOOKUPSWITCH) {
                int q = codeStart + pc + 1 + ((4 - (pc + 1) % 4) % 4);  // operands are 4-byte aligned
                if (op == TABLESWITCH) {
                    int low = r.readInt(q + 4), high = r.readInt(q + 8);
                    return q + 12 + 4 * (high - low + 1) - (codeStart + pc);
                }
                return q + 8 + 8 * r.readInt(q + 4) - (codeStart + pc);
            }
            if (op == WIDE) return r.readByte(codeStart + pc + 1) == IINC ? 6 : 4;
            int len = LENGTHS[op];
            if (len == 0) throw new IllegalStateException("unknown opcode " + op + " at " + pc);
            return len;
        }

        /** The local variable table's name for {@code slot} at {@code pc}, from the Code attribute at {@code code}. */
        private String localName(int code, int slot, int pc) {
            int p = code + 8 + r.readInt(code + 4);
            p += 2 + 8 * r.readUnsignedShort(p);         // exception table
            int attributes = r.readUnsignedShort(p);
            p += 2;
            for (int i = 0; i < attributes; i++) {
                if ("LocalVariableTable".equals(r.readUTF8(p, buf))) {
                    int n = r.readUnsignedShort(p + 6);
                    for (int e = 0, q = p + 8; e < n; e++, q += 10) {
                        int start = r.readUnsignedShort(q), len = r.readUnsignedShort(q + 2);
                        if (r.readUnsignedShort(q + 8) == slot && pc >= start && pc < start + len) {
                            return r.readUTF8(q + 4, buf);
                        }
                    }
                }
                p += 6 + r.readInt(p + 2);
            }
            return null;
        }

        /** A parameter's name from MethodParameters, by the slot it occupies. */
        private String parameterName(int attribute, boolean isStatic, String descriptor, int slot) {
            int count = r.readByte(attribute), s = isStatic ? 0 : 1;
            int i = 1, param = 0;
            while (descriptor.charAt(i) != ')' && param < count) {
                char c = descriptor.charAt(i);
                int end = i;
                while (descriptor.charAt(end) == '[') end++;
                if (descriptor.charAt(end) == 'L') end = descriptor.indexOf(';', end);
                if (s == slot) {
                    int nameIndex = r.readUnsignedShort(attribute + 1 + 4 * param);
                    return nameIndex == 0 ? null : r.readUTF8(attribute + 1 + 4 * param, buf);
                }
                s += (c == 'J' || c == 'D') ? 2 : 1;
                param++;
                i = end + 1;
            }
            return null;
        }

        /** Whether the instruction at {@code p} is {@code invokestatic calleeOwner.calleeName}. */
        private boolean callsCallee(int p) {
            if (r.readByte(p) != INVOKESTATIC) return false;
            int ref = r.getItem(r.readUnsignedShort(p + 1));
            int nameAndType = r.getItem(r.readUnsignedShort(ref + 2));
            return calleeOwner.equals(r.readClass(ref, buf)) && calleeName.equals(r.readUTF8(nameAndType, buf));
        }

        /** The name of the field a Fieldref constant refers to. */
        private String fieldName(int fieldref) {
            int nameAndType = r.getItem(r.readUnsignedShort(r.getItem(fieldref) + 2));
            return r.readUTF8(nameAndType, buf);
        }
    }

    /** Instruction lengths by opcode; 0 for the variable-length and unused ones. */
    private static final int[] LENGTHS = new int[256];

    static {
        fill(0x00, 0x0f, 1);      // nop .. dconst_1
        LENGTHS[0x10] = 2;        // bipush
        LENGTHS[0x11] = 3;        // sipush
        LENGTHS[0x12] = 2;        // ldc
        fill(0x13, 0x14, 3);      // ldc_w, ldc2_w
        fill(0x15, 0x19, 2);      // iload .. aload
        fill(0x1a, 0x35, 1);      // iload_0 .. saload
        fill(0x36, 0x3a, 2);      // istore .. astore
        fill(0x3b, 0x83, 1);      // istore_0 .. lxor
        LENGTHS[IINC] = 3;
        fill(0x85, 0x98, 1);      // i2l .. dcmpg
        fill(0x99, 0xa8, 3);      // ifeq .. jsr
        LENGTHS[0xa9] = 2;        // ret
        fill(0xac, 0xb1, 1);      // ireturn .. return
        fill(0xb2, 0xb8, 3);      // getstatic .. invokestatic
        fill(0xb9, 0xba, 5);      // invokeinterface, invokedynamic
        LENGTHS[0xbb] = 3;        // new
        LENGTHS[0xbc] = 2;        // newarray
        LENGTHS[0xbd] = 3;        // anewarray
        fill(0xbe, 0xbf, 1);      // arraylength, athrow
        fill(0xc0, 0xc1, 3);      // checkcast, instanceof
        fill(0xc2, 0xc3, 1);      // monitorenter, monitorexit
        LENGTHS[0xc5] = 4;        // multianewarray
        fill(0xc6, 0xc7, 3);      // ifnull, ifnonnull
        fill(0xc8, 0xc9, 5);      // goto_w, jsr_w
    }

    private static void fill(int from, int to, int length) {
        for (int op = from; op <= to; op++) LENGTHS[op] = length;
    }
}
