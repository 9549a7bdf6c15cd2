package org.scamscope.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * victims: person-records in the canonical layout (conf/tables/silver/victims/sources/canonical.json), from
 * partner sources of which some carry identifying fields. Distributions follow those of the shipped
 * sample's victims (data/sample/victims, see data/sample/README.md): 60 % forced scam workers, 40 %
 * defrauded; forced workers mostly young men from Asia and East Africa, defrauded victims from the
 * United States, China and other rich countries; losses log-normal around USD 3,500.
 */
final class VictimGenerator implements DatasetGenerator {
    static final String[] COLUMNS = {
        "victim_id", "source", "victim_type", "registration_date", "gender", "age", "age_band", "citizenship",
        "exploitation_country", "exploitation_subdivision", "compound_id", "recruitment_channel", "means_of_control",
        "status", "loss_amount", "loss_currency", "scam_type", "name", "passport_number", "phone"};
    private static final int ID = 0, SOURCE = 1, TYPE = 2, DATE = 3, GENDER = 4, AGE = 5, BAND = 6, CIT = 7, EXC = 8,
            EXS = 9, CMP = 10, CHANNEL = 11, MEANS = 12, STATUS = 13, LOSS = 14, CUR = 15, SCAM = 16, NAME = 17,
            PASSPORT = 18, PHONE = 19;

    /** Source of file i is SOURCES[i % 5]; the second column says whether its export carries identifying fields. */
    private static final Object[][] SOURCES = {
        {"hotline_kh", true}, {"partner_ngo_th", false}, {"ngo_casework", true}, {"police_ph", true}, {"embassy_referrals", false}};

    /** The bad rows and their shares of all rows (malformed rows: of the CSV files' rows). */
    static final List<Defect> DEFECTS = List.of(
            Defect.of("victim_id_required", 0.003),
            Defect.of("registration_date_date", 0.003),
            Defect.of("registration_date_not_future", 0.002),
            Defect.of("age_range", 0.003),
            Defect.of("citizenship_known", 0.003),
            Defect.of("exploitation_subdivision_known", 0.002),
            Defect.of("exploitation_subdivision_in_country", 0.002),
            Defect.of("loss_amount_not_negative", 0.002),
            Defect.of("loss_fx_rate_known", 0.002),
            Defect.of("victim_type_allowed", 0.002),
            Defect.of(Defect.DUPLICATE, 0.003),
            Defect.malformed(0.001));

    private static final Weighted<String> GENDER_FORCED = Weighted.of("male", 65, "female", 31, "trans_nonconforming", 1, "", 3);
    private static final Weighted<String> GENDER_DEFRAUDED = Weighted.of("female", 48, "male", 48, "trans_nonconforming", 1, "", 3);
    private static final Weighted<String> CHANNEL_FORCED = Weighted.of("online_job_ad", 34, "social_media", 24,
            "messaging_app", 16, "acquaintance", 12, "recruitment_agency", 10, "family", 4);
    private static final Weighted<String> CHANNEL_DEFRAUDED = Weighted.of("dating_app", 18, "social_media", 30,
            "messaging_app", 20, "wrong_number_text", 17, "investment_platform", 15);
    private static final String[] MEANS_LIST = {"debt_bondage", "threats", "abuse", "false_promises", "drugs_alcohol",
        "denied_basic_needs", "excessive_hours", "withheld_documents", "confinement"};
    private static final Weighted<String> MEANS_ONE = Weighted.of("debt_bondage", 30, "threats", 45, "abuse", 35,
            "false_promises", 60, "drugs_alcohol", 5, "denied_basic_needs", 15, "excessive_hours", 40,
            "withheld_documents", 45, "confinement", 50);
    private static final Weighted<String> STATUS_W = Weighted.of("held", 8, "escaped", 17, "rescued", 35, "repatriated", 25, "deported", 15);
    private static final Weighted<String> SCAM_DEFRAUDED = Weighted.of("investment", 48, "romance", 20, "job", 10, "impersonation", 14, "other", 8);
    private static final Weighted<String> SCAM_FORCED = Weighted.of("investment", 40, "romance", 20, "job", 8, "impersonation", 10, "other", 4, "", 18);
    /** Local currency of a defrauded victim's country, with a rough rate per USD (the job converts with its own). */
    private static final Map<String, Object[]> LOCAL_CURRENCY = Map.ofEntries(
            Map.entry("CHN", new Object[] {"CNY", 7.1}), Map.entry("GBR", new Object[] {"GBP", 0.79}),
            Map.entry("AUS", new Object[] {"AUD", 1.5}), Map.entry("SGP", new Object[] {"SGD", 1.34}),
            Map.entry("MYS", new Object[] {"MYR", 4.6}), Map.entry("JPN", new Object[] {"JPY", 148.0}),
            Map.entry("KOR", new Object[] {"KRW", 1330.0}), Map.entry("TWN", new Object[] {"TWD", 31.5}),
            Map.entry("DEU", new Object[] {"EUR", 0.92}), Map.entry("FRA", new Object[] {"EUR", 0.92}),
            Map.entry("THA", new Object[] {"THB", 35.5}), Map.entry("HKG", new Object[] {"HKD", 7.8}),
            Map.entry("IND", new Object[] {"INR", 83.0}));

