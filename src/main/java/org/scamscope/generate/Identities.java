package org.scamscope.generate;

import java.util.Locale;
import java.util.Map;

/**
 * Synthetic identifying fields: names put together at random from common family names and
 * made-up given-name syllables, passport numbers and phone numbers drawn from per-country
 * patterns. No value is taken from a real record; they only look real, so that the job's
 * pseudonymisation is exercised on values of the right shape.
 */
final class Identities {
    private record Style(String[] families, String[] syllables, boolean familyFirst) {}

    private static final Style CHINESE = new Style(
            new String[] {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"},
            new String[] {"wei", "na", "min", "yang", "jing", "lei", "jun", "li", "qiang", "fang", "hao", "ting", "xin", "yu"}, true);
    private static final Style VIETNAMESE = new Style(
            new String[] {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo"},
            new String[] {"van", "thi", "an", "lan", "hung", "hoa", "minh", "tuan", "mai", "nam", "duc", "thu"}, true);
    private static final Style THAI = new Style(
            new String[] {"Saetang", "Srisuk", "Boonma", "Saengthong", "Rungrueang", "Chaiyaphum", "Wongsa"},
            new String[] {"som", "chai", "suda", "ma", "li", "wi", "sak", "nok", "porn", "thip", "anan"}, false);
    private static final Style MALAY = new Style(
            new String[] {"Santoso", "Rahayu", "Setiawan", "Lestari", "Pratama", "Hassan", "Ismail", "Wulandari"},
            new String[] {"bu", "di", "si", "ti", "a", "gus", "de", "wi", "riz", "ky", "pu", "tri", "nur"}, false);
    private static final Style FILIPINO = new Style(
            new String[] {"Santos", "Reyes", "Bautista", "Cruz", "Garcia", "Mendoza", "Ramos", "Aquino"},
            new String[] {"jo", "se", "ma", "ri", "an", "ge", "li", "ca", "kris", "ti", "ne", "mar"}, false);
    private static final Style SOUTH_ASIAN = new Style(
            new String[] {"Sharma", "Singh", "Kumar", "Patel", "Perera", "Fernando", "Rahman", "Thapa", "Gurung", "Khan"},
            new String[] {"ra", "hul", "pri", "ya", "a", "mit", "ne", "ha", "ar", "jun", "ka", "sun", "ni"}, false);
    private static final Style EAST_AFRICAN = new Style(
            new String[] {"Otieno", "Wanjiru", "Kamau", "Achieng", "Okello", "Nakato", "Kebede", "Alemu", "Tesfaye"},
            new String[] {"bri", "an", "fai", "th", "ke", "vin", "mer", "cy", "jo", "seph", "ha", "na", "da"}, false);
    private static final Style ENGLISH = new Style(
            new String[] {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Taylor", "Wilson", "Evans"},
            new String[] {"ja", "mes", "ma", "ry", "ro", "bert", "lin", "da", "mi", "chael", "em", "ma", "ol", "iv"}, false);

    private static final Map<String, Style> STYLE_BY_COUNTRY = Map.ofEntries(
            Map.entry("CHN", CHINESE), Map.entry("TWN", CHINESE), Map.entry("HKG", CHINESE), Map.entry("SGP", CHINESE),
            Map.entry("VNM", VIETNAMESE), Map.entry("THA", THAI), Map.entry("LAO", THAI), Map.entry("KHM", THAI),
            Map.entry("MMR", THAI), Map.entry("IDN", MALAY), Map.entry("MYS", MALAY), Map.entry("PHL", FILIPINO),
            Map.entry("IND", SOUTH_ASIAN), Map.entry("LKA", SOUTH_ASIAN), Map.entry("BGD", SOUTH_ASIAN),
            Map.entry("NPL", SOUTH_ASIAN), Map.entry("PAK", SOUTH_ASIAN), Map.entry("KEN", EAST_AFRICAN),
            Map.entry("UGA", EAST_AFRICAN), Map.entry("ETH", EAST_AFRICAN));

    /** Country calling codes; other countries get a generic +1 style number. */
    private static final Map<String, String> DIAL = Map.ofEntries(
            Map.entry("CHN", "+86 1DD DDDD DDDD"), Map.entry("VNM", "+84 9D DDD DDDD"), Map.entry("IDN", "+62 8DD DDDD DDDD"),
            Map.entry("PHL", "+63 9DD DDD DDDD"), Map.entry("THA", "+66 8D DDD DDDD"), Map.entry("MMR", "+95 9 DDD DDD DDD"),
            Map.entry("KHM", "+855 DD DDD DDD"), Map.entry("LAO", "+856 20 DDDD DDDD"), Map.entry("MYS", "+60 1D DDD DDDD"),
            Map.entry("IND", "+91 9DDDD DDDDD"), Map.entry("KEN", "+254 7DD DDD DDD"), Map.entry("USA", "+1 NDD NDD DDDD"),
            Map.entry("GBR", "+44 7DDD DDDDDD"), Map.entry("AUS", "+61 4DD DDD DDD"), Map.entry("TWN", "+886 9DD DDD DDD"));

    private Identities() {}

    static String name(Rnd r, String citizenship) {
        Style s = STYLE_BY_COUNTRY.getOrDefault(citizenship, ENGLISH);
        String given = capitalise(r.of(s.syllables()) + r.of(s.syllables()));
        String family = r.of(s.families());
        if (s.familyFirst()) return family + " " + given;
        // Some exports write passport style, "FAMILY, Given", which needs quoting in CSV.
        return r.chance(0.05) ? family.toUpperCase(Locale.ROOT) + ", " + given : given + " " + family;
    }

    static String passport(Rnd r, String citizenship) {
        return pattern(r, citizenship.charAt(0) + "LDDDDDDD");
    }

    static String phone(Rnd r, String citizenship) {
        return pattern(r, DIAL.getOrDefault(citizenship, "+1 NDD NDD DDDD"));
    }

    /** D a digit, N a digit 2-9, L a letter; other characters as they are. */
    private static String pattern(Rnd r, String p) {
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == 'D') sb.append((char) ('0' + r.below(10)));
            else if (c == 'N') sb.append((char) ('2' + r.below(8)));
            else if (c == 'L') sb.append((char) ('A' + r.below(26)));
            else sb.append(c);
        }
        return sb.toString();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
