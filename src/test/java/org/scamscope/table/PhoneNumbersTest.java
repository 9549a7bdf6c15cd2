package org.scamscope.table;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneNumbersTest {
    private final PhoneNumbers e164 = new PhoneNumbers();

    @Test
    void nationalAndInternationalFormsOfOneNumberAreOneE164Number() {
        assertEquals("+84912345678", e164.call("+84 912 345 678", "VNM"));
        assertEquals("+84912345678", e164.call("0912 345 678", "VNM"));
        assertEquals("+84912345678", e164.call("(+84) 912-345-678", null));
        assertEquals("+85512345678", e164.call("012 345 678", "KHM"));
        assertEquals("+639171234567", e164.call("0917 123 4567", "phl"));
    }

    @Test
    void aNumberWithoutItsCountryCodeIsReadInTheRecordsCountry() {
        assertEquals("+63912345678", e164.call("0912 345 678", "PHL"));
    }

    @Test
    void whatIsNoPhoneNumberIsKeptAsWritten() {
        assertEquals("ask the hotline", e164.call("ask the hotline", "VNM"));
        assertEquals("0912 345 678", e164.call("0912 345 678", null));   // no country to read it in
        assertEquals("12", e164.call("12", "VNM"));
        assertEquals(null, e164.call(null, "VNM"));
    }
}
