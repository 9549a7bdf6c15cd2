package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;
import org.scamscope.contract.Declared;
import org.scamscope.contract.PipelineSpec.TableSpec;
import org.scamscope.contract.Rule;
import org.scamscope.disclosure.PersonCounts;
import org.scamscope.reference.ReferenceData;
import org.scamscope.source.SourceMapping;
import org.scamscope.source.SourceReader;
import org.scamscope.table.Conformer;
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;
import org.scamscope.table.gold.Disclosure;
import org.scamscope.table.gold.GoldInputs;
import org.scamscope.table.gold.GoldTable;
import org.scamscope.validate.Validator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.apache.spark.sql.functions.expr;

/**
 * Checks the declared pipeline without reading any input: every mapping, rule and gold build is
 * resolved by Spark's analyzer against rows of the declared schemas (none of them), and each
 * table's computed columns are compared with what its contract declares. The first problem stops
 * it with exit code 2, naming the file.
 */
public final class DryRun {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(DryRun.class);
    /** Columns the job itself adds to every dataset's rows before derivation; rules may use them too. */
    private static final Set<String> JOB_COLUMNS = Set.of(Conformer.TEXT, SourceReader.FILE_ERROR, SourceReader.MALFORMED,
            SourceReader.ENCODING, SourceReader.TOO_LONG);

    private final SparkSession spark;
    private final Pipeline pipeline;
    private final ReferenceData reference;
    private final int k;

    public DryRun(SparkSession spark, Pipeline pipeline, ReferenceData reference, int k) {
        this.spark = spark;
        this.pipeline = pipeline;
        this.reference = reference;
        this.k = k;
    }

