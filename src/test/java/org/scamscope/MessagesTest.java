package org.scamscope;

import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    @Test
    void theFirstLineThatIsNotBlankStripped() {
        assertEquals("one", Messages.firstLine("one\ntwo"));
        assertEquals("one", Messages.firstLine("\n  \n  one  \ntwo"));
        assertEquals("one", Messages.firstLine("one"));
        assertEquals("", Messages.firstLine(" \n\n"));
        assertEquals("", Messages.firstLine((String) null));
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsClass() {
        assertEquals("bad", Messages.firstLine(new IllegalStateException("bad\nat line 2")));
        assertEquals("IllegalStateException", Messages.firstLine(new IllegalStateException()));
        assertEquals("IllegalStateException", Messages.firstLine(new IllegalStateException("\n")));
    }

    @Test
    void sparksParseErrorsStartWithANewline() { // ParseException, an AnalysisException: checked, thrown undeclared
        Exception e = assertThrows(Exception.class, () -> CatalystSqlParser$.MODULE$.parseExpression("year = = 1"));
        assertTrue(e.getMessage().startsWith("\n"), e.getMessage());
        assertTrue(Messages.firstLine(e).startsWith("[PARSE_SYNTAX_ERROR] "), Messages.firstLine(e));
    }
}
