package zygote4j;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the arguments of {@code gradient}-like calls into tracked values at a level,
 * walking records, lists and maps, and builds the matching gradient structure back from
 * the cotangents of the leaves (in the same walk order).
 */
final class Args {
    private Args() {
    }

    /** Receives each leaf (Real or Tensor argument part) and returns its tracked version. */
    interface Tracker {
        Object track(Object leaf);
    }

    static final String SUPPORTED = "supported argument types are Real, double (and other numbers), Tensor, "
            + "records of these, List and Map of these";

    /** Tracks every differentiable leaf of {@code arg}, in walk order. */
    static Object track(String op, Object arg, Tracker tracker) {
        if (arg instanceof Real || arg instanceof Tensor) return tracker.track(arg);
        if (arg instanceof Number n) return tracker.track(Real.of(n.doubleValue()));
        if (arg instanceof Record r) {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] vals = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Object v = component(r, cs[i]);
                vals[i] = differentiable(v) ? track(op, v, tracker) : v;
            }
            try {
                return construct(r.getClass(), cs, vals);
            } catch (ConstructorThrew e) {
                throw e.user;
            }
        }
        if (arg instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) out.add(differentiable(v) ? track(op, v, tracker) : v);
            return Collections.unmodifiableList(out);
        }
        if (arg instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                out.put(e.getKey(), differentiable(v) ? track(op, v, tracker) : v);
            }
            return Collections.unmodifiableMap(out);
        }
        if (arg instanceof Params) {
            throw new IllegalArgumentException(op + ": Params go with a loss of no arguments, as in "
                    + "gradient(() -> loss, params); the function given takes the Params as an argument");
        }
        if (arg == null) throw new IllegalArgumentException(op + ": the argument is null; " + SUPPORTED);
        throw new IllegalArgumentException(op + ": cannot differentiate with respect to an argument of type "
                + arg.getClass().getSimpleName() + (arg.getClass().isArray() ? " (use Tensor.of(...) for arrays)" : "")
                + "; " + SUPPORTED);
    }

    /** Whether a record component or collection element holds something to differentiate. */
    private static boolean differentiable(Object v) {
        return v instanceof Real || v instanceof Tensor || v instanceof Record || v instanceof List
                || v instanceof Map;
    }

    /** Supplies the cotangent of the next leaf in walk order. */
    interface Cotangents {
        Object next(Object leaf);
    }

    /** The gradient of {@code arg}, shaped like it, from its leaves' cotangents. */
    static Object rebuild(Object arg, Cotangents cts) {
        if (arg instanceof Real || arg instanceof Tensor) return cts.next(arg);
        if (arg instanceof Number n) return cts.next(Real.of(n.doubleValue()));
        if (arg instanceof Record r) {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] vals = new Object[cs.length];
            boolean any = false;
            for (int i = 0; i < cs.length; i++) {
                Object v = component(r, cs[i]);
                vals[i] = differentiable(v) ? rebuild(v, cts) : null;
                any |= vals[i] != null;
                if (vals[i] == null && cs[i].getType().isPrimitive()) vals[i] = zeroOf(cs[i].getType());
            }
            return any ? gradientRecord(r, cs, vals) : null;
        }
        if (arg instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            boolean any = false;
            for (Object v : l) {
                Object g = differentiable(v) ? rebuild(v, cts) : null;
                any |= g != null;
                out.add(g);
            }
            return any ? Collections.unmodifiableList(out) : null;
        }
        if (arg instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                Object g = differentiable(v) ? rebuild(v, cts) : null;
                if (g != null) out.put(e.getKey(), g);
            }
            return out.isEmpty() ? null : Collections.unmodifiableMap(out);
        }
        return null;
    }

    /**
     * The gradient of record {@code r}, built with its canonical constructor from the
     * components' gradients ({@code null} where none). A constructor that rejects nulls
     * (e.g. {@code Objects.requireNonNull}) is given zeros shaped like those components
     * instead. Note that the constructor sees gradients, not values: one that transforms
     * its components (normalises, clamps) changes the gradient, and one that validates
     * them may reject it; such records are better taken apart into plain arguments.
     */
    private static Object gradientRecord(Record r, RecordComponent[] cs, Object[] vals) {
        try {
            return construct(r.getClass(), cs, vals);
        } catch (ConstructorThrew e) {
            Object[] zeros = vals.clone();
            boolean filled = false;
            for (int i = 0; i < cs.length; i++) {
                Object v = component(r, cs[i]);
                if (vals[i] == null && differentiable(v)) {
                    zeros[i] = zeroLike(v);
                    filled = true;
                }
            }
            if (filled) {
                try {
                    return construct(r.getClass(), cs, zeros);
                } catch (ConstructorThrew again) {
                    // fall through to the explanation below, with the first failure as cause
                }
            }
            throw new IllegalStateException("The gradient of record " + r.getClass().getName() + " is built with its "
                    + "canonical constructor, which rejected the gradient's components (" + e.user + "). A gradient "
                    + "holds cotangents (null or zero where there is none), not valid values: relax the constructor's "
                    + "checks, or pass the components as separate arguments", e.user);
        }
    }

    /** A zero gradient shaped like {@code v}: zeros for Reals and Tensors, structures of them for the rest. */
    private static Object zeroLike(Object v) {
        if (v instanceof Real) return Real.ZERO;
        if (v instanceof Tensor t) return Tensor.zeros(t.shape);
        if (v instanceof Record r) {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] vals = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Object c = component(r, cs[i]);
                vals[i] = differentiable(c) ? zeroLike(c) : cs[i].getType().isPrimitive() ? zeroOf(cs[i].getType()) : null;
            }
            try {
                return construct(r.getClass(), cs, vals);
            } catch (ConstructorThrew e) {
                return null;
            }
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object c : l) out.add(differentiable(c) ? zeroLike(c) : null);
            return Collections.unmodifiableList(out);
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (differentiable(e.getValue())) out.put(e.getKey(), zeroLike(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** An exception thrown by a record's own constructor (not by reflection). */
    private static final class ConstructorThrew extends RuntimeException {
        final RuntimeException user;

        ConstructorThrew(RuntimeException user) {
            super(user);
            this.user = user;
        }
    }

    private static Object zeroOf(Class<?> t) {
        if (t == boolean.class) return false;
        if (t == char.class) return (char) 0;
        if (t == byte.class) return (byte) 0;
        if (t == short.class) return (short) 0;
        if (t == int.class) return 0;
        if (t == long.class) return 0L;
        if (t == float.class) return 0f;
        return 0.0;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read component '" + c.getName() + "' of record "
                    + r.getClass().getName() + ": " + e + ". Make the record public (or its module open to zygote4j)", e);
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] cs, Object[] vals) {
        Class<?>[] types = Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new);
        for (int i = 0; i < cs.length; i++) {
            if (vals[i] != null && !types[i].isPrimitive() && !types[i].isInstance(vals[i])) {
                throw new IllegalArgumentException("Cannot build record " + type.getName() + " for differentiation: its component '"
                        + cs[i].getName() + "' is declared as " + types[i].getName() + " but differentiation passes "
                        + Values.describe(vals[i]) + "; declare list and map components as List or Map");
            }
        }
        try {
            Constructor<?> k = type.getDeclaredConstructor(types);
            k.setAccessible(true);
            return k.newInstance(vals);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw new ConstructorThrew(re);
            if (c instanceof Error err) throw err;
            throw new IllegalArgumentException("Constructing record " + type.getName() + " failed: " + c, c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot construct record " + type.getName() + " with its canonical "
                    + "constructor: " + e + ". Make the record public (or its module open to zygote4j)", e);
        }
    }

    /**
     * The path of each differentiable leaf of {@code arg}, in walk order, for pictures:
     * {@code prefix} itself, {@code prefix.w} for a record component, {@code prefix[2]}
     * for a list element, {@code prefix[key]} for a map value.
     */
    static void paths(String prefix, Object arg, List<String> out) {
        if (arg instanceof Real || arg instanceof Tensor || arg instanceof Number) {
            out.add(prefix);
        } else if (arg instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = component(r, c);
                if (differentiable(v)) paths(prefix + "." + c.getName(), v, out);
            }
        } else if (arg instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (differentiable(l.get(i))) paths(prefix + "[" + i + "]", l.get(i), out);
            }
        } else if (arg instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (differentiable(e.getValue())) paths(prefix + "[" + e.getKey() + "]", e.getValue(), out);
            }
        }
    }
}
