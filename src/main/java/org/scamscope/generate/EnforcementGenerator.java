package org.scamscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * enforcement_actions: raids, arrests, deportations, repatriations, seizures and sanctions in the
 * countries of the compounds. A deportation or repatriation usually follows a raid of the same
 * file (parent_action_id), as the 2023-11-28 Bokeo and 2024-03-26 Preah Sihanouk operations were
 * followed by deportations to China; nationality breakdowns mostly add up to the persons detained.
 */
final class EnforcementGenerator implements DatasetGenerator {
    static final String[] COLUMNS = {"action_id", "action_date", "action_type", "country", "subdivision", "compound_id",
        "agency", "partner_country", "persons_detained", "persons_rescued", "persons_deported", "nationality_breakdown",
        "devices_seized", "assets_seized", "assets_currency", "parent_action_id", "source_url"};
    private static final int ID = 0, DATE = 1, TYPE = 2, COUNTRY = 3, SUB = 4, CMP = 5, AGENCY = 6, PARTNER = 7,
            DETAINED = 8, RESCUED = 9, DEPORTED = 10, BREAKDOWN = 11, DEVICES = 12, ASSETS = 13, CURRENCY = 14, PARENT = 15;

    static final List<Defect> DEFECTS = List.of(
            Defect.of("action_id_required", 0.01),
            Defect.of("action_date_not_future", 0.01),
            Defect.of("counts_not_negative", 0.01),
            Defect.of("nationality_breakdown_format", 0.01),
            Defect.of("parent_action_exists", 0.01),
            Defect.of(Defect.DUPLICATE, 0.01),
            Defect.malformed(0.005));

    private static final Weighted<String> TYPE_W = Weighted.of("raid", 35, "arrest", 20, "deportation", 20,
            "repatriation", 10, "seizure", 10, "sanction", 5);
    private static final Weighted<String> NATIONALITY = Weighted.of("CHN", 50, "VNM", 12, "IDN", 8, "MMR", 6, "THA", 6,
            "PHL", 5, "MYS", 4, "KOR", 3, "TWN", 3, "IND", 3);
    private static final String[] CURRENCIES = {"USD", "KHR", "THB", "PHP", "CNY"};
    private static final double[] PER_USD = {1, 4100, 35.5, 56, 7.1};

    private final Geography geo;
    private final CompoundCatalog compounds;
    private final long rows;

    EnforcementGenerator(Geography geo, CompoundCatalog compounds, long victims) {
        this.geo = geo;
        this.compounds = compounds;
        this.rows = Math.max(60, victims / 400);
    }

    @Override
    public String name() {
        return "enforcement_actions";
    }

    @Override
    public List<Field> fields() {
        List<Field> f = new ArrayList<>(Field.texts(COLUMNS));
        f.set(DATE, new Field("action_date", Field.Type.DATE));
        for (int i : new int[] {DETAINED, RESCUED, DEPORTED, DEVICES}) f.set(i, new Field(COLUMNS[i], Field.Type.INT));
        f.set(ASSETS, new Field("assets_seized", Field.Type.MONEY));
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
        return String.format("actions_s%d_%05d", seed, index);
    }

    @Override
    public FileRows open(int index, long seed, long firstRow) {
        return new FileRows() {
            long n = firstRow;
            /** clean raids of this file so far: a deportation's parent is one of them */
            final List<String[]> raids = new ArrayList<>();

            @Override
            public String[] next(Rnd r, String defect) {
                String[] f = action(r, String.format("ACT-%d-%07d", seed, ++n), raids);
                if (defect != null) breakRule(f, defect, r, seed);
                else if (f[TYPE].equals("raid") && raids.size() < 64) raids.add(f);
                else if (f[TYPE].equals("raid")) raids.set(r.below(64), f);
                return f;
            }
        };
    }

