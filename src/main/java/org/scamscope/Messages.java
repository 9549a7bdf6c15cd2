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

    /**
     * One line for a full disk, wherever in the chain of causes the file system said so (Spark wraps
     * a task's IOException in its job's failure, Hadoop in an FSError), naming the file when a cause
     * names it; null when no cause is a full disk.
     */
    public static String noSpaceLeft(Throwable e) {
        String file = null;
        boolean full = false;
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null && file == null) file = f.getFile();
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no space left")) full = true;
        }
        if (!full) return null;
        return "no space left on device" + (file == null ? "" : " writing " + file)
                + ": free space where the warehouse or Spark's scratch folder is and run again (Delta commits are whole or absent)";
    }
}
