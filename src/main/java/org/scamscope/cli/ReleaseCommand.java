package org.scamscope.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.DeltaTables;
import org.scamscope.disclosure.IntervalAudit;
import org.scamscope.disclosure.PersonCounts;
import org.scamscope.pipeline.DisclosureAuditFailure;
import org.scamscope.pipeline.GoldStage;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.Warehouse;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.gold.Disclosure;
import org.scamscope.table.gold.GoldInputs;
import org.scamscope.table.gold.GoldTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * scamscope release --out DIR: the latest gold tables, audited, as the files an organisation
 * publishes (CSV and Parquet, one folder per table) with a data dictionary; the warehouse and its
 * history stay inside.
 */
final class ReleaseCommand {
    static final String USAGE = Commands.usage("release");

    private ReleaseCommand() {}

    static int run(List<String> words, String outDir, JobConfig config, Supplier<SparkSession> sparkSupplier, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        if (outDir == null) throw ExitCodes.usage("release needs --out DIR; usage: " + USAGE);
        Path dir = Path.of(outDir);
        if (Files.exists(dir)) throw ExitCodes.usage("--out " + dir + " exists already: a release goes into a new folder");
        Pipeline pipeline = Pipeline.load(config);
        int k = pipeline.k(config);
        Warehouse warehouse = new Warehouse(config.warehouse());
        Warehouse.existing(warehouse.root());
        SparkSession spark = sparkSupplier.get();
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        // The gold tables as the last successful run left them, all from one run: one that is still
        // writing, or that stopped half-way, has not been audited as a whole.
        Map<String, Long> lastRun = org.scamscope.pipeline.RunLog.lastSuccessfulRun(warehouse);
        for (GoldTable t : pipeline.gold()) {
            String path = warehouse.gold(t.name());
            if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) continue;
            Long pinned = lastRun.get("gold/" + t.name());
            long v = pinned != null ? pinned : DeltaTables.lastCommit(spark, path).version();
            versions.put(t.name(), v);
            // One version read for both the audit and the files, whatever a run writes meanwhile.
            tables.put(t.name(), spark.read().format("delta").option("versionAsOf", v).load(path));
        }
        if (tables.isEmpty()) throw ExitCodes.usage("no gold tables in " + warehouse.root());
        List<PersonCounts> specs = new ArrayList<>();
        Map<String, Dataset<Row>> counted = new LinkedHashMap<>();
        for (GoldTable t : pipeline.gold()) {
            if (t.personCounts().isPresent() && tables.containsKey(t.name())) {
                specs.add(t.personCounts().get());
                counted.put(t.name(), tables.get(t.name()));
            }
        }
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        IntervalAudit.Result audit = Disclosure.audit(counted, specs, Disclosure.tree(ref), k);
        if (!audit.passed()) throw new DisclosureAuditFailure(audit);
        for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
            Dataset<Row> rows = e.getValue().coalesce(1);
            String base = dir.resolve(e.getKey()).toString();
            forCsv(rows).write().option("header", "true").csv(base + "/csv");
            rows.write().parquet(base + "/parquet");
        }
        try {
            Files.writeString(dir.resolve("DATA_DICTIONARY.md"), dictionary(tables, versions, k));
        } catch (IOException e) {
            throw ExitCodes.usage("cannot write " + dir.resolve("DATA_DICTIONARY.md") + ": " + e.getMessage());
        }
        out.printf("scamscope release %s: %d gold tables (%s), audited at k = %d: %d hidden cells, none exposed%n",
                dir, tables.size(), versions, k, audit.hiddenCells());
        return ExitCodes.OK;
    }

    /** CSV has no lists: a list of texts (suppressed_cells) becomes its items joined by ";", a list of records JSON. */
    private static Dataset<Row> forCsv(Dataset<Row> rows) {
        for (StructField f : rows.schema().fields()) {
            if (f.dataType() instanceof org.apache.spark.sql.types.ArrayType a && !(a.elementType() instanceof org.apache.spark.sql.types.StringType)) {
                rows = rows.withColumn(f.name(), org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.col(f.name())));
            } else if (f.dataType() instanceof org.apache.spark.sql.types.ArrayType) {
                rows = rows.withColumn(f.name(), org.apache.spark.sql.functions.concat_ws(";", org.apache.spark.sql.functions.col(f.name())));
            }
        }
        return rows;
    }

    private static String dictionary(Map<String, Dataset<Row>> tables, Map<String, Long> versions, int k) {
        StringBuilder s = new StringBuilder("# scamscope gold release\n\n");
        s.append("Counts of persons below k = ").append(k).append(" are not published, nor any cell they could be worked\n")
                .append("out from: such a cell is empty and its column is named in `suppressed_cells` (`suppressed` is true).\n")
                .append("An empty cell not named there means no data. Every published count is exact and takes part in\n")
                .append("these relations: a country is the sum of its subdivisions and its `<country>-unknown` cell, a\n")
                .append("sub-region the sum of its countries, the world the sum of the sub-regions and `unknown`; victims =\n")
                .append("women + men + gender_other_or_unknown = minors + adults_or_age_unknown = rescued + repatriated +\n")
                .append("deported + status_other_or_unknown; the corridors of a place add up to its victims; the overview's\n")
                .append("forced_scam_workers and defrauded_victims are victims_by_region_year's victims. Every hidden cell\n")
                .append("was audited: the published cells allow it at least two values, one of them ").append(k).append(" or more.\n\n")
                .append("Sources: victims records from partner NGOs and hotlines (pseudonymised), compounds, enforcement\n")
                .append("actions and revenue estimates from the published reports named in each table's source columns.\n\n");
        for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
            s.append("## ").append(e.getKey()).append(" (gold version ").append(versions.get(e.getKey())).append(")\n\n");
            s.append("| column | type |\n|---|---|\n");
            for (StructField f : e.getValue().schema().fields()) {
                s.append("| ").append(f.name()).append(" | ").append(f.dataType().simpleString()).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }
}
