package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scamscope.TestSpark;
import org.scamscope.reference.ReferenceData;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tiny silver tables for gold tests, in the silver schemas (derived and lineage columns included),
 * and the lookups the tests make on gold rows. Derived silver columns (registration_year,
 * value_central, nationality_counts...) are filled here the way silver fills them: they are input.
 */
final class Silver {
    static final String RUN = "fixture-run";
    private static final DataType MONEY = DataTypes.createDecimalType(22, 2);
    private static final DataType TEXTS = DataTypes.createArrayType(DataTypes.StringType, false);
    private static ReferenceData reference;

    static final StructType VICTIMS = schema(
            "victim_id string!", "source string!", "victim_type string!", "registration_date date!", "gender string",
            "age int", "age_band string", "citizenship string", "exploitation_country string",
            "exploitation_subdivision string", "compound_id string", "recruitment_channel string", "means_of_control texts",
            "status string", "loss_amount money", "loss_currency string", "scam_type string", "registration_year int",
            "is_minor boolean", "loss_amount_usd money", "person_key string");
    static final StructType COMPOUNDS = schema(
            "compound_id string!", "name string!", "aliases texts", "country string!", "subdivision string",
            "district string", "latitude double", "longitude double", "operator string", "first_reported date",
            "status string!", "status_date date", "estimated_workers_low int", "estimated_workers_high int",
            "source_url string", "first_reported_year int");
    static final StructType REVENUE = schema(
            "estimate_id string!", "publisher string!", "publication_date date!", "reference_year int!",
            "geo_level string!", "geo_code string!", "metric string!", "value_low money", "value_high money",
            "value_point money", "unit string!", "method_note string", "source_url string", "value_central money");
    static final StructType ACTIONS = schema(
            "action_id string!", "action_date date", "period_start date", "period_end date", "action_type string!",
            "country string!", "subdivision string", "compound_id string", "agency string", "partner_country string",
            "persons_detained int", "persons_rescued int", "persons_deported int", "persons_prosecuted int", "locations int",
            "qualifier string", "nationality_breakdown string", "gender_breakdown string", "devices_seized int",
            "assets_seized money", "assets_currency string", "parent_action_id string", "part_of string", "event_id string",
            "same_as string", "publisher string", "source_url string", "nationality_counts counts", "gender_counts counts",
            "assets_seized_usd money");

    private Silver() {}

    static SparkSession spark() {
        return TestSpark.session();
    }

    static synchronized ReferenceData reference() {
        if (reference == null) reference = ReferenceData.load(spark(), java.nio.file.Path.of("data/reference"));
        return reference;
    }

    /** A person-record; age null leaves is_minor unknown, loss is in USD already. */
    static Row victim(String id, String type, String date, String gender, Integer age, String citizenship,
                      String country, String subdivision, String status, String lossUsd) {
        Date d = date(date);
        return row(VICTIMS, id, "fixture", type, d, gender, age, null, citizenship, country, subdivision, null, null,
                null, status, money(lossUsd), lossUsd == null ? null : "USD", null, d.toLocalDate().getYear(),
                age == null ? null : age < 18, money(lossUsd), null);
    }

    static Row compound(String id, String country, String subdivision, String firstReported, String status,
                        String statusDate, Integer workersLow, Integer workersHigh) {
        Date first = date(firstReported);
        return row(COMPOUNDS, id, "Compound " + id, null, country, subdivision, null, null, null, null, first,
                status, date(statusDate), workersLow, workersHigh, null, first == null ? null : first.toLocalDate().getYear());
    }

    static Row estimate(String id, String publisher, String published, int year, String level, String code,
                        String metric, String low, String high, String point) {
        BigDecimal central = point != null ? money(point)
                : low != null && high != null ? money(low).add(money(high)).divide(BigDecimal.valueOf(2)).setScale(2) : null;
        return row(REVENUE, id, publisher, date(published), year, level, code, metric, money(low), money(high),
                money(point), metric.equals("workforce") ? "persons" : "USD", null, null, central);
    }

    /** An action; breakdown reads "CHN:80;VNM:25", assets are in USD already. */
    static Row action(String id, String date, String type, String country, String subdivision, Integer detained,
                      Integer rescued, Integer deported, String breakdown, Integer devices, String assetsUsd, String parent) {
        return report(id).date(date).type(type).place(country, subdivision).detained(detained).rescued(rescued).deported(deported)
                .breakdown(breakdown).devices(devices).assetsUsd(assetsUsd).parent(parent).row();
    }

    /** A report of silver/enforcement_actions, from file "fixture.csv" unless file() says otherwise. */
    static Report report(String id) {
        return new Report(id);
    }

    /** Builds one silver enforcement row; unset figures stay null. */
    static final class Report {
        private final Map<String, Object> v = new LinkedHashMap<>();
        private static long rows;

        Report(String id) {
            v.put("action_id", id);
            v.put("source_file", "fixture.csv");
            v.put("source_row", ++rows);
            v.put("run_id", RUN);
            v.put("ingested_at", Timestamp.valueOf("2025-01-01 00:00:00"));
        }

