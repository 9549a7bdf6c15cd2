package org.scamscope.source;

import org.scamscope.ExitCodes;

import java.io.IOException;
import java.io.InputStream;
import org.scamscope.storage.Location;
import java.util.Locale;

/**
 * Tells from its first and last bytes whether a file is what its extension says, before Spark
 * reads it: a Parquet file named .csv would otherwise be read as lines of garbage, a truncated
 * Parquet file fail deep in a job. A file that is not stops the run (its rows cannot be counted).
 */
final class FileSniff {
    private static final int HEAD = 64 * 1024;

    private FileSniff() {}

    /** @param encoding the encoding the source mapping declares for CSV text */
    static void check(Location file, String rel, String format, String encoding) {
        byte[] head = head(file, rel);
        if (format.equals("parquet")) {
            if (head.length == 0) return;  // Spark's own message says it is empty
            if (!startsWith(head, 'P', 'A', 'R', '1')) {
                throw ExitCodes.usage("input file " + rel + " is not a Parquet file: it does not start with PAR1"
                        + (text(head) ? " but holds text (a CSV file? name it .csv)" : ""));
            }
            if (!endsWithMagic(file, rel)) {
                throw ExitCodes.usage("input file " + rel + " is a truncated or damaged Parquet file: it does not end with PAR1"
                        + " (was it copied while still being written?)");
            }
            return;
        }
        String what = null;
        if (startsWith(head, 'P', 'A', 'R', '1')) what = "a Parquet file, not CSV text: name it .parquet";
        else if (startsWith(head, 'P', 'K', 3, 4)) what = "a ZIP archive (an Excel .xlsx workbook?), not CSV text: save it as CSV UTF-8";
        else if (startsWith(head, 0x1f, 0x8b)) what = "gzip-compressed, not CSV text: unpack it";
        else if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) what = "an Excel .xls workbook, not CSV text: save it as CSV UTF-8";
        else if (encoding.toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8")) {
            if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
                what = "UTF-16 text, not UTF-8: save it as CSV UTF-8, or set 'encoding' in its source mapping's csv options";
            } else {
                int nul = indexOf(head, (byte) 0);
                if (nul >= 0) what = "not CSV text: line " + (count(head, nul, (byte) '\n') + 1) + " holds a NUL byte (UTF-16 text, or a binary file?)";
            }
        }
        if (what != null) throw ExitCodes.usage("input file " + rel + " is " + what);
    }

    private static byte[] head(Location file, String rel) {
        try (InputStream in = file.open()) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw ExitCodes.usage("input file " + rel + " cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean endsWithMagic(Location file, String rel) {
        try {
            byte[] tail = file.tail(12);
            return tail.length == 12 && startsWith(java.util.Arrays.copyOfRange(tail, 8, 12), 'P', 'A', 'R', '1');  // magic, footer length, magic
        } catch (IOException e) {
            throw ExitCodes.usage("input file " + rel + " cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xff) != magic[i]) return false;
        return true;
    }

    /** No NUL and no other control character than tab and line ends: text in an ASCII-compatible encoding. */
    private static boolean text(byte[] b) {
        for (byte x : b) if ((x & 0xff) < 0x20 && x != '\t' && x != '\n' && x != '\r') return false;
        return true;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private static int count(byte[] b, int end, byte x) {
        int n = 0;
        for (int i = 0; i < end; i++) if (b[i] == x) n++;
        return n;
    }
}
