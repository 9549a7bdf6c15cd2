package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scamscope.contract.EventMatching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.*;

/**
 * gold/enforcement_events: the reports of silver/enforcement_actions grouped into events, each
 * counted once. Reports are linked when they share an action_id (two files), an event_id, when one
 * names the other in same_as, or when the contract's matching rule pairs them; an event is what
 * the links connect. For each figure the event keeps low, central (the median of the reports) and
 * high, so two reports of 868 and 872 rescued give 868, 870 and 872. A report's qualifier bounds
 * its figure: "at least" leaves the high open, "at most" lets the low fall to 0.
 *
 * <p>The links are few (a report has a handful of candidates in its block of type, country and
 * date window), so they are joined into events on the driver; every report without a link is its
 * own event and never leaves the cluster.
 */
public final class EnforcementEvents implements GoldBuild {
    public static final String NAME = "enforcement_events";
    static final String DATASET = "enforcement_actions";
    /** Figures of a report: silver columns, or a gender from the breakdown. */
    static final List<String> MEASURES = List.of("persons_detained", "persons_rescued", "persons_deported",
            "persons_prosecuted", "locations", "devices_seized", "assets_seized_usd", "men", "women", "gender_other", "gender_unknown");
    static final String REPORT = "_report";

    @Override
    public Dataset<Row> build(GoldInputs in) {
        EventMatching matching = in.tables().get(NAME).contract().matching()
                .orElseThrow(() -> new IllegalStateException("gold/" + NAME + " declares no 'matching' in its contract"));
        Dataset<Row> reports = reports(in.silver(DATASET));
        Dataset<Row> assigned = assign(reports, matching);
        Dataset<Row> ids = assigned.select(col("action_id").as("_named"), col("event_id").as("_named_event"));
        Dataset<Row> withLinks = assigned
                .join(ids.withColumnRenamed("_named", "_p").withColumnRenamed("_named_event", "_parent_event"),
                        col("parent_action_id").equalTo(col("_p")), "left")
                .join(ids.withColumnRenamed("_named", "_w").withColumnRenamed("_named_event", "_whole_event"),
                        col("part_of").equalTo(col("_w")), "left");
        List<Column> agg = new ArrayList<>();
        agg.add(earliest("action_type").as("action_type"));
        agg.add(earliest("country").as("country"));
        agg.add(earliest("subdivision").as("subdivision"));
        agg.add(earliest("compound_id").as("compound_id"));
        agg.add(min("action_date").as("action_date"));
        agg.add(min("period_start").as("period_start"));
        agg.add(max("period_end").as("period_end"));
        agg.add(min(col("_parent_event")).as("parent_event_id"));
        agg.add(min(col("_whole_event")).as("part_of_event_id"));
        agg.add(count(lit(1)).as("reports"));
        agg.add(size(collect_set(col("publisher"))).cast("bigint").as("publishers_count"));
        agg.add(array_sort(collect_set(col("publisher"))).as("publishers"));
        agg.add(array_sort(collect_list(concat(col("action_id"), lit(" ("), col(REPORT), lit(")")))).as("report_ids"));
        agg.add(first(col("_grouped_by"), true).as("grouped_by"));
        agg.add(array_sort(collect_set(coalesce(col("qualifier"), lit("exact")))).as("qualifiers"));
        List<Column> disagreements = new ArrayList<>();
        for (String m : MEASURES) {
            String type = m.equals("assets_seized_usd") ? Aggregates.MONEY : "bigint";
            Column v = col(m);
            Column low = when(col("qualifier").equalTo("at_most"), lit(0)).otherwise(v);
            Column high = when(col("qualifier").equalTo("at_least"), lit(null)).otherwise(v);
            agg.add(min(when(v.isNotNull(), low)).cast(type).as(m + "_low"));
            agg.add(median(v).cast(type).as(m));
            agg.add(when(count(when(v.isNotNull().and(high.isNull()), lit(1))).gt(0), lit(null))
                    .otherwise(max(high)).cast(type).as(m + "_high"));
            agg.add(min(v).as("_min_" + m));
            agg.add(max(v).as("_max_" + m));
            agg.add(array_join(array_sort(collect_list(when(v.isNotNull(), concat(v.cast("string"), lit(" ("),
                    col("action_id"), lit(", "), coalesce(col("publisher"), lit("publisher not given")), lit(", "), col(REPORT), lit(")"))))),
                    " against ").as("_said_" + m));
            disagreements.add(when(col("_min_" + m).notEqual(col("_max_" + m)), struct(lit(m).as("measure"),
                    col("_min_" + m).cast(Aggregates.MONEY).as("low"), col("_max_" + m).cast(Aggregates.MONEY).as("high"),
                    col("_said_" + m).as("reports"))));
        }
        // One projection for the columns derived from the aggregates: each withColumn would analyse the
        // whole aggregation (some 80 expressions) again.
        Map<String, Column> derived = new java.util.LinkedHashMap<>();
        derived.put("disagreements", filter(array(disagreements.toArray(new Column[0])), x -> x.isNotNull()));
        derived.put("year", year(col("action_date")));
        // A link to itself is no follow-up: the reports of one event may name each other.
        derived.put("parent_event_id", when(col("parent_event_id").notEqual(col("event_id")), col("parent_event_id")));
        derived.put("part_of_event_id", when(col("part_of_event_id").notEqual(col("event_id")), col("part_of_event_id")));
        Dataset<Row> events = withLinks.groupBy(col("event_id")).agg(agg.get(0), agg.subList(1, agg.size()).toArray(new Column[0]))
                .withColumns(derived);
        return Aggregates.asDeclared(events, in.tables().get(NAME).contract());
    }

