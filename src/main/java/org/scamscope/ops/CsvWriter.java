package org.scamscope.ops;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV for people to open in a spreadsheet (RFC 4180: fields with a comma, quote or line end are
 * quoted, quotes doubled). A cell that a spreadsheet would run as a formula, one starting with
 * = + - @ (or their full-width forms) or a tab or carriage return, gets a leading single quote, as
 * OWASP advises against CSV injection; a plain number such as -12.5 is left as it is, since it
 * cannot be a formula.
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
        String safe = formulaLike(v) ? "'" + v : v;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static boolean formulaLike(String v) {
        if (v.isEmpty() || "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(v.charAt(0)) < 0) return false;
        return !NUMBER.matcher(v).matches();
    }
}
