package org.scamscope.source;

import org.apache.spark.sql.api.java.UDF1;
import org.scamscope.table.PersonKey;

/**
 * What the quarantine keeps of a row the CSV parser could not split into the header's fields: its
 * length, its field and line counts and a keyed hash of the line, as JSON; never its values. A
 * field too many or too few shifts every later value into another column, so a name or a phone
 * number would land where no mask expects it.
 */
final class BrokenLine implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final char delimiter;
    private final char quote;
    private final int headerFields;
    private final PersonKey key;

    /** key: null when the file carries no identifying column (then the line gets no hash). */
    BrokenLine(char delimiter, char quote, int headerFields, PersonKey key) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.headerFields = headerFields;
        this.key = key;
    }

    @Override
    public String call(String line) {
        if (line == null) return null;
        String text = line.replaceAll("[\\r\\n]+$", "");
        StringBuilder json = new StringBuilder("{\"line_length\":").append(text.length())
                .append(",\"fields\":").append(fields(text))
                .append(",\"header_fields\":").append(headerFields)
                .append(",\"lines\":").append(text.split("\\r?\\n", -1).length);
        if (key != null) json.append(",\"line_hash\":\"").append(key.hashOfText(text)).append('"');
        return json.append('}').toString();
    }

    /** Fields as RFC 4180 splits them: a delimiter inside quotes, or a doubled quote, splits nothing. */
    int fields(String text) {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == quote) i++;
                else quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                fields++;
            }
        }
        return fields;
    }
}
