package zygote4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the values a user's function closes over constant while a rule re-runs it
 * ({@code checkpointed}'s backward pass, its forward rule).
 *
 * <p>The function ran first with every level hidden, so what it closes over was a
 * constant then; a re-run must see the same constants. Its closed-over values can only
 * belong to levels that were active when it was called. Of these, the levels deeper than
 * every input's level are hidden (the level that recorded the call, already closed in a
 * backward pass, and anything between), while the levels the inputs belong to stay
 * visible, so that the re-run is itself differentiated by them (higher order).
 */
final class ClosureLevels {
    private ClosureLevels() {
    }

    /** Hides, until closed, the levels of {@code atCall} that the inputs do not reach. */
    static Levels.Hidden hide(List<Level> atCall, Object[] inputs) {
        int deepest = -1;
        for (Object x : inputs) {
            Level l = Values.visibleLevel(x);
            if (l != null) deepest = Math.max(deepest, l.depth);
        }
        List<Level> hidden = new ArrayList<>();
        for (Level l : atCall) {
            if (!l.hidden && (!l.active || l.depth > deepest)) {
                l.hidden = true;
                hidden.add(l);
            }
        }
        return () -> {
            for (Level l : hidden) l.hidden = false;
        };
    }
}
