package org.scamscope.ops;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {
    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaGetALeadingQuote() {
        assertEquals("'=1+1", CsvWriter.cell("=1+1"));
        assertEquals("'+cmd|' /C calc'!A0", CsvWriter.cell("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", CsvWriter.cell("-2+3"));
        assertEquals("'@SUM(1+1)", CsvWriter.cell("@SUM(1+1)"));
        assertEquals("'\t=1+1", CsvWriter.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", CsvWriter.cell("\r=1+1"));
        assertEquals("'\uFF1D1+1", CsvWriter.cell("\uFF1D1+1"));
        assertEquals("'-", CsvWriter.cell("-"));
    }

    @Test
    void numbersAndOrdinaryTextAreLeftAlone() {
        for (String v : List.of("-12.5", "+5", "-0.01", "-1e10", "1.5E-3", "", "KK Park", "a=b", "2024-03-26", "CHN:700")) {
            assertEquals(v, CsvWriter.cell(v));
        }
    }

    @Test
    void fieldsWithCommasQuotesOrLineEndsAreQuotedWithQuotesDoubled() {
        assertEquals("\"Myawaddy, \"\"Kayin\"\"\nborder\"", CsvWriter.cell("Myawaddy, \"Kayin\"\nborder"));
        assertEquals("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\"", CsvWriter.cell("=HYPERLINK(\"http://example.org\",\"x\")"));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("a,,\"b,c\"\r\n", CsvWriter.line(Arrays.asList("a", null, "b,c")));
    }

    @Test
    void aFormulaAfterLeadingWhiteSpaceOfAnyKindOrWrittenWithALookAlikeSignIsNeutralisedToo() {
        assertEquals("\"'\n=1+1\"", CsvWriter.cell("\n=1+1"));
        assertEquals("\"'\r\n@SUM(A1)\"", CsvWriter.cell("\r\n@SUM(A1)"));
        assertEquals("'\u00a0=1+1", CsvWriter.cell("\u00a0=1+1"));
        assertEquals("' \u2003\u200b+cmd", CsvWriter.cell(" \u2003\u200b+cmd"));
        assertEquals("'\ufeff=1", CsvWriter.cell("\ufeff=1"));
        assertEquals("'\ufe66HYPERLINK(1)", CsvWriter.cell("\ufe66HYPERLINK(1)"));   // small-form equals
        assertEquals("'\ufe62cmd", CsvWriter.cell("\ufe62cmd"));                     // small-form plus
        assertEquals("'\u207ccmd", CsvWriter.cell("\u207ccmd"));                     // superscript equals
        assertEquals("'\u2212cmd", CsvWriter.cell("\u2212cmd"));                     // minus sign
        assertEquals("'\ufe6bSUM(1)", CsvWriter.cell("\ufe6bSUM(1)"));               // small-form commercial at
        // A number after spaces is still a number; spaces alone are text.
        assertEquals("  -12.5", CsvWriter.cell("  -12.5"));
        assertEquals("   ", CsvWriter.cell("   "));
    }

    @Test
    void controlCharactersAreWrittenAsEscapesAndLineEndsStayData() {
        assertEquals("\\u001b[31mred\\u001b[0m", CsvWriter.cell("\u001b[31mred\u001b[0m"));
        assertEquals("\\u009b2J", CsvWriter.cell("\u009b2J"));
        assertEquals("\"a\nb\"", CsvWriter.cell("a\nb"));
        // Escaped, the cell starts with a backslash: text to a spreadsheet, not a formula.
        assertEquals("\\u0007=1", CsvWriter.cell("\u0007=1"));
    }
}
