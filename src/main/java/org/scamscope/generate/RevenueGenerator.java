package org.scamscope.generate;

import java.math.BigDecimal;
import java.util.List;

/**
 * revenue_estimates: estimates of the industry's revenue, of victims' losses and of its workforce
 * by synthetic publishers, at every geographic level the job knows (subdivision, country, M49
 * sub-region, region group, world). Their size follows the published orders of magnitude
 * (billions of USD a year for a country, tens of thousands of workers); they disagree, as real
 * estimates do.
 */
final class RevenueGenerator implements DatasetGenerator {
    static final String[] COLUMNS = {"estimate_id", "publisher", "publication_date", "reference_year", "geo_level",
        "geo_code", "metric", "value_low", "value_high", "value_point", "unit", "method_note", "source_url"};
    private static final int ID = 0, PUBLISHER = 1, PUBLISHED = 2, YEAR = 3, LEVEL = 4, CODE = 5, METRIC = 6,
            LOW = 7, HIGH = 8, POINT = 9, UNIT = 10;

    static final List<Defect> DEFECTS = List.of(
            Defect.of("publisher_required", 0.01),
            Defect.of("publication_date_not_future", 0.01),
            Defect.of("geo_known", 0.01),
            Defect.of("values_not_negative", 0.01),
            Defect.of("value_low_not_above_high", 0.01),
            Defect.of(Defect.DUPLICATE, 0.01));

    private static final Weighted<String> LEVELS = Weighted.of("country", 60, "subdivision", 15, "subregion", 10,
            "region_group", 10, "world", 5);
    private static final Weighted<String> COUNTRIES = Weighted.of("KHM", 30, "MMR", 25, "LAO", 15, "PHL", 10, "THA", 8,
            "USA", 6, "CHN", 4, "VNM", 2);
    private static final String[] SUBDIVISIONS = {"KH-18", "KH-12", "MM-13", "MM-17", "LA-BK", "PH-TAR", "TH-63"};
    private static final String[] SUBREGIONS = {"035", "030"};
    private static final String[] GROUPS = {"KHM+LAO+MMR", "EAST_SE_ASIA"};
    private static final Weighted<String> METRICS = Weighted.of("revenue", 50, "victim_losses", 25, "workforce", 25);

    private final long rows;

    RevenueGenerator(long victims) {
        this.rows = Math.max(40, victims / 5000);
    }

    @Override
    public String name() {
        return "revenue_estimates";
    }

    @Override
    public List<Field> fields() {
        List<Field> f = new java.util.ArrayList<>(Field.texts(COLUMNS));
        f.set(YEAR, new Field("reference_year", Field.Type.INT));
        f.set(PUBLISHED, new Field("publication_date", Field.Type.DATE));
        for (int i : new int[] {LOW, HIGH, POINT}) f.set(i, new Field(COLUMNS[i], Field.Type.MONEY));
        return f;
    }

    @Override
    public long rows(long victims) {
        return rows;
    }

    @Override
    public List<Defect> defects() {
        return DEFECTS;
    }

    @Override
    public String fileName(int index, long seed) {
        return String.format("estimates_s%d_%05d", seed, index);
    }

    @Override
    public FileRows open(int index, long seed, long firstRow) {
        return new FileRows() {
            long n = firstRow;

            @Override
            public String[] next(Rnd r, String defect) {
                String[] f = estimate(r, String.format("EST-%d-%06d", seed, ++n));
                if (defect != null) breakRule(f, defect, r);
                return f;
            }
        };
    }

    private static String[] estimate(Rnd r, String id) {
        String[] f = new String[COLUMNS.length];
        java.util.Arrays.fill(f, "");
        f[ID] = id;
        f[PUBLISHER] = "Synthetic Research Desk " + (1 + r.below(40));
        int year = r.between(2018, 2025);
        f[YEAR] = Integer.toString(year);
        f[PUBLISHED] = SeasonalDates.uniform(r, Math.min(year + 1, 2025), 2025);
        String level = LEVELS.pick(r);
        f[LEVEL] = level;
        f[CODE] = switch (level) {
            case "country" -> COUNTRIES.pick(r);
            case "subdivision" -> r.of(SUBDIVISIONS);
            case "subregion" -> r.of(SUBREGIONS);
            case "region_group" -> r.of(GROUPS);
            default -> "001";
        };
        String metric = METRICS.pick(r);
        f[METRIC] = metric;
        f[UNIT] = metric.equals("workforce") ? "persons" : "USD";
        double scale = switch (metric) {
            case "workforce" -> 40_000;
            case "victim_losses" -> 8e9;
            default -> 6e9;
        } * (level.equals("subdivision") ? 0.3 : level.equals("country") ? 1 : 3);
        double central = scale * Math.exp(0.6 * r.gaussian());
        double u = r.uniform();
        if (u < 0.4) {
            f[POINT] = amount(central, metric);
        } else if (u < 0.8) {
            f[LOW] = amount(central * 0.7, metric);
            f[HIGH] = amount(central * 1.4, metric);
        } else if (u < 0.9) {
            f[LOW] = amount(central, metric);
        } else {
            f[HIGH] = amount(central, metric);
        }
        f[11] = "synthetic estimate";
        f[12] = "https://example.org/synthetic/" + id.toLowerCase(java.util.Locale.ROOT);
        return f;
    }

    /** Whole persons; money rounded to the million, as reports give it. */
    private static String amount(double v, String metric) {
        double unit = metric.equals("workforce") ? 100 : 1e6;
        return BigDecimal.valueOf(Math.round(v / unit) * unit).setScale(2).toPlainString();
    }

    private static void breakRule(String[] f, String rule, Rnd r) {
        switch (rule) {
            case "publisher_required" -> f[PUBLISHER] = "";
            case "publication_date_not_future" -> f[PUBLISHED] = SeasonalDates.uniform(r, 2030, 2032);
            case "geo_known" -> {
                f[LEVEL] = "country";
                f[CODE] = "ZZZ";
            }
            case "values_not_negative" -> {
                f[LOW] = "";
                f[HIGH] = "";
                f[POINT] = "-" + amount(1e9 * (1 + r.below(9)), "revenue");
            }
            case "value_low_not_above_high" -> {
                f[LOW] = amount(5e9 * (2 + r.below(5)), "revenue");
                f[HIGH] = amount(1e9 * (1 + r.below(5)), "revenue");
                f[POINT] = "";
                f[METRIC] = "revenue";
                f[UNIT] = "USD";
            }
            default -> throw new IllegalArgumentException("revenue_estimates: no way to break rule " + rule);
        }
    }
}
