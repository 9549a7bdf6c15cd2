package org.scamscope.table;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PersonKeyTest {
    @Test
    void hmacMatchesRfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                PersonKey.hmacHex("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"));
    }

    @Test
    void normalisingKeepsLettersOfEveryScriptAndDropsSpacingAndPunctuation() {
        assertEquals("nguyễnvănan\u001fc1234567\u001f84912345678",
                PersonKey.normalise("Nguyễn  Văn An\u001fC1234567\u001f+84 912-345-678"));
        assertEquals("王伟", PersonKey.normalise(" 王伟 "));
        // NFKC: a full-width digit is the same digit
        assertEquals("1", PersonKey.normalise("\uFF11"));
    }

    @Test
    void sameValuesWrittenDifferentlyGiveOneKeyAndAnotherKeyGivesAnother() {
        byte[] k = "a-key-for-this-test-only".getBytes(StandardCharsets.UTF_8);
        assertEquals(PersonKey.hmac(k, "Jane Smith\u001f\u001f+1 202 555 0143"), PersonKey.hmac(k, "jane smith\u001f\u001f+12025550143"));
        assertNotEquals(PersonKey.hmac(k, "Jane Smith"), PersonKey.hmac("another-key-entirely".getBytes(StandardCharsets.UTF_8), "Jane Smith"));
    }

    @Test
    void aKeyTooShortBlankOrOfOneRepeatedCharacterIsRefusedAndAGoodOneIsTaken() {
        assertEquals("is shorter than 16 characters", PersonKey.weakness("fifteen-chars-1"));
        assertEquals("is only white space", PersonKey.weakness(" ".repeat(16)));
        assertEquals("is only white space", PersonKey.weakness("\t \u00a0\u2003".repeat(4)));
        assertEquals("is one character repeated", PersonKey.weakness("a".repeat(40)));
        // 16 characters of a script beyond one UTF-16 unit each still count as 16, not 32.
        assertEquals("is shorter than 16 characters", PersonKey.weakness("\uD83D\uDD11".repeat(15)));
        assertEquals(null, PersonKey.weakness("sample-only-key-not-secret"));
        assertEquals(null, PersonKey.weakness("aaaaaaaaaaaaaaab"));
    }
}
