package org.scamscope.generate;

import java.util.List;

/** compounds: the run's compound catalog, with names, places, statuses and workforce ranges. */
final class CompoundGenerator implements DatasetGenerator {
    static final String[] COLUMNS = {"compound_id", "name", "aliases", "country", "subdivision", "district", "latitude",
        "longitude", "operator", "first_reported", "status", "status_date", "estimated_workers_low", "estimated_workers_high",
        "source_url"};
    private static final int ID = 0, NAME = 1, COUNTRY = 3, LAT = 6, LON = 7, LOW = 12, HIGH = 13;

    static final List<Defect> DEFECTS = List.of(
            Defect.of("compound_id_required", 0.01),
            Defect.of("latitude_range", 0.01),
            Defect.of("country_known", 0.01),
            Defect.of("workers_low_not_above_high", 0.01),
            Defect.of(Defect.DUPLICATE, 0.01),
            Defect.malformed(0.005));

    private static final String[] FIRST = {"Golden", "Jade", "Lucky", "Royal", "Dragon", "Phoenix", "Star", "Diamond",
        "Pearl", "Lotus", "Crown", "Harbour", "Riverside", "Highland", "Ocean", "Silk Road"};
    private static final String[] SECOND = {"Resort", "Park", "Tech Zone", "Plaza", "Garden City", "Casino Complex",
        "Industrial Park", "Residence", "Towers", "Hotel", "Economic Zone", "Compound"};
    private static final Weighted<String> STATUS = Weighted.of("operating", 55, "raided", 20, "closed", 15, "relocated", 10);
    /** A rough centre per country, for coordinates that fall on land in the region. */
    private static final java.util.Map<String, double[]> CENTRE = java.util.Map.of(
            "KHM", new double[] {11.5, 104.9}, "MMR", new double[] {16.8, 98.5}, "LAO", new double[] {20.3, 100.1},
            "PHL", new double[] {15.2, 120.6}, "THA", new double[] {16.7, 98.6}, "MYS", new double[] {3.1, 101.7},
            "VNM", new double[] {10.8, 106.7}, "IDN", new double[] {-6.2, 106.8});

    private final CompoundCatalog catalog;
    private final long rows;

    CompoundGenerator(CompoundCatalog catalog) {
        this.catalog = catalog;
        this.rows = catalog.size();
    }

    @Override
    public String name() {
        return "compounds";
    }

    @Override
    public List<Field> fields() {
        List<Field> f = new java.util.ArrayList<>(Field.texts(COLUMNS));
        f.set(LAT, new Field("latitude", Field.Type.DOUBLE));
        f.set(LON, new Field("longitude", Field.Type.DOUBLE));
        f.set(9, new Field("first_reported", Field.Type.DATE));
        f.set(LOW, new Field("estimated_workers_low", Field.Type.INT));
        f.set(HIGH, new Field("estimated_workers_high", Field.Type.INT));
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
        return String.format("compounds_s%d_%05d", seed, index);
    }

    /** File i writes the catalog from its own offset, so files never repeat a compound by accident. */
    @Override
    public FileRows open(int index, long seed, long firstRow) {
        return new FileRows() {
            int next = (int) firstRow;

            @Override
            public String[] next(Rnd r, String defect) {
                String[] f = compound(catalog.get(Math.min(next++, catalog.size() - 1)), r);
                if (defect != null) breakRule(f, defect, r);
                return f;
            }
        };
    }

    private static String[] compound(CompoundCatalog.Compound c, Rnd r) {
        String[] f = new String[COLUMNS.length];
        java.util.Arrays.fill(f, "");
        f[ID] = c.id();
        f[NAME] = r.of(FIRST) + " " + r.of(SECOND);
        if (r.chance(0.2)) f[2] = r.of(FIRST) + " " + r.of(SECOND) + ";" + c.id().substring(c.id().length() - 3);
        f[COUNTRY] = c.country();
        f[4] = c.subdivision() == null ? "" : c.subdivision();
        if (r.chance(0.5)) {
            double[] centre = CENTRE.get(c.country());
            f[LAT] = coordinate(centre[0] + r.gaussian() * 0.8);
            f[LON] = coordinate(centre[1] + r.gaussian() * 0.8);
        }
        f[8] = r.chance(0.3) ? "unknown (synthetic)" : "";
        f[9] = c.firstReported();
        String status = STATUS.pick(r);
        f[10] = status;
        if (!status.equals("operating")) {
            String after = SeasonalDates.uniform(r, Integer.parseInt(c.firstReported().substring(0, 4)), 2025);
            f[11] = after.compareTo(c.firstReported()) < 0 ? c.firstReported() : after;
        }
        if (r.chance(0.7)) {
            int low = (int) Math.round(Math.exp(Math.log(600) + 0.9 * r.gaussian()));
            f[LOW] = Integer.toString(low);
            f[HIGH] = Integer.toString(low + (int) Math.round(low * (0.5 + 2.5 * r.uniform())));
        }
        f[14] = "https://example.org/synthetic/" + c.id().toLowerCase(java.util.Locale.ROOT);
        return f;
    }

    private static String coordinate(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(5, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void breakRule(String[] f, String rule, Rnd r) {
        switch (rule) {
            case "compound_id_required" -> f[ID] = "";
            case "latitude_range" -> {
                f[LAT] = coordinate(90.5 + r.uniform() * 100);
                f[LON] = coordinate(100 + r.uniform());
            }
            case "country_known" -> f[COUNTRY] = r.of(new String[] {"XYZ", "Narnia", "QX"});
            case "workers_low_not_above_high" -> {
                f[LOW] = Integer.toString(1000 + r.below(5000));
                f[HIGH] = Integer.toString(100 + r.below(800));
            }
            default -> throw new IllegalArgumentException("compounds: no way to break rule " + rule);
        }
    }
}
