package org.scamscope.table;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.udf;

/**
 * A phone number in E.164 (+84912345678), so that "0912 345 678" from a Vietnamese citizen's record
 * and "+84 912 345 678" give one person key. A number without its country code is read in the
 * country of the record's region column; text that is no possible phone number there is kept as written.
 */
public final class PhoneNumbers implements UDF2<String, String, String> {
    private static final long serialVersionUID = 1L;
    /** ISO alpha-3 to the alpha-2 code libphonenumber takes as a region. */
    private static final Map<String, String> ALPHA2 = new HashMap<>();

    static {
        for (String a2 : Locale.getISOCountries()) ALPHA2.put(new Locale("", a2).getISO3Country(), a2);
    }

    /** Whether alpha3 is a country code the numbers can be read in. */
    public static boolean knowsRegion(String alpha3) {
        return alpha3 != null && ALPHA2.containsKey(alpha3.toUpperCase(Locale.ROOT));
    }

    /** The column in E.164, reading numbers without a country code in the alpha-3 country of region. */
    public static Column e164(Column phone, Column region) {
        return udf(new PhoneNumbers(), DataTypes.StringType).apply(phone, region);
    }

    @Override
    public String call(String phone, String alpha3) {
        if (phone == null) return null;
        String region = alpha3 == null ? "ZZ" : ALPHA2.getOrDefault(alpha3.toUpperCase(Locale.ROOT), "ZZ");
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber n = util.parse(phone, region);
            return util.isPossibleNumber(n) ? util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : phone;
        } catch (NumberParseException e) {
            return phone;
        }
    }
}
