package org.scamscope.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.disclosure.IntervalAudit;
import org.scamscope.disclosure.PersonCounts;
import org.scamscope.pipeline.GoldStage;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.Warehouse;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.gold.Disclosure;
import org.scamscope.table.gold.GoldInputs;
import org.scamscope.table.gold.GoldTable;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * scamscope audit: the attack on the latest gold versions, from what they publish alone: for every
 * hidden cell, the values consistent with every published cell; exit 5 when one can be narrowed
 * below k or to a single value.
 */
final class AuditCommand {
    static final String USAGE = Commands.usage("audit");

    private AuditCommand() {}

    static int run(List<String> words, JobConfig config, Supplier<SparkSession> sparkSupplier, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        Pipeline pipeline = Pipeline.load(config);
        int k = pipeline.k(config);
        Warehouse warehouse = new Warehouse(config.warehouse());
        Warehouse.existing(warehouse.root());
        SparkSession spark = sparkSupplier.get();
        Map<String, Dataset<Row>> published = new LinkedHashMap<>();
        List<PersonCounts> specs = new ArrayList<>();
        for (GoldTable t : pipeline.gold()) {
            if (t.personCounts().isEmpty()) continue;
            String path = warehouse.gold(t.name());
            if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) continue;
            specs.add(t.personCounts().get());
            published.put(t.name(), spark.read().format("delta").load(path));
        }
        if (published.isEmpty()) throw ExitCodes.usage("no gold tables with counts of persons in " + warehouse.root());
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        IntervalAudit.Result r = Disclosure.audit(published, specs, Disclosure.tree(ref), k);
        out.printf("scamscope audit %s, k = %d: %s%n", warehouse.root(), k, String.join(", ", published.keySet()));
        out.printf("%d hidden cells in %d groups, %d linear programs, %.1f s%n", r.hiddenCells(), r.groups(), r.linearPrograms(), r.seconds());
        for (IntervalAudit.Violation v : r.violations()) out.println("exposed: " + v.describe());
        if (r.passed()) {
            out.println("passed: every hidden cell ranges over two values or more, up to " + k + " or beyond");
            return ExitCodes.OK;
        }
        out.printf("failed: %d hidden cells can be narrowed down%n", r.violations().size());
        return ExitCodes.DISCLOSURE;
    }
}
