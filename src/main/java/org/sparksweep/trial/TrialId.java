package org.sparksweep.trial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sparksweep.space.TrialConfig;

/** Deterministic trial ids: the same sweep name, config and seed give the same id on any machine. */
public final class TrialId {
    private TrialId() {}

    public static String of(String sweep, TrialConfig config, long seed) {
        return sha256Hex(sweep + '\n' + config.canonicalJson() + '\n' + seed).substring(0, 16);
    }

    /** The id of a trial whose config could not even be decoded: unique per sweep, index and seed. */
    public static String undecodable(String sweep, long index, long seed) {
        return sha256Hex(sweep + "\n#" + index + '\n' + seed).substring(0, 16);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