    /** Silver's reports with a label naming file and row, and the genders of the breakdown as figures. */
    static Dataset<Row> reports(Dataset<Row> silver) {
        Map<String, Column> added = new java.util.LinkedHashMap<>();
        added.put(REPORT, concat(col("source_file"), lit(" row "), col("source_row").cast("string")));
        for (String[] g : new String[][] {{"men", "men"}, {"women", "women"}, {"gender_other", "other"}, {"gender_unknown", "unknown"}}) {
            added.put(g[0], try_element_at(col("gender_counts"), lit(g[1])).cast("bigint"));
        }
        return silver.withColumns(added);
    }

    /** The reports, each with its event_id and, when it shares the event with others, why. */
    static Dataset<Row> assign(Dataset<Row> reports, EventMatching matching) {
        List<Row> links = links(reports, matching).collectAsList();
        // Union-find over the reports that have a link; the root of each set names the event.
        Map<String, String> parent = new HashMap<>();
        Map<String, String[]> ids = new HashMap<>();
        for (Row l : links) {
            ids.put(l.getString(0), new String[] {l.getString(1), l.getString(2)});
            ids.put(l.getString(3), new String[] {l.getString(4), l.getString(5)});
            union(parent, l.getString(0), l.getString(3));
        }
        Map<String, TreeSet<String>> reasons = new HashMap<>();
        for (Row l : links) reasons.computeIfAbsent(find(parent, l.getString(0)), r -> new TreeSet<>()).add(l.getString(6));
        Map<String, String> eventOf = new TreeMap<>();
        Map<String, String> explicit = new HashMap<>();
        Map<String, String> smallest = new HashMap<>();
        for (Map.Entry<String, String[]> e : ids.entrySet()) {
            String root = find(parent, e.getKey());
            String[] v = e.getValue();
            if (v[1] != null) explicit.merge(root, v[1], (a, b) -> a.compareTo(b) <= 0 ? a : b);
            smallest.merge(root, v[0], (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        List<Row> rows = new ArrayList<>();
        for (String report : ids.keySet()) {
            String root = find(parent, report);
            rows.add(RowFactory.create(report, explicit.getOrDefault(root, smallest.get(root)), String.join("; ", reasons.get(root))));
        }
        StructType schema = new StructType().add("_linked", DataTypes.StringType).add("_event", DataTypes.StringType)
                .add("_grouped_by", DataTypes.StringType);
        Dataset<Row> mapping = reports.sparkSession().createDataFrame(rows, schema);
        return reports.join(broadcast(mapping), col(REPORT).equalTo(col("_linked")), "left")
                .withColumn("event_id", coalesce(col("_event"), col("event_id"), col("action_id")))
                .drop("_linked", "_event");
    }

    /**
     * Pairs of reports of one event: (report, action_id, event_id) twice and the reason. Shared ids
     * link each report to the first of its id; the matching rule compares reports within a block of
     * the same columns and a date window of within_days + 1 days, with its neighbours.
     */
    static Dataset<Row> links(Dataset<Row> reports, EventMatching m) {
        java.util.Set<String> needed = new java.util.LinkedHashSet<>(List.of(REPORT, "action_id", "event_id", "same_as", "source_file", "action_date"));
        needed.addAll(m.same());
        needed.addAll(m.place());
        needed.addAll(m.counts());
        Dataset<Row> r = reports.select(needed.stream().map(c -> col(c)).toArray(Column[]::new));
        List<Dataset<Row>> parts = new ArrayList<>();
        for (String id : List.of("action_id", "event_id")) {
            Column first = min(col(REPORT)).over(org.apache.spark.sql.expressions.Window.partitionBy(col(id)));
            Dataset<Row> later = r.filter(col(id).isNotNull()).withColumn("_first", first).filter(col("_first").notEqual(col(REPORT)));
            parts.add(side(later, "b_").join(side(r, "a_"), col("b__first").equalTo(col("a_" + REPORT))).select(pairColumns("same " + id)));
        }
        Dataset<Row> a = side(r, "a_");
        Dataset<Row> b = side(r, "b_");
        parts.add(a.join(b, col("a_same_as").equalTo(col("b_action_id"))).select(pairColumns("same_as")));
        // The matching rule, within blocks.
        int width = m.withinDays() + 1;
        Dataset<Row> dated = r.filter(col("action_date").isNotNull())
                .withColumn("_bucket", floor(datediff(col("action_date"), lit("1970-01-01").cast("date")).divide(width)));
        Dataset<Row> left = side(dated, "a_");
        Dataset<Row> right = side(dated.withColumn("_bucket", explode(array(col("_bucket").minus(1), col("_bucket"), col("_bucket").plus(1)))), "b_");
        Column on = col("a__bucket").equalTo(col("b__bucket")).and(col("a_" + REPORT).lt(col("b_" + REPORT)));
        for (String s : m.same()) on = on.and(col("a_" + s).equalTo(col("b_" + s)));
        Column place = lit(false);
        for (int i = m.place().size() - 1; i >= 0; i--) {
            String p = m.place().get(i);
            place = when(col("a_" + p).isNotNull().and(col("b_" + p).isNotNull()), col("a_" + p).equalTo(col("b_" + p))).otherwise(place);
        }
        Column counts = lit(true);
        Column shared = lit(false);
        for (String c : m.counts()) {
            Column x = col("a_" + c);
            Column y = col("b_" + c);
            counts = counts.and(x.isNull().or(y.isNull()).or(abs(x.minus(y)).leq(greatest(x, y).multiply(m.tolerance()))));
            shared = shared.or(x.isNotNull().and(y.isNotNull()));
        }
        Column rule = on.and(abs(datediff(col("a_action_date"), col("b_action_date"))).leq(m.withinDays()))
                .and(place).and(counts).and(shared)
                // Pairs the ids tie already are left to them, and two different event ids mean two events.
                .and(col("a_event_id").isNull().or(col("b_event_id").isNull()))
                .and(col("a_action_id").notEqual(col("b_action_id")))
                .and(not(col("a_same_as").eqNullSafe(col("b_action_id")))).and(not(col("b_same_as").eqNullSafe(col("a_action_id"))));
        if (m.acrossFilesOnly()) rule = rule.and(col("a_source_file").notEqual(col("b_source_file")));
        parts.add(left.join(right, rule).select(pairColumns("the matching rule")));
        Dataset<Row> all = parts.get(0);
        for (Dataset<Row> p : parts.subList(1, parts.size())) all = all.unionByName(p);
        return all;
    }

    private static Dataset<Row> side(Dataset<Row> df, String prefix) {
        return df.select(java.util.Arrays.stream(df.columns()).map(c -> col(c).as(prefix + c)).toArray(Column[]::new));
    }

    private static Column[] pairColumns(String reason) {
        return new Column[] {col("a_" + REPORT), col("a_action_id"), col("a_event_id"),
                col("b_" + REPORT), col("b_action_id"), col("b_event_id"), lit(reason).as("reason")};
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        if (p.equals(x)) return x;
        String root = find(parent, p);
        parent.put(x, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
    }

    /** The value of the earliest report (by date, then file and row) that gives one. */
    private static Column earliest(String column) {
        Column entries = filter(collect_list(struct(coalesce(col("action_date"), col("period_start")).as("_d"), col(REPORT).as("_r"),
                col(column).as("_v"))), e -> e.getField("_v").isNotNull());
        return try_element_at(array_sort(entries), lit(1)).getField("_v");
    }
}
