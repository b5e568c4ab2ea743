package org.sparksweep.plugin;

import java.util.Collection;
import java.util.Locale;

/**
 * The one message for a key a mapping of settings does not know, wherever the mapping is read: the
 * spec reader's blocks and a strategy's own options alike say what the key is, whose keys they are,
 * the nearest known key and the keys allowed, so a typo is told the same way everywhere.
 */
public final class UnknownKeys {
    private UnknownKeys() {}

    /**
     * "unknown key 'k'" + {@code context} (whose keys they are, e.g. " for trainer dl4j-mlp"), with
     * {@code suggest} the nearest known key, then the keys allowed.
     */
    public static String message(String key, Collection<String> known, String context, boolean suggest) {
        return "unknown key '" + key + "'" + context + (suggest ? suggestion(key, known) : "") + "; allowed: " + known;
    }

    /** "; did you mean 'x'?" for the nearest known name within a small edit distance, else "". */
    public static String suggestion(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? "; did you mean '" + best + "'?" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