    private String[] action(Rnd r, String id, List<String[]> raids) {
        String[] f = new String[COLUMNS.length];
        java.util.Arrays.fill(f, "");
        f[ID] = id;
        String type = TYPE_W.pick(r);
        f[TYPE] = type;
        String[] parent = (type.equals("deportation") || type.equals("repatriation")) && !raids.isEmpty() && r.chance(0.7)
                ? r.of(raids) : null;
        if (parent != null) {
            f[PARENT] = parent[ID];
            f[COUNTRY] = parent[COUNTRY];
            f[SUB] = parent[SUB];
            f[DATE] = later(parent[DATE], r);
        } else {
            f[COUNTRY] = Geography.SCAM_COUNTRY.pick(r);
            String sub = r.chance(0.8) ? geo.subdivision(f[COUNTRY], r) : null;
            f[SUB] = sub == null ? "" : sub;
            f[DATE] = SeasonalDates.uniform(r, 2018, 2025);
        }
        if (type.equals("raid") && !f[SUB].isEmpty() && r.chance(0.5)) {
            String c = compounds.reportedBy(f[SUB], f[DATE], r);
            if (c != null) f[CMP] = c;
        }
        f[AGENCY] = "National Police Unit " + (1 + r.below(12)) + " (synthetic)";
        int persons = (int) Math.round(Math.exp(Math.log(60) + 1.1 * r.gaussian()));
        switch (type) {
            case "raid", "arrest" -> {
                f[DETAINED] = Integer.toString(persons);
                if (r.chance(0.5)) f[RESCUED] = Integer.toString(r.below(persons / 2 + 1));
                if (type.equals("raid")) f[DEVICES] = Integer.toString(persons * (1 + r.below(4)));
                if (r.chance(0.6)) f[BREAKDOWN] = breakdown(r, persons);
            }
            case "deportation", "repatriation" -> {
                f[PARTNER] = NATIONALITY.pick(r);
                f[DEPORTED] = Integer.toString(persons);
                if (r.chance(0.6)) f[BREAKDOWN] = f[PARTNER] + ":" + persons;
            }
            case "seizure" -> {
                int c = r.below(CURRENCIES.length);
                double usd = Math.exp(Math.log(2e6) + 1.2 * r.gaussian());
                f[ASSETS] = BigDecimal.valueOf(usd * PER_USD[c]).setScale(2, RoundingMode.HALF_UP).toPlainString();
                f[CURRENCY] = CURRENCIES[c];
                f[DEVICES] = Integer.toString(r.below(500));
            }
            default -> { }
        }
        f[16] = "https://example.org/synthetic/" + id.toLowerCase(java.util.Locale.ROOT);
        return f;
    }

    /** "CHN:40;VNM:12": adds up to the persons, except in one of 30 (which the job's gold cross-check reports). */
    private static String breakdown(Rnd r, int persons) {
        int parts = 1 + r.below(3);
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        int left = persons;
        for (int i = 0; i < parts && left > 0; i++) {
            String code = NATIONALITY.pick(r);
            int n = i == parts - 1 ? left : r.below(left + 1);
            counts.merge(code, n, Integer::sum);
            left -= n;
        }
        if (r.chance(1.0 / 30)) counts.merge(NATIONALITY.pick(r), 1 + r.below(20), Integer::sum);
        StringBuilder sb = new StringBuilder();
        counts.forEach((c, n) -> sb.append(sb.length() > 0 ? ";" : "").append(c).append(':').append(n));
        return sb.toString();
    }

    private static String later(String date, Rnd r) {
        java.time.LocalDate d = java.time.LocalDate.parse(date).plusDays(1 + r.below(30));
        return d.getYear() > 2025 ? "2025-12-31" : d.toString();
    }

    private static void breakRule(String[] f, String rule, Rnd r, long seed) {
        switch (rule) {
            case "action_id_required" -> f[ID] = "";
            case "action_date_not_future" -> f[DATE] = SeasonalDates.uniform(r, 2030, 2032);
            case "counts_not_negative" -> {
                f[DETAINED] = Integer.toString(-1 - r.below(50));
                f[BREAKDOWN] = "";
            }
            case "nationality_breakdown_format" -> f[BREAKDOWN] = r.of(new String[] {"CHN-80", "CN:80;VN:25", "CHN:80;CHN:5", "Chinese 80"});
            case "parent_action_exists" -> {
                f[PARENT] = String.format("ACT-%d-9%07d", seed, r.below(10_000_000));
                f[TYPE] = "deportation";
            }
            default -> throw new IllegalArgumentException("enforcement_actions: no way to break rule " + rule);
        }
    }
}
