package org.scamscope.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrintableTest {
    @Test
    void terminalEscapesBidiOverridesAndLineEndsAreShownNotObeyed() {
        assertEquals("\\u001b]0;owned\\u0007title", Printable.escaped("\u001b]0;owned\u0007title"));
        assertEquals("\\u009b31m", Printable.escaped("\u009b31m"));
        assertEquals("abc\\u202efdp.exe", Printable.escaped("abc\u202efdp.exe"));
        assertEquals("a\\nb\\r\\tc", Printable.escaped("a\nb\r\tc"));
        assertEquals("a\nb\t", Printable.escapedKeepingLines("a\nb\t"));
        for (String plain : List.of("KK Park", "សុខ ចាន់ថា", "李娜", "Nguyễn Thị Hoa", "")) assertEquals(plain, Printable.escaped(plain));
    }

    @Test
    void aTextTableShowsEveryCellEscaped() {
        String shown = new TextTable(List.of("name")).add(List.of("\u001b[2Jgone")).aligned();
        assertEquals("name\n\\u001b[2Jgone\n", shown);
    }
}
