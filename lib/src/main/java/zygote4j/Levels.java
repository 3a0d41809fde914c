package zygote4j;

import java.util.ArrayList;

/**
 * The per-thread stack of active levels. Each {@code gradient}, {@code jvp},
 * {@code hessian} or {@code forwarddiff} pushes one and pops it in a {@code finally},
 * so calls on different threads never see each other's levels.
 */
final class Levels {
    private static final ThreadLocal<ArrayList<Level>> STACK = ThreadLocal.withInitial(ArrayList::new);

    private Levels() {
    }

    static Tape pushTape() {
        ArrayList<Level> s = STACK.get();
        Tape t = new Tape(s.size());
        s.add(t);
        return t;
    }

    static ForwardLevel pushForward(int width) {
        ArrayList<Level> s = STACK.get();
        ForwardLevel f = new ForwardLevel(s.size(), width);
        s.add(f);
        return f;
    }

    /** Pops {@code level}, which must be the innermost, and marks its tracers stale. */
    static void pop(Level level) {
        ArrayList<Level> s = STACK.get();
        level.active = false;
        // A closed level is never hidden, so that any later use of its tracers is reported.
        level.hidden = false;
        int i = s.lastIndexOf(level);
        // Remove it and anything a misbehaving callback left above it, so the stack is clean.
        while (s.size() > i && i >= 0) {
            Level l = s.remove(s.size() - 1);
            l.active = false;
            l.hidden = false;
        }
    }

    static int depth() {
        return STACK.get().size();
    }

    /** The active levels, outermost first (a copy). */
    static java.util.List<Level> active() {
        return java.util.List.copyOf(STACK.get());
    }

    /** Hides every active level (seen as constants) until the returned handle is closed. */
    static Hidden hideAll() {
        ArrayList<Level> s = STACK.get();
        boolean[] was = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            was[i] = s.get(i).hidden;
            s.get(i).hidden = true;
        }
        return () -> {
            for (int i = 0; i < was.length && i < s.size(); i++) {
                s.get(i).hidden = was[i];
            }
        };
    }

    /** Restores visibility of levels hidden by {@link #hideAll()}. */
    interface Hidden extends AutoCloseable {
        @Override
        void close();
    }
}
