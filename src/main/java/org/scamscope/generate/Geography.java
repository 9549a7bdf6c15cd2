package org.scamscope.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where records are placed and where people come from, shaped after the published picture
 * (/work/shared/FACTS.md is its source): compounds and victims concentrated in Cambodia, Myanmar
 * and Lao PDR, then the Philippines and Thailand; within each, the hubs named in the reports
 * (Preah Sihanouk, Kayin State, Bokeo, ...) carry most records and every other subdivision of the
 * reference data a little. Citizenships are skewed the same way, with a long tail over every
 * country of data/reference.
 */
final class Geography {
    /** Countries of exploitation (forced scam work) and of compounds. */
    static final Weighted<String> SCAM_COUNTRY = Weighted.of(
            "KHM", 40, "MMR", 30, "LAO", 12, "PHL", 10, "THA", 5, "MYS", 2, "VNM", 0.6, "IDN", 0.4);

    /** The hubs of each country and their weights; other subdivisions of the country share TAIL_WEIGHT each. */
    private static final Map<String, Object[]> HUBS = Map.of(
            "KHM", new Object[] {"KH-18", 35, "KH-12", 15, "KH-8", 8, "KH-9", 8, "KH-1", 12, "KH-22", 5, "KH-20", 10, "KH-15", 7},
            "MMR", new Object[] {"MM-13", 70, "MM-17", 30},
            "LAO", new Object[] {"LA-BK", 90},
            "PHL", new Object[] {"PH-TAR", 20, "PH-PAM", 35, "PH-00", 45},
            "THA", new Object[] {"TH-63", 65, "TH-10", 35});
    private static final double TAIL_WEIGHT = 0.4;

    /** Place-name spellings a partner may use for a hub, known to the reference data's aliases. */
    static final Map<String, String> HUB_ALIAS = Map.of("KH-18", "Sihanoukville", "MM-13", "Myawaddy", "LA-BK", "Bokeo");

    private static final Object[] FORCED_HEAD = {
        "CHN", 20, "VNM", 12, "IDN", 10, "PHL", 8, "THA", 7, "MMR", 7, "MYS", 6, "IND", 6, "KEN", 4, "UGA", 3,
        "ETH", 3, "LKA", 3, "BGD", 2, "TWN", 3, "NPL", 2, "PAK", 1, "LAO", 1.5, "KHM", 1.5};
    private static final Object[] DEFRAUDED_HEAD = {
        "USA", 30, "CHN", 14, "GBR", 6, "AUS", 6, "SGP", 6, "MYS", 5, "JPN", 5, "KOR", 4, "TWN", 5, "CAN", 5,
        "DEU", 3, "HKG", 3, "IND", 3, "THA", 2, "FRA", 2, "NZL", 1};
    /** Weight of each country of data/reference outside the head lists. */
    private static final double CITIZENSHIP_TAIL = 0.02;

    final Reference reference;
    final Weighted<String> forcedCitizenship;
    final Weighted<String> defraudedCitizenship;
    private final Map<String, Weighted<String>> subdivisions = new LinkedHashMap<>();

    Geography(Reference reference) {
        this.reference = reference;
        this.forcedCitizenship = citizenships(FORCED_HEAD);
        this.defraudedCitizenship = citizenships(DEFRAUDED_HEAD);
        for (String country : SCAM_COUNTRY.values()) {
            Map<String, Double> w = new LinkedHashMap<>();
            Object[] hubs = HUBS.getOrDefault(country, new Object[0]);
            for (int i = 0; i < hubs.length; i += 2) {
                if (!reference.subdivisionsOf(country).contains((String) hubs[i])) {
                    throw new IllegalStateException("hub " + hubs[i] + " is not a subdivision of " + country + " in data/reference");
                }
                w.put((String) hubs[i], ((Number) hubs[i + 1]).doubleValue());
            }
            for (String s : reference.subdivisionsOf(country)) w.putIfAbsent(s, hubs.length == 0 ? 1.0 : TAIL_WEIGHT);
            if (!w.isEmpty()) subdivisions.put(country, Weighted.of(w));
        }
    }

    private Weighted<String> citizenships(Object[] head) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < head.length; i += 2) w.put((String) head[i], ((Number) head[i + 1]).doubleValue());
        for (String c : reference.countries.keySet()) w.putIfAbsent(c, CITIZENSHIP_TAIL);
        return Weighted.of(w);
    }

    /** A subdivision of the country, hubs first; null for a country without subdivisions in the reference data. */
    String subdivision(String country, Rnd r) {
        Weighted<String> w = subdivisions.get(country);
        return w == null ? null : w.pick(r);
    }

    /** Whether the country is one a partner may write by alpha-2 code or name (the head of the lists). */
    boolean hasVariant(String alpha3) {
        for (Object[] head : new Object[][] {FORCED_HEAD, DEFRAUDED_HEAD}) {
            for (int i = 0; i < head.length; i += 2) if (head[i].equals(alpha3)) return true;
        }
        return false;
    }

    /** The country written another way a partner might: its alpha-2 code or its English name. */
    String variant(String alpha3, Rnd r) {
        Reference.Country c = reference.countries.get(alpha3);
        return r.chance(0.5) ? c.alpha2() : c.name();
    }

    List<String> scamCountries() {
        return SCAM_COUNTRY.values();
    }
}
