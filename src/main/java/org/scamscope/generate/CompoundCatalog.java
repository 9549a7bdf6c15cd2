package org.scamscope.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compounds of a generated run, drawn once from the seed: the compounds dataset writes them,
 * and victims and enforcement actions refer to those in their subdivision. Small (one compound
 * per thousand victims), so it is held in memory.
 */
final class CompoundCatalog {
    record Compound(String id, String country, String subdivision, String firstReported) {}

    private final List<Compound> all = new ArrayList<>();
    private final Map<String, List<Compound>> bySubdivision = new LinkedHashMap<>();

    CompoundCatalog(long seed, long size, Geography geo) {
        Rnd r = new Rnd(Rnd.fileSeed(seed, "compound_catalog", 0));
        for (int i = 0; i < size; i++) {
            String country = Geography.SCAM_COUNTRY.pick(r);
            String sub = geo.subdivision(country, r);
            Compound c = new Compound(String.format("CMP-%d-%06d", seed, i + 1), country, sub, SeasonalDates.uniform(r, 2016, 2024));
            all.add(c);
            if (sub != null) bySubdivision.computeIfAbsent(sub, k -> new ArrayList<>()).add(c);
        }
    }

    int size() {
        return all.size();
    }

    Compound get(int i) {
        return all.get(i);
    }

    /** A compound of the subdivision already reported on the date (yyyy-MM-dd), or null. */
    String reportedBy(String subdivision, String date, Rnd r) {
        List<Compound> in = bySubdivision.get(subdivision);
        if (in == null) return null;
        for (int tries = 0; tries < 4; tries++) {
            Compound c = r.of(in);
            if (c.firstReported().compareTo(date) <= 0) return c.id();
        }
        return null;
    }
}
