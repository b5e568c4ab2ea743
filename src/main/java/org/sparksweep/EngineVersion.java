package org.sparksweep;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** sparksweep's own version, as Maven stamped it into the jar; recorded with every leaderboard row. */
public final class EngineVersion {
    public static final String VALUE = read();

    private EngineVersion() {}

    private static String read() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/org/sparksweep/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
