package org.scamscope.ops;

/**
 * Text made safe to print: control characters (C0 and C1, the terminal's escape sequences among
 * them) and the bidirectional overrides that make text read other than it is, written as \\uXXXX.
 * A value of a partner's file must not move the cursor, recolour or retitle the terminal.
 */
public final class Printable {
    private Printable() {}

    /** Every such character escaped; line ends and tabs as \\n, \\r and \\t. */
    public static String escaped(String v) {
        return escape(v, false);
    }

    /** The same, but line ends and tabs kept: they are data in a quoted CSV field. */
    public static String escapedKeepingLines(String v) {
        return escape(v, true);
    }

    private static String escape(String v, boolean keepLines) {
        if (v == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean line = c == '\n' || c == '\r' || c == '\t';
            if (!unsafe(c) || (keepLines && line)) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(v.length() + 8).append(v, 0, i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? v : out.toString();
    }

    static boolean unsafe(char c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
