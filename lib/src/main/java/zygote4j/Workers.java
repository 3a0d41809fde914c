package zygote4j;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Shares numbered pieces of one operation between the calling thread and helper threads
 * from a small pool of daemon threads ({@code -Dzygote4j.threads}, see
 * {@link KernelSettings#threads()}). The threads take pieces in turn until none is left, so
 * that a helper the machine is slow to start (other programs share the cores) leaves its
 * pieces to the others instead of holding everyone up. Callers cut their work so that each
 * output element belongs to one piece and is computed as without the split: results are
 * then the same to the bit for every thread count.
 */
final class Workers {
    private Workers() {
    }

    /** Work of one thread: called with each piece number that thread takes. */
    interface Piece {
        void run(int piece);
    }

    /**
     * Runs pieces 0 to {@code pieces - 1} on at most {@code threads} threads, the caller
     * included, and returns when all are done; a failure in any piece is rethrown here.
     * Each participating thread gets its own {@link Piece} from {@code perThread} (for
     * scratch memory of its own).
     *
     * @param op the operation, named in the message of a helper's checked failure
     */
    static void run(int threads, int pieces, Supplier<Piece> perThread, String op) {
        int t = Math.max(1, Math.min(threads, pieces));
        if (t == 1) {
            Piece mine = perThread.get();
            for (int c = 0; c < pieces; c++) mine.run(c);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable share = () -> {
            Piece mine = null;
            for (int c = next.getAndIncrement(); c < pieces; c = next.getAndIncrement()) {
                if (mine == null) mine = perThread.get();
                mine.run(c);
            }
        };
        // A helper runs only if it starts before the caller is done: whichever of the two
        // flips its flag first decides, so the caller never waits for a helper that has not
        // started (on a busy machine it may start late, or after the work is finished).
        Future<?>[] helpers = new Future<?>[t - 1];
        AtomicBoolean[] started = new AtomicBoolean[t - 1];
        for (int s = 0; s < helpers.length; s++) {
            AtomicBoolean flag = started[s] = new AtomicBoolean();
            helpers[s] = Pool.EXECUTOR.submit(() -> {
                if (flag.compareAndSet(false, true)) share.run();
            });
        }
        Throwable failure = null;
        try {
            share.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(pieces);
        }
        // Wait for the helpers that started, even after a failure or an interrupt: they
        // write into the caller's output.
        boolean interrupted = false;
        for (int s = 0; s < helpers.length; s++) {
            if (started[s].compareAndSet(false, true)) continue;
            while (true) {
                try {
                    helpers[s].get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException(op + ": a helper thread failed", failure);
    }

    /** The helper threads, made on first use; daemons, so that they never keep a program alive. */
    private static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zygote4j-worker-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
