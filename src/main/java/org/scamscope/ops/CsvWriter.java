package org.scamscope.ops;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV for people to open in a spreadsheet (RFC 4180: fields with a comma, quote or line end are
 * quoted, quotes doubled). A cell that a spreadsheet would run as a formula gets a leading single
 * quote, as OWASP advises against CSV injection: one starting with a tab or carriage return, or whose
 * first character after any leading white space (line ends, no-break and other Unicode spaces,
 * zero-width and control characters) is = + - @ or a look-alike of one (full-width, small-form,
 * superscript, the minus sign). A plain number such as -12.5 is left as it is, since it cannot be a
 * formula. Control characters other than line ends and tabs are written as \\uXXXX (as Printable writes them).
 */
public final class CsvWriter {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvWriter() {}

    /** One line of cells, with its CRLF line end; a null cell is empty. */
    public static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /** One cell as written to the file: neutralised, then quoted when it needs to be. */
    public static String cell(String v) {
        if (v == null) return "";
        String printable = Printable.escapedKeepingLines(v);
        String safe = formulaLike(printable) ? "'" + printable : printable;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static boolean formulaLike(String v) {
        if (v.isEmpty()) return false;
        if (v.charAt(0) == '\t' || v.charAt(0) == '\r') return true;
        int i = 0;
        while (i < v.length() && blank(v.codePointAt(i))) i += Character.charCount(v.codePointAt(i));
        if (i == v.length()) return false;
        String first = Normalizer.normalize(new String(Character.toChars(v.codePointAt(i))), Normalizer.Form.NFKC);
        if (first.isEmpty() || TRIGGERS.indexOf(first.charAt(0)) < 0) return false;
        return !NUMBER.matcher(v.substring(i).strip()).matches();
    }

    /** After NFKC (which makes full-width, small-form and superscript signs plain): the signs that start a formula. */
    private static final String TRIGGERS = "=+-@\u2212\u2795\u2796";

    private static boolean blank(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL || type == Character.FORMAT;
    }
}
