package org.scamscope.pipeline;

import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.contract.ConfFiles;
import org.scamscope.contract.GoldContract;
import org.scamscope.contract.PipelineSpec;
import org.scamscope.contract.PipelineSpec.TableSpec;
import org.scamscope.contract.SilverContract;
import org.scamscope.source.SourceMapping;
import org.scamscope.table.Derivation;
import org.scamscope.table.SilverTable;
import org.scamscope.table.gold.CompoundsByRegionYear;
import org.scamscope.table.gold.EnforcementByRegionYear;
import org.scamscope.table.gold.EnforcementEvents;
import org.scamscope.table.gold.GoldBuild;
import org.scamscope.table.gold.GoldTable;
import org.scamscope.table.gold.RegionYearOverview;
import org.scamscope.table.gold.RevenueByRegionYear;
import org.scamscope.table.gold.VictimFlowsByYear;
import org.scamscope.table.gold.VictimsByRegionYear;
import org.scamscope.table.silver.CompoundsDerivation;
import org.scamscope.table.silver.EnforcementActionsDerivation;
import org.scamscope.table.silver.RevenueEstimatesDerivation;
import org.scamscope.table.silver.VictimsDerivation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared pipeline: conf/pipeline.json and every table's contract, joined to the Java that
 * cannot be data (each silver table's derivation, each gold table's build). A Java part without
 * a declared table, or a declared table without its Java part, stops the load.
 */
public final class Pipeline {
    public static final String DEFAULT_FILE = PipelineSpec.DEFAULT_FILE;

    private static final Map<String, Derivation> DERIVATIONS = Map.of(
            "victims", new VictimsDerivation(),
            "compounds", new CompoundsDerivation(),
            "revenue_estimates", new RevenueEstimatesDerivation(),
            "enforcement_actions", new EnforcementActionsDerivation());
    private static final Map<String, GoldBuild> BUILDS = Map.of(
            VictimsByRegionYear.NAME, new VictimsByRegionYear(),
            VictimFlowsByYear.NAME, new VictimFlowsByYear(),
            CompoundsByRegionYear.NAME, new CompoundsByRegionYear(),
            RevenueByRegionYear.NAME, new RevenueByRegionYear(),
            EnforcementEvents.NAME, new EnforcementEvents(),
            EnforcementByRegionYear.NAME, new EnforcementByRegionYear(),
            RegionYearOverview.NAME, new RegionYearOverview());
    private static Pipeline shipped;

    private final ConfFiles files;
    private final PipelineSpec spec;
    private final List<SilverTable> silver = new ArrayList<>();
    private final List<GoldTable> gold = new ArrayList<>();
    private final List<SourceMapping> mappings = new ArrayList<>();

    private Pipeline(ConfFiles files, String specFile) {
        this.files = files;
        this.spec = PipelineSpec.load(files, specFile);
        String where = files.describe(specFile);
        for (TableSpec t : spec.tables()) {
            String name = t.shortName();
            if (t.layer().equals("silver")) {
                Derivation d = DERIVATIONS.getOrDefault(name, Derivation.NONE);
                SilverTable table = new SilverTable(SilverContract.load(files, folder(t), name), d);
                silver.add(table);
                for (String source : table.contract().sources()) {
                    mappings.add(SourceMapping.load(files, table.contract().sourceFile(source), name + "_" + source, table));
                }
                checkSourceFolder(table);
            } else if (t.layer().equals("gold")) {
                GoldBuild b = BUILDS.get(name);
                if (b == null) throw ExitCodes.usage(where + ": gold/" + name + " has no build in the application (known: " + BUILDS.keySet() + ")");
                gold.add(new GoldTable(GoldContract.load(files, folder(t), name), t.reads(), b));
            }
        }
        Set<String> declared = new LinkedHashSet<>();
        spec.tables().forEach(t -> declared.add(t.name()));
        for (String d : DERIVATIONS.keySet()) {
            if (!declared.contains("silver/" + d)) throw ExitCodes.usage(where + ": declares no table silver/" + d + ", whose derivation the application has");
        }
        for (String b : BUILDS.keySet()) {
            if (!declared.contains("gold/" + b)) throw ExitCodes.usage(where + ": declares no table gold/" + b + ", whose build the application has");
        }
        for (GoldTable g : gold) g.contract().matching().ifPresent(m -> checkMatching(g, m));
    }