    private final Geography geo;
    private final CompoundCatalog compounds;
    private final SeasonalDates dates = new SeasonalDates();

    VictimGenerator(Geography geo, CompoundCatalog compounds) {
        this.geo = geo;
        this.compounds = compounds;
    }

    @Override
    public String name() {
        return "victims";
    }

    @Override
    public List<Field> fields() {
        List<Field> f = new java.util.ArrayList<>(Field.texts(COLUMNS));
        f.set(AGE, new Field("age", Field.Type.INT));
        f.set(MEANS, new Field("means_of_control", Field.Type.LIST));
        f.set(LOSS, new Field("loss_amount", Field.Type.MONEY));
        return f;
    }

    @Override
    public long rows(long victims) {
        return victims;
    }

    @Override
    public List<Defect> defects() {
        return DEFECTS;
    }

    @Override
    public String fileName(int index, long seed) {
        return String.format("%s_s%d_%05d", SOURCES[index % SOURCES.length][0], seed, index);
    }

    @Override
    public FileRows open(int index, long seed, long firstRow) {
        String source = (String) SOURCES[index % SOURCES.length][0];
        boolean identifying = (Boolean) SOURCES[index % SOURCES.length][1];
        String idPrefix = String.format("V%d-%05d-", seed, index);
        return new FileRows() {
            long n = 0;

            @Override
            public String[] next(Rnd r, String defect) {
                String[] f = person(r, source, identifying, defect != null && defect.startsWith("loss_"));
                f[ID] = idPrefix + ++n;
                if (defect != null) breakRule(f, defect, r);
                return f;
            }

            @Override
            public String[] copy(Rnd r, String[] original) {
                String[] f = original.clone();
                // Half the copies are a later update of the record: its status changed.
                if (f[STATUS].isEmpty() || r.chance(0.5)) return f;
                f[STATUS] = STATUS_W.pick(r);
                return f;
            }
        };
    }

