package org.scamscope.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * conf/pipeline.json: every table of the warehouse, what each reads and the settings that belong
 * to it. The tables come out in build order, computed from the reads (a table after everything it
 * reads, otherwise in the order of the file).
 */
public record PipelineSpec(String file, Map<String, String> settings, List<TableSpec> tables) {
    public static final String INPUT = "input/";
    public static final String REFERENCE = "reference";
    static final List<String> KEYS = List.of("settings", "tables");
    static final List<String> TABLE_KEYS = List.of("name", "reads", "contract", "settings", "description");
    static final List<String> LAYERS = List.of("silver/", "quarantine/", "gold/", "ops/");
    /** The settings the file may give for the whole pipeline, and those a silver table may give for itself. */
    static final List<String> SETTINGS = List.of("quarantine.max_share", "pseudonym.key.env", "gold.k");
    static final List<String> SILVER_SETTINGS = List.of("quarantine.max_share");

    /** One table: its name under the warehouse ("silver/victims"), its reads, its contract folder or null. */
    public record TableSpec(String name, List<String> reads, String contract, Map<String, String> settings, String description) {
        public String layer() {
            return name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        }

        /** The name without its layer: "victims" for "silver/victims". */
        public String shortName() {
            return name.substring(name.indexOf('/') + 1);
        }
    }

    /** The setting that names the pipeline spec, relative to the configuration file. */
    public static final String SETTING = "pipeline";
    public static final String DEFAULT_FILE = "pipeline.json";

    /** The spec file a configuration names (setting "pipeline", default conf/pipeline.json), which must exist. */
    public static java.nio.file.Path file(org.scamscope.config.JobConfig config) {
        java.nio.file.Path file = config.file().getParent().resolve(config.get(SETTING, DEFAULT_FILE)).normalize();
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw ExitCodes.usage("pipeline spec not found: " + file + " (setting '" + SETTING + "' of " + config.file()
                    + ", relative to that file; the shipped one is conf/" + DEFAULT_FILE + ")");
        }
        return file;
    }

    /**
     * The columns a table of the configuration's pipeline is keyed by, as its contract declares them
     * (a silver table's natural key, a gold table's key); empty for tables without a contract.
     */
    public static List<String> key(org.scamscope.config.JobConfig config, String table) {
        java.nio.file.Path f = file(config).toAbsolutePath();
        ConfFiles files = ConfFiles.folder(f.getParent());
        TableSpec t = load(files, f.getFileName().toString()).tables().stream()
                .filter(x -> x.name().equals(table)).findFirst().orElse(null);
        if (t == null || t.contract() == null) return List.of();
        if (t.layer().equals("silver")) return SilverContract.load(files, t.contract(), t.shortName()).naturalKey();
        if (t.layer().equals("gold")) return GoldContract.load(files, t.contract(), t.shortName()).key();
        return List.of();
    }

    public static PipelineSpec load(ConfFiles files, String file) {
        String where = files.describe(file);
        JsonNode root = files.json(file);
        Json.knownKeys(root, where, KEYS);
        Map<String, String> settings = settings(root.path("settings"), where + ", settings");
        Json.knownKeys(root.path("settings"), where + ", settings", SETTINGS);
        Map<String, TableSpec> byName = new LinkedHashMap<>();
        for (JsonNode t : root.path("tables")) {
            String name = SilverContract.need(t, "name", where);
            String w = where + ", table " + name;
            Json.knownKeys(t, w, TABLE_KEYS);
            if (!name.equals(REFERENCE) && LAYERS.stream().noneMatch(l -> name.startsWith(l) && name.length() > l.length())) {
                throw ExitCodes.usage(w + ": a table's name is 'reference' or starts with one of " + LAYERS);
            }
            String contract = t.hasNonNull("contract") ? t.get("contract").asText() : null;
            if (contract == null && (name.startsWith("silver/") || name.startsWith("gold/"))) {
                throw ExitCodes.usage(w + ": a silver or gold table names its 'contract' folder");
            }
            if (contract != null && !files.exists(contract + "/table.json")) {
                throw ExitCodes.usage(w + ": its contract " + files.describe(contract + "/table.json") + " does not exist");
            }
            Json.knownKeys(t.path("settings"), w + ", settings", name.startsWith("silver/") ? SILVER_SETTINGS : List.of());
            TableSpec spec = new TableSpec(name, SilverContract.strings(t.path("reads")), contract,
                    settings(t.path("settings"), w + ", settings"), t.path("description").asText(null));
            if (byName.put(name, spec) != null) throw ExitCodes.usage(where + ": table " + name + " is declared twice");
        }
        if (byName.isEmpty()) throw ExitCodes.usage(where + ": 'tables' declares no table");
        for (TableSpec t : byName.values()) {
            for (String r : t.reads()) {
                boolean input = r.startsWith(INPUT) && byName.containsKey("silver/" + r.substring(INPUT.length()));
                if (!input && !byName.containsKey(r)) {
                    throw ExitCodes.usage(where + ", table " + t.name() + ": reads " + r + ", which is no table of this file"
                            + (r.startsWith(INPUT) ? " (input/<dataset> needs a table silver/<dataset>)" : ""));
                }
            }
        }
        return new PipelineSpec(file, Map.copyOf(settings), order(byName, where));
    }

    /** Depth-first: each table after its reads; a read met again while its own reads are open is a cycle. */
    private static List<TableSpec> order(Map<String, TableSpec> byName, String where) {
        List<TableSpec> out = new ArrayList<>();
        Map<String, Boolean> done = new LinkedHashMap<>(); // false: open, true: placed
        for (String name : byName.keySet()) visit(name, byName, done, out, new ArrayList<>(), where);
        return List.copyOf(out);
    }

    private static void visit(String name, Map<String, TableSpec> byName, Map<String, Boolean> done, List<TableSpec> out,
                              List<String> path, String where) {
        Boolean state = done.get(name);
        if (Boolean.TRUE.equals(state)) return;
        path.add(name);
        if (Boolean.FALSE.equals(state)) {
            throw ExitCodes.usage(where + ": the reads form a cycle: " + String.join(" -> ", path.subList(path.indexOf(name), path.size())));
        }
        done.put(name, false);
        for (String r : byName.get(name).reads()) {
            if (byName.containsKey(r)) visit(r, byName, done, out, path, where);
        }
        path.remove(path.size() - 1);
        done.put(name, true);
        out.add(byName.get(name));
    }

    private static Map<String, String> settings(JsonNode n, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isMissingNode() || n.isNull()) return out;
        if (!n.isObject()) throw ExitCodes.usage(where + " must be a JSON object");
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode()) throw ExitCodes.usage(where + ": setting " + e.getKey() + " must be a plain value");
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    public TableSpec table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " declares no table " + name));
    }

    public List<TableSpec> layer(String layer) {
        return tables.stream().filter(t -> t.layer().equals(layer)).toList();
    }
}
