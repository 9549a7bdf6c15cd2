package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every gold table is built from.
 *
 * @param silver the silver tables by dataset name (victims, compounds, revenue_estimates, enforcement_actions)
 * @param k the smallest count of persons that may be published; smaller counts are suppressed
 * @param currentYear the year a compound still operating is counted up to; given rather than read
 *     from the clock inside the tables, so a build is reproducible
 * @param built gold tables already built (and written), by name, for tables built from others
 * @param tables the pipeline's gold tables by name, to build one that is not built yet
 * @param victimCells silver victims counted by cell (see VictimCells), when the stage kept them from an
 *     earlier run; null: counted from silver when asked for
 */
public record GoldInputs(Map<String, Dataset<Row>> silver, ReferenceData reference, int k, int currentYear,
                         Map<String, Dataset<Row>> built, Map<String, GoldTable> tables, Dataset<Row> victimCells) {
    public static final int DEFAULT_K = 5;
    private static final String VICTIMS = "victims";

    public GoldInputs {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        silver = Map.copyOf(silver);
        built = Map.copyOf(built);
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables)); // in pipeline order
    }

    public GoldInputs(Map<String, Dataset<Row>> silver, ReferenceData reference, int k, int currentYear) {
        this(silver, reference, k, currentYear, Map.of(), Map.of(), null);
    }

    /** These inputs, able to build the given gold tables on demand. */
    public GoldInputs withTables(java.util.Collection<GoldTable> gold) {
        Map<String, GoldTable> byName = new java.util.LinkedHashMap<>();
        gold.forEach(t -> byName.put(t.name(), t));
        return new GoldInputs(silver, reference, k, currentYear, built, byName, victimCells);
    }

    /** These inputs with one more gold table built. */
    public GoldInputs withBuilt(String name, Dataset<Row> rows) {
        Map<String, Dataset<Row>> more = new HashMap<>(built);
        more.put(name, rows);
        return new GoldInputs(silver, reference, k, currentYear, more, tables, victimCells);
    }

    /** These inputs reduced to what a table reads (see {@link GoldTable#reads()}). */
    public GoldInputs only(List<String> reads) {
        Map<String, Dataset<Row>> s = new HashMap<>();
        silver.forEach((name, rows) -> { if (reads.contains("silver/" + name)) s.put(name, rows); });
        Map<String, Dataset<Row>> b = new HashMap<>();
        built.forEach((name, rows) -> { if (reads.contains("gold/" + name)) b.put(name, rows); });
        return new GoldInputs(s, reference, k, currentYear, b, tables, s.containsKey(VICTIMS) ? victimCells : null);
    }

    /** A gold table's rows: as built already, else built now (with the tables its counts are protected with). */
    public Dataset<Row> gold(String name) {
        Dataset<Row> rows = built.get(name);
        if (rows != null) return rows;
        GoldTable table = tables.get(name);
        if (table == null) throw new IllegalArgumentException("gold table '" + name + "' is neither built nor among " + tables.keySet());
        if (table.protectedCounts()) return Disclosure.protectedBuild(this, k, true).tables().get(name);
        return table.build(this);
    }

    /** These inputs with the victims' cells given, as counted from silver/victims as it is. */
    public GoldInputs withVictimCells(Dataset<Row> cells) {
        return new GoldInputs(silver, reference, k, currentYear, built, tables, cells);
    }

    /** Silver victims counted by cell: as given, else counted now. */
    public Dataset<Row> victimCells() {
        return victimCells != null ? victimCells : VictimCells.of(silver(VICTIMS), reference);
    }

    public Dataset<Row> silver(String dataset) {
        Dataset<Row> df = silver.get(dataset);
        if (df == null) throw new IllegalArgumentException("no silver table '" + dataset + "' among " + silver.keySet());
        return df;
    }
}
