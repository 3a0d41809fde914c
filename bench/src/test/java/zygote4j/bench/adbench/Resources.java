package zygote4j.bench.adbench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The ADBench test instances copied under src/test/resources/adbench. */
final class Resources {
    private Resources() {
    }

    static Path adbench(String relative) {
        try {
            return Path.of(Resources.class.getResource("/adbench").toURI()).resolve(relative);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
