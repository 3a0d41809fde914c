package zygote4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Common ground of the workloads that read an ADBench file: where the data lives, and
 * a clear {@link Workload.Unavailable} when it is not there.
 *
 * <pre>{@code Path f = dataFile("gmm/1k/gmm_d10_K25.txt");}</pre>
 */
abstract class AdbenchWorkload extends Workload {
    final Path adbench;

    AdbenchWorkload(Path adbench) {
        this.adbench = adbench;
    }

    /** A file under {@code data/}, which must exist. */
    Path dataFile(String relative) {
        Path f = adbench.resolve("data").resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new Unavailable("ADBench data file " + f + " not found; pass --adbench DIR (the folder holding data/ "
                    + "and expected/) or set ADBENCH_DIR");
        }
        return f;
    }

    /** Wraps a read error into {@link Workload.Unavailable} with the file named. */
    static Unavailable unreadable(Path f, IOException e) {
        return new Unavailable("cannot read " + f + ": " + e.getMessage());
    }
}