    /** Prints the graph in build order, each table with its reads, once every check passed. */
    public void run(PrintStream out) {
        Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
        int rules = 0;
        for (SilverTable t : pipeline.silver()) {
            long start = System.nanoTime();
            silver.put(t.name(), silver(t));
            rules += t.contract().rules().size();
            LOG.info("dry-run: silver/{} checked in {} s", t.name(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }
        long start = System.nanoTime();
        gold(silver);
        LOG.info("dry-run: gold checked in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        for (TableSpec t : pipeline.spec().tables()) {
            out.printf("%-32s <- %s%n", t.name(), t.reads().isEmpty() ? "(nothing)" : String.join(", ", t.reads()));
        }
        out.printf("dry-run passed: %d tables; %d silver contracts (%d rules, %d source mappings) and %d gold contracts "
                        + "resolved against their declared schemas, reading no data%n",
                pipeline.spec().tables().size(), pipeline.silver().size(), rules, pipeline.mappings().size(), pipeline.gold().size());
    }

    /** The silver table's (empty) rows as a run would write them, after every check of its contract. */
    private Dataset<Row> silver(SilverTable t) {
        SourceReader reader = new SourceReader(spark, new org.scamscope.source.InputFolder(Path.of(".")), pipeline.mappings(), null, SourceReader.FIELD_MAX_CHARS);
        Dataset<Row> source = null;
        for (SourceMapping m : pipeline.mappings()) {
            if (!m.dataset.equals(t.name())) continue;
            String file = pipeline.files().describe(t.contract().sourceFile(m.name.substring(t.name().length() + 1)));
            try {
                Dataset<Row> rows = reader.dryRun(m, t);
                rows.schema();
                if (source == null) source = rows;
            } catch (ScamscopeException e) {
                throw ExitCodes.usage(file + ": " + e.getMessage());
            } catch (Exception e) { // also Spark's AnalysisException, which Scala throws undeclared
                throw ExitCodes.usage(file + ": " + org.scamscope.Messages.firstLine(e));
            }
        }
        Conformer.Result typed = Conformer.conform(source, t, reference, PersonKey.of(UUID.randomUUID().toString()));
        Dataset<Row> derived;
        try {
            derived = t.derive(typed.rows(), reference, null);
        } catch (Exception e) {
            throw ExitCodes.usage("the derivation of silver/" + t.name() + " does not resolve: " + org.scamscope.Messages.firstLine(e));
        }
        checkComputed(t, derived.schema(), typed.rows().schema());
        String rulesFile = pipeline.files().describe(t.contract().rulesFile());
        // All rules in one projection, analysed once; only when that fails, rule by rule to name the one.
        List<Rule> rules = t.contract().rules();
        try {
            StructType types = derived.select(rules.stream().map(r -> expr(r.expression()).as(r.name())).toArray(org.apache.spark.sql.Column[]::new)).schema();
            boolean allBoolean = java.util.Arrays.stream(types.fields()).allMatch(f -> f.dataType().typeName().equals("boolean"));
            if (allBoolean) rules = List.of();
        } catch (Exception e) {
            // named below
        }
        for (Rule r : rules) {
            try {
                DataType type = derived.select(expr(r.expression())).schema().fields()[0].dataType();
                if (!type.typeName().equals("boolean")) {
                    throw ExitCodes.usage(rulesFile + ": rule '" + r.name() + "' is of type " + type.simpleString() + ", not a boolean");
                }
            } catch (ScamscopeException e) {
                throw e;
            } catch (Exception e) {
                throw ExitCodes.usage(rulesFile + ": rule '" + r.name() + "' does not resolve against the columns of "
                        + pipeline.files().describe(t.contract().tableFile()) + ": " + org.scamscope.Messages.firstLine(e));
            }
        }
        // The rows already typed and derived above, marked as a run marks them.
        Dataset<Row> ruled = Validator.applyRules(derived, t, SilverStage.rules(typed, t.contract().rules()));
        return spark.createDataFrame(List.of(), SilverStage.silverSchema(t, ruled));
    }

    /** The derived columns and the helper columns the derivation adds are exactly those the contract declares. */
    private void checkComputed(SilverTable t, StructType derived, StructType typed) {
        String file = pipeline.files().describe(t.contract().tableFile());
        Set<String> before = new LinkedHashSet<>(List.of(typed.fieldNames()));
        Set<String> helpers = new LinkedHashSet<>();
        for (StructField f : typed.fields()) if (f.name().startsWith("_") && !JOB_COLUMNS.contains(f.name())) helpers.add(f.name());
        for (StructField f : derived.fields()) {
            if (before.contains(f.name()) && !f.name().startsWith("_")) continue;
            if (f.name().startsWith("_")) {
                if (!JOB_COLUMNS.contains(f.name())) helpers.add(f.name());
                continue;
            }
            Declared d = t.contract().derived().stream().filter(x -> x.name().equals(f.name())).findFirst()
                    .orElseThrow(() -> ExitCodes.usage(file + ": the derivation adds column " + f.name() + ", which 'derived' does not declare"));
            if (d.type() != null && !d.type().equals(f.dataType().simpleString())) {
                throw ExitCodes.usage(file + ": derived column " + f.name() + " is declared " + d.type() + " but is " + f.dataType().simpleString());
            }
        }
        for (Declared d : t.contract().derived()) {
            if (!List.of(derived.fieldNames()).contains(d.name())) throw ExitCodes.usage(file + ": derived column " + d.name() + " is not computed");
        }
        Set<String> declared = new LinkedHashSet<>();
        t.contract().helpers().forEach(h -> declared.add(h.name()));
        if (!declared.equals(helpers)) {
            Set<String> undeclared = new LinkedHashSet<>(helpers);
            undeclared.removeAll(declared);
            Set<String> missing = new LinkedHashSet<>(declared);
            missing.removeAll(helpers);
            throw ExitCodes.usage(file + ": 'helpers' must declare every helper column rules may use: "
                    + (undeclared.isEmpty() ? "" : "computed but not declared " + undeclared + " ")
                    + (missing.isEmpty() ? "" : "declared but not computed " + missing));
        }
    }

    /** Every gold build against the empty silver tables; what it publishes is checked against its contract. */
    private void gold(Map<String, Dataset<Row>> silver) {
        GoldInputs in = new GoldInputs(silver, reference, k, 2000).withTables(pipeline.gold());
        Map<String, Dataset<Row>> unprotected = new LinkedHashMap<>();
        List<PersonCounts> specs = new ArrayList<>();
        for (GoldTable t : pipeline.gold()) {
            if (t.reads().stream().anyMatch(r -> unprotected.containsKey(r.substring(r.indexOf('/') + 1)))) {
                in = protect(in, unprotected, specs);
            }
            Dataset<Row> rows;
            try {
                rows = t.build(in.only(t.reads()));
                rows.schema();
            } catch (IllegalArgumentException e) {
                throw ExitCodes.usage(pipeline.files().describe(pipeline.spec().file()) + ": the build of gold/" + t.name()
                        + " reads a table its 'reads' do not name: " + org.scamscope.Messages.firstLine(e));
            } catch (Exception e) {
                throw ExitCodes.usage("the build of gold/" + t.name() + " does not resolve: " + org.scamscope.Messages.firstLine(e));
            }
            if (t.protectedCounts()) {
                unprotected.put(t.name(), rows);
                specs.add(t.personCounts().orElseThrow());
            } else {
                in = in.withBuilt(t.name(), rows);
            }
        }
        if (!unprotected.isEmpty()) in = protect(in, unprotected, specs);
        for (GoldTable t : pipeline.gold()) check(t, in.built().get(t.name()).schema());
    }

    private GoldInputs protect(GoldInputs in, Map<String, Dataset<Row>> unprotected, List<PersonCounts> specs) {
        Disclosure.Protected p = Disclosure.protect(unprotected, specs, Disclosure.tree(reference), k, true);
        for (Map.Entry<String, Dataset<Row>> e : p.tables().entrySet()) in = in.withBuilt(e.getKey(), e.getValue());
        unprotected.clear();
        specs.clear();
        return in;
    }

    /** The columns a gold table publishes, in order and type, are those of its contract. */
    public static void check(GoldTable t, StructType published, String file) {
        List<String> problems = new ArrayList<>();
        List<Declared> declared = t.contract().columns();
        List<String> names = List.of(published.fieldNames());
        for (Declared d : declared) {
            if (!names.contains(d.name())) problems.add("declared column " + d.name() + " is not published");
        }
        for (StructField f : published.fields()) {
            Declared d = declared.stream().filter(x -> x.name().equals(f.name())).findFirst().orElse(null);
            if (d == null) problems.add("published column " + f.name() + " is not declared");
            else if (!d.type().equals(f.dataType().simpleString())) problems.add("column " + f.name() + " is declared " + d.type() + " but is " + f.dataType().simpleString());
        }
        if (problems.isEmpty() && !names.equals(t.contract().columnNames())) problems.add("the columns are published in the order " + names);
        if (!problems.isEmpty()) throw ExitCodes.usage(file + ": gold/" + t.name() + ": " + String.join("; ", problems));
    }

    private void check(GoldTable t, StructType published) {
        check(t, published, pipeline.files().describe(t.contract().file()));
    }
}
