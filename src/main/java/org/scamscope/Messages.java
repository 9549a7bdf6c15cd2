package org.scamscope;

/** Messages of other code (Spark's above all) cut to what fits on one line of scamscope's output. */
public final class Messages {
    private Messages() {}

    /**
     * The first line of a message that is not blank, stripped (Spark's parse errors start with a
     * newline); "" for null or a message without such a line.
     */
    public static String firstLine(String s) {
        if (s == null) return "";
        for (String line : s.split("\n")) {
            if (!line.isBlank()) return line.strip();
        }
        return "";
    }

    /** The first line of the exception's message, as {@link #firstLine(String)}, or its class's simple name if that is empty. */
    public static String firstLine(Throwable e) {
        String line = firstLine(e.getMessage());
        return line.isEmpty() ? e.getClass().getSimpleName() : line;
    }
}
