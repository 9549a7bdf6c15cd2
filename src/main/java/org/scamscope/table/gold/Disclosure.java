package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scamscope.disclosure.CellModel;
import org.scamscope.disclosure.ComplementarySuppression;
import org.scamscope.disclosure.IntervalAudit;
import org.scamscope.disclosure.PersonCounts;
import org.scamscope.disclosure.ProofPoints;
import org.scamscope.disclosure.PublishedCells;
import org.scamscope.disclosure.RegionTree;
import org.scamscope.reference.ReferenceData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Small-cell suppression of the gold tables' person counts, across rows, region levels, breakdowns
 * and tables at once, and the audit of what is published. The tables are small (one row per place,
 * year and kind), so both run on the driver over collected rows.
 *
 * <p>Each protected row gets suppressed (any cell hidden) and suppressed_cells (which, in column
 * order), so a null left by suppression is told apart from a null for "no data".
 */
public final class Disclosure {
    public static final String FLAG = "suppressed";
    public static final String CELLS = PublishedCells.CELLS;

    /**
     * The protected tables, by name, what protecting them hid, the true counts by cell (a point
     * the audit may search from; never published) and the points protection found, which the
     * audit checks before it solves (both stay on the driver, in memory).
     */
    public record Protected(Map<String, Dataset<Row>> tables, ComplementarySuppression.Loss loss,
                            Map<CellModel.CellId, Long> counts, ProofPoints proofs) {}

    private Disclosure() {}

    /** Builds the tables of the inputs whose counts need protecting, and protects them together: their relations link them. */
    public static Protected protectedBuild(GoldInputs in, int k, boolean complements) {
        Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
        List<PersonCounts> specs = new ArrayList<>();
        List<GoldTable> together = in.tables().values().stream().filter(GoldTable::protectedCounts).toList();
        for (GoldTable t : together) {
            raw.put(t.name(), t.build(in));
            specs.add(t.personCounts().orElseThrow());
        }
        return protect(raw, specs, tree(in.reference()), k, complements);
    }

    /** The region hierarchy of the reference data. */
    public static RegionTree tree(ReferenceData ref) {
        Map<String, String> subdivisions = new HashMap<>();
        for (Row r : ref.table("subdivisions").select("code", "country_alpha3").collectAsList()) {
            subdivisions.put(r.getString(0), r.getString(1));
        }
        Map<String, String> subregions = new HashMap<>();
        for (Row r : ref.table("countries").select("alpha3", "subregion_code").collectAsList()) {
            if (r.getString(1) != null) subregions.put(r.getString(0), r.getString(1));
        }
        return new RegionTree(subdivisions, subregions);
    }

