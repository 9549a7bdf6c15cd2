package org.scamscope.disclosure;

import java.util.Map;

/**
 * Which region a gold row's region adds up into: subdivision into country, country into M49
 * sub-region, sub-region into the world; the "unknown" cells into their level's parent.
 */
public final class RegionTree {
    public static final String SUBDIVISION = "subdivision";
    public static final String COUNTRY = "country";
    public static final String SUBREGION = "subregion";
    public static final String WORLD = "world";
    public static final String WORLD_CODE = "001";
    /**
     * The code of the records a level cannot place: "unknown" at country and sub-region level (no
     * country, or a country M49 puts in no sub-region), "KHM-unknown" at subdivision level (a country
     * without its subdivision). So a parent is always exactly the sum of its children.
     */
    public static final String UNKNOWN = "unknown";
    public static final String UNKNOWN_SUFFIX = "-" + UNKNOWN;

    /** A region: its level and code. */
    public record Region(String level, String code) {}

    private final Map<String, String> countryOfSubdivision;
    private final Map<String, String> subregionOfCountry;

    /**
     * @param countryOfSubdivision ISO 3166-2 code to ISO alpha-3 country
     * @param subregionOfCountry ISO alpha-3 to M49 sub-region code, for countries that have one
     */
    public RegionTree(Map<String, String> countryOfSubdivision, Map<String, String> subregionOfCountry) {
        this.countryOfSubdivision = Map.copyOf(countryOfSubdivision);
        this.subregionOfCountry = Map.copyOf(subregionOfCountry);
    }

    /** The region r adds up into, or null for the world (and for a code the reference does not know). */
    public Region parent(Region r) {
        switch (r.level()) {
            case SUBDIVISION -> {
                String country = r.code().endsWith(UNKNOWN_SUFFIX)
                        ? r.code().substring(0, r.code().length() - UNKNOWN_SUFFIX.length())
                        : countryOfSubdivision.get(r.code());
                return country == null ? null : new Region(COUNTRY, country);
            }
            case COUNTRY -> {
                return new Region(SUBREGION, subregionOfCountry.getOrDefault(r.code(), UNKNOWN));
            }
            case SUBREGION -> {
                return new Region(WORLD, WORLD_CODE);
            }
            default -> {
                return null;
            }
        }
    }
}
