package zygote4j;

/**
 * One active differentiation: a reverse level records a {@link Tape}, a forward level
 * carries tangents ({@link ForwardLevel}). Levels live on a per-thread stack
 * ({@link Levels}); a value tracked at a level is a tracer of that level.
 */
abstract class Level {
    /** Position on the thread's stack: larger is more inner. */
    final int depth;
    final Thread owner;
    /** False once the level has been closed: its tracers are then stale. */
    boolean active = true;
    /** True while {@code forwarddiff} runs: tracers of this level are seen as constants. */
    boolean hidden;

    Level(int depth) {
        this.depth = depth;
        this.owner = Thread.currentThread();
    }

    /**
     * Whether tracers of this level are constants for the code running now: the level is
     * hidden ({@code ignore}, {@code forwarddiff}) and this is its own thread. Another
     * thread never sees a level as hidden, so that its use of a tracer is reported by
     * {@link #checkUsable} instead of silently computing on a constant.
     */
    final boolean hiddenHere() {
        return hidden && owner == Thread.currentThread();
    }

    /**
     * True when an operation on this level's tracers records here: the level is active,
     * not hidden, and used on its own thread. When false, the general path either sees the
     * tracers as constants (hidden) or throws {@link #checkUsable}'s error.
     */
    final boolean open() {
        return active && !hidden && owner == Thread.currentThread();
    }

    /** Throws a clear error when a tracer of this level is used where it no longer belongs. */
    final void checkUsable(String op) {
        if (!active) {
            throw new IllegalStateException("Escaped tracer: " + op + " was given a value that was tracked by a "
                    + kind() + " that has already returned (the value was kept, e.g. in a field, after its "
                    + "gradient call ended). Use the plain result of gradient/pullback, or compute inside the function.");
        }
        if (owner != Thread.currentThread()) {
            throw new IllegalStateException("Escaped tracer: " + op + " on thread '" + Thread.currentThread().getName()
                    + "' was given a value tracked by a " + kind() + " of thread '" + owner.getName()
                    + "'. Differentiation levels belong to one thread; pass plain values between threads.");
        }
    }

    abstract String kind();
}
