package org.sparksweep.report;

import java.util.Locale;

/** Turns values into HTML text and attribute values: every value from a spec, a trainer or an error goes through here. */
final class Html {
    private Html() {}

    /** Text safe in element content and in double- or single-quoted attribute values. */
    static String text(Object value) {
        if (value == null) return "";
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append("&#xFFFD;");
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** A number for SVG coordinates: short, locale-independent. */
    static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** A value as people read it in a table cell or a tooltip. */
    static String display(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) return String.valueOf(d);
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-3 || a >= 1e7)) return String.format(Locale.ROOT, "%.4e", d);
            return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        return String.valueOf(v);
    }
}
