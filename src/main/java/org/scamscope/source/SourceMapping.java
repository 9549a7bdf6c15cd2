package org.scamscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;
import org.scamscope.contract.ConfFiles;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.table.SilverTable;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one source layout maps onto a dataset's canonical columns: a file in conf/tables/silver/<dataset>/sources/.
 * See conf/tables/SOURCES.md for the language.
 */
public final class SourceMapping {
    public final String name;
    public final String dataset;
    /** file-name globs relative to the input folder, e.g. "victims/*.csv" */
    public final List<String> files;
    /** canonical column -> source column names, the first present one wins */
    public final Map<String, List<String>> columns;
    /** source columns that may be absent from a file */
    public final Set<String> optional;
    /** source columns that are read past without being stored anywhere */
    public final Set<String> ignore;
    /** canonical column -> (source value -> canonical value), matched case-insensitively */
    public final Map<String, Map<String, String>> values;
    /** canonical column -> date formats the source uses */
    public final Map<String, List<String>> dateFormats;
    /** canonical column -> [regex, replacement] pairs applied in order */
    public final Map<String, List<String[]>> patterns;
    /** canonical column -> constant value for layouts that lack it */
    public final Map<String, String> constants;
    /** canonical list column -> (flag source column -> list value): one-hot columns made into a list */
    public final Map<String, Map<String, String>> flags;
    /** values that mean "missing" in every column, besides the empty string */
    public final List<String> nullValues;
    public final Map<String, String> csvOptions;
    /**
     * The country (ISO alpha-3) whose national form the partner's phone numbers are written in, or
     * null: then the record's own country column (the contract's phone_region_column) is used.
     */
    public final String phoneRegion;

    private SourceMapping(String name, JsonNode n, SilverTable table) {
        this.name = name;
        this.dataset = table.name();
        this.files = strings(n.get("files"));
        this.columns = new LinkedHashMap<>();
        this.optional = new LinkedHashSet<>(strings(n.get("optional")));
        this.ignore = new LinkedHashSet<>(strings(n.get("ignore")));
        this.values = nestedMap(n.get("values"));
        this.dateFormats = new LinkedHashMap<>();
        this.constants = new LinkedHashMap<>();
        this.patterns = new LinkedHashMap<>();
        if (n.has("patterns")) n.get("patterns").fields().forEachRemaining(e -> {
            List<String[]> pairs = new ArrayList<>();
            e.getValue().forEach(p -> pairs.add(new String[] {p.get(0).asText(), p.get(1).asText()}));
            patterns.put(e.getKey(), pairs);
        });
        this.flags = nestedMap(n.get("flags"));
        this.nullValues = strings(n.get("null_values"));
        this.csvOptions = new LinkedHashMap<>();
        this.phoneRegion = n.hasNonNull("phone_region") ? n.get("phone_region").asText().trim().toUpperCase(java.util.Locale.ROOT) : null;
        if (n.has("csv")) n.get("csv").fields().forEachRemaining(e -> csvOptions.put(e.getKey(), e.getValue().asText()));
        if (n.has("constants")) n.get("constants").fields().forEachRemaining(e -> constants.put(e.getKey(), e.getValue().asText()));
        if (n.has("date_formats")) n.get("date_formats").fields().forEachRemaining(e -> dateFormats.put(e.getKey(), strings(e.getValue())));
        if (n.path("canonical").asBoolean(false)) {
            // The canonical layout: every column under its own name; only required ones must be there.
            for (ColumnSpec c : table.columns()) {
                columns.put(c.name(), List.of(c.name()));
                if (!c.required()) optional.add(c.name());
            }
        }
        if (n.has("columns")) n.get("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), strings(e.getValue())));
    }

    /** The keys a mapping file may hold (conf/tables/SOURCES.md). */
    public static final List<String> KEYS = List.of("dataset", "files", "canonical", "columns", "optional", "ignore", "values",
            "date_formats", "patterns", "constants", "flags", "null_values", "csv", "phone_region");

    /**
     * @param relative the mapping file, in the sources folder of the table's contract
     * @param name the name runs record for it ("victims_ctdc")
     */
    public static SourceMapping load(ConfFiles files, String relative, String name, SilverTable table) {
        String file = files.describe(relative);
        JsonNode n = files.json(relative);
        Json.knownKeys(n, file, KEYS);
        String dataset = text(n, "dataset", table.name());
        if (!dataset.equals(table.name())) {
            throw ExitCodes.usage(file + ": 'dataset' is '" + dataset + "', but the mapping is in the contract of " + table.name());
        }
        SourceMapping m = new SourceMapping(name, n, table);
        m.check(file, table);
        return m;
    }

    private void check(String file, SilverTable table) {
        if (files.isEmpty()) throw ExitCodes.usage(file + ": 'files' lists no file pattern");
        Set<String> canonical = new LinkedHashSet<>();
        table.columns().forEach(c -> canonical.add(c.name()));
        List<String> unknown = new ArrayList<>();
        for (String c : columns.keySet()) if (!canonical.contains(c)) unknown.add(c);
        for (String c : constants.keySet()) if (!canonical.contains(c)) unknown.add(c);
        for (String c : flags.keySet()) if (!canonical.contains(c)) unknown.add(c);
        if (!unknown.isEmpty()) {
            throw ExitCodes.usage(file + ": no canonical column " + unknown + " in dataset " + dataset);
        }
        if (phoneRegion != null) {
            if (!org.scamscope.table.PhoneNumbers.knowsRegion(phoneRegion)) {
                throw ExitCodes.usage(file + ": 'phone_region' must be a country's ISO 3166 alpha-3 code, as THA or PHL; got '" + phoneRegion + "'");
            }
            if (table.columns().stream().noneMatch(c -> c.phoneRegionColumn() != null)) {
                throw ExitCodes.usage(file + ": 'phone_region' is set, but dataset " + dataset + " has no phone number column (phone_region_column in its table.json)");
            }
        }
    }

    public boolean matches(String relativePath) {
        Path p = Path.of(relativePath);
        for (String glob : files) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(p)) return true;
        }
        return false;
    }

    /** Every source column the mapping reads. */
    public Set<String> sourceColumns() {
        Set<String> out = new LinkedHashSet<>();
        columns.values().forEach(out::addAll);
        flags.values().forEach(f -> out.addAll(f.keySet()));
        return out;
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else out.add(n.asText());
        return out;
    }

    private static Map<String, Map<String, String>> nestedMap(JsonNode n) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (n == null) return out;
        n.fields().forEachRemaining(e -> {
            Map<String, String> inner = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(v -> inner.put(v.getKey(), v.getValue().isNull() ? null : v.getValue().asText()));
            out.put(e.getKey(), inner);
        });
        return out;
    }
}