    /**
     * Hides the cells of the tables' true counts (raw, by table name) that must not be published,
     * with complements unless complements is false (a test setting: the audit must then refuse).
     */
    public static Protected protect(Map<String, Dataset<Row>> raw, List<PersonCounts> specs, RegionTree tree, int k,
                                    boolean complements) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (PersonCounts s : specs) {
            Dataset<Row> df = raw.get(s.table());
            // In key order: ties between complements go to the first cell, which must not depend on
            // how Spark partitioned the rows (a cluster and a local run choose alike).
            if (df != null) rows.put(s.table(), sortedByKey(df.collectAsList(), s.key()));
        }
        CellModel model = PublishedCells.model(rows, specs, tree, false);
        ProofPoints proofs = new ProofPoints();
        ComplementarySuppression.Loss loss = ComplementarySuppression.protect(model, k, complements, proofs);
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        for (PersonCounts s : specs) {
            Dataset<Row> df = raw.get(s.table());
            if (df != null) out.put(s.table(), publish(df.sparkSession(), df.schema(), rows.get(s.table()), s, model, k));
        }
        Map<CellModel.CellId, Long> counts = new HashMap<>();
        for (int c = 0; c < model.size(); c++) counts.put(model.id(c), model.value(c));
        return new Protected(out, loss, counts, proofs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Row> sortedByKey(List<Row> rows, List<String> key) {
        List<Row> out = new ArrayList<>(rows);
        java.util.Comparator<Row> order = (a, b) -> 0;
        for (String c : key) {
            java.util.Comparator<Row> byColumn = java.util.Comparator.comparing(r -> (Comparable) r.getAs(c),
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            order = order.thenComparing(byColumn);
        }
        out.sort(order);
        return out;
    }

    /** Audits the tables as published (by table name; a table missing is not published). */
    public static IntervalAudit.Result audit(Map<String, Dataset<Row>> published, List<PersonCounts> specs, RegionTree tree, int k) {
        return audit(published, specs, tree, k, null, null);
    }

    /**
     * The same, searching from the true counts where they are known (see IntervalAudit), and
     * clearing first the cells that protection's points, checked here, clear (see ProofPoints;
     * null: none): the result is the same, found sooner.
     */
    public static IntervalAudit.Result audit(Map<String, Dataset<Row>> published, List<PersonCounts> specs, RegionTree tree, int k,
                                             Map<CellModel.CellId, Long> counts, ProofPoints proofs) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (PersonCounts s : specs) {
            Dataset<Row> df = published.get(s.table());
            if (df == null) continue;
            List<Column> cols = new ArrayList<>();
            s.key().forEach(c -> cols.add(col(c)));
            s.counts().forEach(c -> cols.add(col(c)));
            cols.add(col(CELLS));
            rows.put(s.table(), df.select(cols.toArray(new Column[0])).collectAsList());
        }
        CellModel model = PublishedCells.model(rows, specs, tree, true);
        if (counts == null) return IntervalAudit.audit(model, k);
        Map<CellModel.CellId, Long> start = withRepeats(model, counts);
        return proofs == null ? IntervalAudit.audit(model, k, start) : IntervalAudit.audit(model, k, start, proofs);
    }

    /** The true counts for the published model's cells, a repeated cell (the overview's) taking its original's. */
    private static Map<CellModel.CellId, Long> withRepeats(CellModel model, Map<CellModel.CellId, Long> counts) {
        Map<CellModel.CellId, Long> out = new HashMap<>(counts);
        for (int[] rel : model.relations()) {
            if (rel.length == 2 && !out.containsKey(model.id(rel[1])) && out.containsKey(model.id(rel[0]))) {
                out.put(model.id(rel[1]), out.get(model.id(rel[0])));
            }
        }
        return out;
    }

    /**
     * The suppressed and suppressed_cells columns for cells whose hidden state is known, for a
     * table that carries suppression over from another one.
     */
    public static Map<String, Column> flagColumns(Map<String, Column> hiddenByCell) {
        Column any = org.apache.spark.sql.functions.lit(false);
        List<Column> names = new ArrayList<>();
        for (Map.Entry<String, Column> e : hiddenByCell.entrySet()) {
            Column h = org.apache.spark.sql.functions.coalesce(e.getValue(), org.apache.spark.sql.functions.lit(false));
            any = any.or(h);
            names.add(org.apache.spark.sql.functions.when(h, org.apache.spark.sql.functions.lit(e.getKey())));
        }
        Map<String, Column> out = new LinkedHashMap<>();
        out.put(FLAG, any);
        out.put(CELLS, org.apache.spark.sql.functions.filter(org.apache.spark.sql.functions.array(names.toArray(new Column[0])), Column::isNotNull));
        return out;
    }

    private static Dataset<Row> publish(SparkSession spark, StructType schema, List<Row> rows, PersonCounts s,
                                        CellModel model, int k) {
        List<String> hideable = s.hideable();
        List<Integer> kept = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < schema.fields().length; i++) {
            StructField f = schema.fields()[i];
            if (f.name().startsWith("_")) continue; // helpers, never published
            kept.add(i);
            fields.add(hideable.contains(f.name()) ? DataTypes.createStructField(f.name(), f.dataType(), true) : f);
        }
        fields.add(DataTypes.createStructField(FLAG, DataTypes.BooleanType, false));
        fields.add(DataTypes.createStructField(CELLS, DataTypes.createArrayType(DataTypes.StringType, false), false));
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> key = new ArrayList<>();
            for (String c : s.key()) key.add(r.getAs(c));
            Object[] values = new Object[fields.size()];
            List<String> hidden = new ArrayList<>();
            for (int j = 0; j < kept.size(); j++) {
                int i = kept.get(j);
                String name = schema.fields()[i].name();
                Object v = r.get(i);
                if (hideable.contains(name) && isHidden(r, key, name, s, model, k)) {
                    if (v != null) hidden.add(name);
                    v = null;
                }
                values[j] = v;
            }
            values[kept.size()] = !hidden.isEmpty();
            values[kept.size() + 1] = hidden.toArray(new String[0]);
            out.add(RowFactory.create(values));
        }
        return spark.createDataFrame(out, DataTypes.createStructType(fields));
    }

    private static boolean isHidden(Row r, List<Object> key, String column, PersonCounts s, CellModel model, int k) {
        if (s.counts().contains(column)) {
            int cell = model.find(new CellModel.CellId(s.table(), key, column));
            if (cell >= 0 && model.hidden(cell)) return true;
        }
        for (Map.Entry<String, List<String>> d : s.describes().entrySet()) {
            if (!d.getValue().contains(column)) continue;
            String count = d.getKey();
            if (s.counts().contains(count)) {
                int cell = model.find(new CellModel.CellId(s.table(), key, count));
                if (cell >= 0 && model.hidden(cell)) return true;
            } else {
                Object v = r.getAs(count);
                long n = v == null ? 0 : ((Number) v).longValue();
                if (n >= 1 && n < k) return true;
            }
        }
        return false;
    }
}