    private String[] person(Rnd r, String source, boolean identifying, boolean defrauded) {
        String[] f = new String[COLUMNS.length];
        java.util.Arrays.fill(f, "");
        boolean forced = !defrauded && r.chance(0.60);
        f[SOURCE] = source;
        f[TYPE] = forced ? "forced_scam_worker" : "defrauded";
        f[DATE] = dates.pick(r);
        f[GENDER] = (forced ? GENDER_FORCED : GENDER_DEFRAUDED).pick(r);
        int age = forced
                ? (r.chance(0.04) ? r.between(15, 17) : clamp((int) Math.round(27 + 6 * r.gaussian()), 18, 55))
                : (r.chance(0.01) ? r.between(14, 17) : clamp((int) Math.round(42 + 12 * r.gaussian()), 18, 70));
        if (r.chance(0.20)) {
            f[BAND] = band(age);
        } else {
            f[AGE] = Integer.toString(age);
            if (r.chance(0.5)) f[BAND] = band(age);
        }
        String cit = (forced ? geo.forcedCitizenship : geo.defraudedCitizenship).pick(r);
        f[CIT] = r.chance(0.02) && geo.hasVariant(cit) ? geo.variant(cit, r) : cit;

        String country = !forced && r.chance(0.30) ? "" : Geography.SCAM_COUNTRY.pick(r);
        f[EXC] = country;
        if (!country.isEmpty() && !r.chance(forced ? 0.12 : 0.15)) {
            String sub = geo.subdivision(country, r);
            if (sub != null) {
                f[EXS] = Geography.HUB_ALIAS.containsKey(sub) && r.chance(0.03) ? Geography.HUB_ALIAS.get(sub) : sub;
                // A few records name only the subdivision; the job places them in its country.
                if (r.chance(0.02)) f[EXC] = "";
                if (r.chance(forced ? 0.25 : 0.10)) {
                    String c = compounds.reportedBy(sub, f[DATE], r);
                    if (c != null) f[CMP] = c;
                }
            }
        }
        if (forced) {
            f[CHANNEL] = CHANNEL_FORCED.pick(r);
            f[MEANS] = means(r);
            f[STATUS] = STATUS_W.pick(r);
            f[SCAM] = SCAM_FORCED.pick(r);
        } else {
            f[CHANNEL] = CHANNEL_DEFRAUDED.pick(r);
            Object[] local = LOCAL_CURRENCY.get(cit);
            boolean usd = local == null || r.chance(0.35);
            double amount = Math.max(50, Math.min(2_500_000, Math.exp(Math.log(3500) + 1.5 * r.gaussian())));
            if (!usd) amount *= (Double) local[1];
            f[LOSS] = BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
            f[CUR] = usd ? "USD" : (String) local[0];
            String scam = SCAM_DEFRAUDED.pick(r);
            if (f[CHANNEL].equals("investment_platform")) scam = "investment";
            f[SCAM] = scam;
        }
        if (identifying && r.chance(0.5)) {
            f[NAME] = Identities.name(r, cit);
            f[PASSPORT] = Identities.passport(r, cit);
            f[PHONE] = Identities.phone(r, cit);
        }
        return f;
    }

    /** Breaks exactly the named rule, and no other. */
    private static void breakRule(String[] f, String rule, Rnd r) {
        switch (rule) {
            case "victim_id_required" -> f[ID] = "";
            case "registration_date_date" -> f[DATE] = r.chance(0.5)
                    ? f[DATE].substring(0, 8) + "3" + r.between(2, 9)   // day 32 to 39: no such date
                    : f[DATE].substring(8, 10) + "/" + f[DATE].substring(5, 7) + "/" + f[DATE].substring(0, 4);
            case "registration_date_not_future" -> f[DATE] = SeasonalDates.uniform(r, 2030, 2032);
            case "age_range" -> {
                f[AGE] = r.chance(0.5) ? Integer.toString(r.between(121, 199)) : Integer.toString(-r.between(1, 9));
                f[BAND] = "";
            }
            case "citizenship_known" -> f[CIT] = r.of(new String[] {"ZZZ", "ZZY", "QQ", "Atlantis"});
            case "exploitation_subdivision_known" -> {
                f[EXC] = "KHM";
                f[EXS] = "KH-" + r.between(30, 99);
                f[CMP] = "";
            }
            case "exploitation_subdivision_in_country" -> {
                f[EXC] = "THA";
                f[EXS] = "KH-18";
                f[CMP] = "";
            }
            case "loss_amount_not_negative" -> f[LOSS] = "-" + f[LOSS];
            case "loss_fx_rate_known" -> f[CUR] = r.of(new String[] {"XXQ", "XQB", "ZZD"});
            case "victim_type_allowed" -> f[TYPE] = r.of(new String[] {"volunteer", "witness", "unknown"});
            default -> throw new IllegalArgumentException("victims: no way to break rule " + rule);
        }
    }

    private static String means(Rnd r) {
        int k = 1 + r.below(4);
        boolean[] chosen = new boolean[MEANS_LIST.length];
        for (int got = 0; got < k; ) {
            int i = java.util.Arrays.asList(MEANS_LIST).indexOf(MEANS_ONE.pick(r));
            if (!chosen[i]) {
                chosen[i] = true;
                got++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < MEANS_LIST.length; i++) {
            if (chosen[i]) sb.append(sb.length() > 0 ? ";" : "").append(MEANS_LIST[i]);
        }
        return sb.toString();
    }

    static String band(int age) {
        if (age <= 8) return "0-8";
        if (age <= 17) return "9-17";
        if (age <= 20) return "18-20";
        if (age <= 23) return "21-23";
        if (age <= 26) return "24-26";
        if (age <= 29) return "27-29";
        if (age <= 38) return "30-38";
        if (age <= 47) return "39-47";
        return "48+";
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
