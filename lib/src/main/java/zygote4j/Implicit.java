package zygote4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Implicit parameters ({@code gradient(() -> loss, params)}): while such a gradient runs
 * on a thread, each plain {@link Tensor} registered in its {@link Params} stands for a
 * leaf tracked at its tape. The substitution happens where values enter operations:
 * {@link Dispatch#apply} (every primitive), {@link Tensor#read} (element reads) and the
 * seeding of nested explicit gradients ({@link Reverse#leaf}, {@link Forward#seed}).
 *
 * <p>Code that is not in an implicit gradient pays one read of a shared counter per
 * operation. Sessions nest: an inner session's leaf for a parameter has the outer
 * session's leaf as its primal, so implicit gradients of implicit gradients work.
 * Maps are per thread, so other threads keep seeing the plain tensors.
 */
final class Implicit {
    /** Implicit gradients running on any thread; zero means no lookups at all. */
    private static final AtomicInteger SESSIONS = new AtomicInteger();
    /** This thread's sessions, innermost last: parameter (by identity) to its tracked leaf. */
    private static final ThreadLocal<ArrayList<IdentityHashMap<Tensor, Tensor>>> STACK =
            ThreadLocal.withInitial(ArrayList::new);

    private Implicit() {
    }

    static boolean active() {
        return SESSIONS.get() != 0;
    }

    /** The tracked leaf that {@code t} stands for in this thread's innermost session, or t itself. */
    static Tensor resolve(Tensor t) {
        if (t.level != null || SESSIONS.get() == 0) return t;
        ArrayList<IdentityHashMap<Tensor, Tensor>> s = STACK.get();
        for (int i = s.size() - 1; i >= 0; i--) {
            Tensor leaf = s.get(i).get(t);
            if (leaf != null) return leaf;
        }
        return t;
    }

    /** {@code in} with parameters replaced by their leaves (the same array when none is a parameter). */
    static Object[] resolveAll(Object[] in) {
        Object[] out = in;
        for (int i = 0; i < in.length; i++) {
            if (in[i] instanceof Tensor t && t.level == null) {
                Tensor r = resolve(t);
                if (r != t) {
                    if (out == in) out = in.clone();
                    out[i] = r;
                }
            }
        }
        return out;
    }

    /** Runs {@code loss} with the parameters tracked at a fresh tape; returns its value and their gradients. */
    static WithGradient withgradient(String op, Supplier<?> loss, Params params) {
        if (loss == null || params == null) {
            throw new IllegalArgumentException(op + ": the loss and the Params must not be null");
        }
        Tape tape = Levels.pushTape();
        IdentityHashMap<Tensor, Tensor> map = new IdentityHashMap<>();
        Tensor[] leaves = new Tensor[params.size()];
        for (int i = 0; i < leaves.length; i++) {
            // Resolved first, so that a parameter of an enclosing session is this leaf's primal.
            leaves[i] = (Tensor) Reverse.leaf(tape, resolve(params.get(i)));
            map.put(params.get(i), leaves[i]);
        }
        ArrayList<IdentityHashMap<Tensor, Tensor>> stack = STACK.get();
        Object out;
        stack.add(map);
        SESSIONS.incrementAndGet();
        try {
            out = loss.get();
        } finally {
            SESSIONS.decrementAndGet();
            stack.remove(stack.size() - 1);
            Levels.pop(tape);
        }
        Reverse.checkScalar(op, out);
        Object value = Values.level(out) == tape ? Values.primal(out) : out;
        Object[] grads = new Object[leaves.length];
        if (Values.level(out) == tape) {
            Object seed = out instanceof Real ? Real.ONE : Tensor.ones(((Tensor) out).shape);
            int[] ids = new int[leaves.length];
            for (int i = 0; i < ids.length; i++) ids[i] = leaves[i].id;
            grads = tape.backward(Values.id(out), seed, ids);
        }
        tape.release();
        IdentityHashMap<Object, Object> byParam = new IdentityHashMap<>();
        for (int i = 0; i < grads.length; i++) byParam.put(params.get(i), grads[i]);
        return new WithGradient(value, new Grads(grads, byParam));
    }
}
