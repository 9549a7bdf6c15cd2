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
}