        Report set(String column, Object value) { v.put(column, value); return this; }
        Report date(String d) { return set("action_date", Silver.date(d)); }
        Report period(String start, String end) { return set("period_start", Silver.date(start)).set("period_end", Silver.date(end)); }
        Report type(String t) { return set("action_type", t); }
        Report place(String country, String subdivision) { return set("country", country).set("subdivision", subdivision); }
        Report compound(String c) { return set("compound_id", c); }
        Report detained(Integer n) { return set("persons_detained", n); }
        Report rescued(Integer n) { return set("persons_rescued", n); }
        Report deported(Integer n) { return set("persons_deported", n); }
        Report prosecuted(Integer n) { return set("persons_prosecuted", n); }
        Report devices(Integer n) { return set("devices_seized", n); }
        Report assetsUsd(String usd) { return set("assets_seized_usd", money(usd)).set("assets_seized", money(usd)).set("assets_currency", usd == null ? null : "USD"); }
        Report parent(String id) { return set("parent_action_id", id); }
        Report partOf(String id) { return set("part_of", id); }
        Report event(String id) { return set("event_id", id); }
        Report sameAs(String id) { return set("same_as", id); }
        Report publisher(String p) { return set("publisher", p); }
        Report qualifier(String q) { return set("qualifier", q); }
        Report file(String f, long row) { return set("source_file", f).set("source_row", row); }

        Report breakdown(String text) { return set("nationality_breakdown", text).set("nationality_counts", counts(text, false)); }
        Report genders(String text) { return set("gender_breakdown", text).set("gender_counts", counts(text, true)); }

        private static Map<String, Integer> counts(String text, boolean lower) {
            if (text == null) return null;
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String part : text.split(";")) {
                String code = part.split(":")[0].trim();
                out.put(lower ? code.toLowerCase() : code, Integer.valueOf(part.split(":")[1].trim()));
            }
            return out;
        }

        Row row() {
            Object[] values = new Object[ACTIONS.fields().length];
            for (int i = 0; i < values.length; i++) values[i] = v.get(ACTIONS.fields()[i].name());
            return RowFactory.create(values);
        }
    }

    static Dataset<Row> frame(StructType schema, List<Row> rows) {
        return spark().createDataFrame(rows, schema);
    }

    static GoldInputs inputs(List<Row> victims, List<Row> compounds, List<Row> estimates, List<Row> actions, int k, int currentYear) {
        return new GoldInputs(tables(victims, compounds, estimates, actions), reference(), k, currentYear)
                .withTables(org.scamscope.pipeline.Pipeline.shipped().gold());
    }

    static Map<String, Dataset<Row>> tables(List<Row> victims, List<Row> compounds, List<Row> estimates, List<Row> actions) {
        return Map.of("victims", frame(VICTIMS, victims), "compounds", frame(COMPOUNDS, compounds),
                "revenue_estimates", frame(REVENUE, estimates), "enforcement_actions", frame(ACTIONS, actions));
    }

    /** n copies of a row, for counts that matter but rows that do not differ. */
    static List<Row> times(int n, Row r) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(r);
        return out;
    }

    @SafeVarargs
    static List<Row> all(List<Row>... parts) {
        List<Row> out = new ArrayList<>();
        for (List<Row> p : parts) out.addAll(p);
        return out;
    }

    /** The one gold row of a region and year that meets the extra condition (SQL, may be "true"). */
    static Row only(Dataset<Row> gold, String level, String code, int year, String condition) {
        List<Row> rows = gold.filter("region_level = '" + level + "' AND region_code = '" + code + "' AND year = " + year
                + " AND (" + condition + ")").collectAsList();
        assertEquals(1, rows.size(), "rows for " + level + " " + code + " " + year + " " + condition + ": " + rows);
        return rows.get(0);
    }

    /**
     * Asserts cells of a row: pairs of column name and expected value. Counts are given as ints,
     * amounts and dates as their text ("4000.00", "2024-05-13"), arrays as lists.
     */
    static void assertCells(Row r, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            String column = (String) pairs[i];
            Object want = pairs[i + 1];
            Object got = want instanceof List ? r.getList(r.fieldIndex(column)) : r.getAs(column);
            if (want instanceof Integer n && got instanceof Long) want = n.longValue();
            if (got instanceof BigDecimal || got instanceof Date) got = got instanceof BigDecimal b ? b.toPlainString() : got.toString();
            assertEquals(want, got, column + " of " + r);
        }
    }

    static BigDecimal money(String amount) {
        return amount == null ? null : new BigDecimal(amount).setScale(2);
    }

    private static Date date(String iso) {
        return iso == null ? null : Date.valueOf(LocalDate.parse(iso));
    }

    /** The values of the columns before lineage, then lineage. */
    private static Row row(StructType schema, Object... values) {
        int width = schema.size() - 4;
        if (values.length != width) throw new IllegalArgumentException(values.length + " values for " + width + " columns");
        Object[] out = new Object[width + 4];
        System.arraycopy(values, 0, out, 0, values.length);
        out[width] = "fixture.csv";
        out[width + 1] = 1L;
        out[width + 2] = RUN;
        out[width + 3] = Timestamp.valueOf("2025-01-01 00:00:00");
        return RowFactory.create(out);
    }

    /** "name type" with "!" for NOT NULL; the lineage columns are added. */
    private static StructType schema(String... columns) {
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            String[] p = c.split(" ");
            boolean required = p[1].endsWith("!");
            fields.add(DataTypes.createStructField(p[0], type(p[1].replace("!", "")), !required));
        }
        fields.add(DataTypes.createStructField("source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("source_row", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("run_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("ingested_at", DataTypes.TimestampType, false));
        return DataTypes.createStructType(fields);
    }

    private static DataType type(String name) {
        return switch (name) {
            case "string" -> DataTypes.StringType;
            case "int" -> DataTypes.IntegerType;
            case "double" -> DataTypes.DoubleType;
            case "boolean" -> DataTypes.BooleanType;
            case "date" -> DataTypes.DateType;
            case "money" -> MONEY;
            case "texts" -> TEXTS;
            case "counts" -> DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, true);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
