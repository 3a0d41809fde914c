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
            return construct(r.getClass(), cs, vals);
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
            return any ? construct(r.getClass(), cs, vals) : null;
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
        try {
            Constructor<?> k = type.getDeclaredConstructor(types);
            k.setAccessible(true);
            return k.newInstance(vals);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalArgumentException("Constructing record " + type.getName() + " failed: " + c, c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot construct record " + type.getName() + " with its canonical "
                    + "constructor: " + e + ". Make the record public (or its module open to zygote4j)", e);
        }
    }
}