    /** A matching rule compares columns of the reports: the silver table its gold table reads. */
    private void checkMatching(GoldTable g, org.scamscope.contract.EventMatching m) {
        Set<String> columns = new LinkedHashSet<>();
        for (SilverTable t : silver) if (g.reads().contains("silver/" + t.name())) t.columns().forEach(c -> columns.add(c.name()));
        List<String> used = new ArrayList<>(m.same());
        used.addAll(m.place());
        used.addAll(m.counts());
        for (String c : used) {
            if (!columns.contains(c)) {
                throw ExitCodes.usage(files.describe(g.contract().file()) + ": matching names " + c
                        + ", which is no column of the silver tables gold/" + g.name() + " reads");
            }
        }
    }

    /** The pipeline a configuration names (setting "pipeline", default conf/pipeline.json). */
    public static Pipeline load(JobConfig config) {
        return load(PipelineSpec.file(config));
    }

    public static Pipeline load(Path specFile) {
        Path dir = specFile.toAbsolutePath().getParent();
        return new Pipeline(ConfFiles.folder(dir), specFile.getFileName().toString());
    }

    /** The pipeline and contracts as shipped with the application. */
    public static synchronized Pipeline shipped() {
        if (shipped == null) shipped = new Pipeline(ConfFiles.classpath(), DEFAULT_FILE);
        return shipped;
    }

    private String folder(TableSpec t) {
        return t.contract();
    }

    /** A mapping file no table.json names would be ignored without a word. */
    private void checkSourceFolder(SilverTable table) {
        for (String f : files.list(table.contract().folder() + "/sources")) {
            String stem = f.endsWith(".json") ? f.substring(0, f.length() - 5) : null;
            if (stem == null || !table.contract().sources().contains(stem)) {
                throw ExitCodes.usage(files.describe(table.contract().folder() + "/sources/" + f)
                        + ": not a source mapping in use; name it in 'sources' of " + files.describe(table.contract().tableFile())
                        + ", or remove it");
            }
        }
    }

    public PipelineSpec spec() {
        return spec;
    }

    public ConfFiles files() {
        return files;
    }

    /** The silver tables, in build order. */
    public List<SilverTable> silver() {
        return silver;
    }

    /** The gold tables, in build order: a table after those it reads. */
    public List<GoldTable> gold() {
        return gold;
    }

    /** Every source mapping in use, each dataset's in its order (first match wins). */
    public List<SourceMapping> mappings() {
        return mappings;
    }

    public Map<String, SilverTable> silverByName() {
        Map<String, SilverTable> out = new LinkedHashMap<>();
        silver.forEach(t -> out.put(t.name(), t));
        return out;
    }

    public SilverTable silver(String name) {
        SilverTable t = silverByName().get(name);
        if (t == null) throw new IllegalArgumentException("no silver table " + name);
        return t;
    }

    public GoldTable gold(String name) {
        return gold.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no gold table " + name));
    }

    /**
     * A setting: the configuration's (or a flag's) value, else the pipeline's for the table, else
     * the configuration's for the whole pipeline, else the pipeline's, else the fallback. A table's
     * own setting in the configuration is "&lt;key&gt;.&lt;dataset&gt;".
     */
    public String setting(JobConfig config, String key, String table, String fallback) {
        if (table != null) {
            String own = config.get(key + "." + table, null);
            if (own != null) return own;
            String declared = spec.table("silver/" + table).settings().get(key);
            if (declared != null) return declared;
        }
        String v = config.get(key, null);
        if (v != null) return v;
        return spec.settings().getOrDefault(key, fallback);
    }

    /** k, the smallest count of persons gold publishes. */
    public int k(JobConfig config) {
        String k = setting(config, "gold.k", null, "5");
        try {
            int v = Integer.parseInt(k.trim());
            if (v < 1) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ExitCodes.usage("setting 'gold.k' must be a whole number of at least 1, got '" + k + "'");
        }
    }

    /** Every file of the silver contracts: a change to any of them changes what silver holds. */
    public List<Path> silverContractFiles() {
        List<Path> out = new ArrayList<>();
        for (SilverTable t : silver) {
            out.add(files.path(t.contract().tableFile()));
            out.add(files.path(t.contract().rulesFile()));
            for (String s : t.contract().sources()) out.add(files.path(t.contract().sourceFile(s)));
        }
        return out;
    }
}
