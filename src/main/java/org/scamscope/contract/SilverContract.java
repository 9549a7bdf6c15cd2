package org.scamscope.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A silver dataset's contract, from its folder: table.json (canonical columns with their kinds,
 * required columns, allowed values, natural key, derived and helper columns, source mappings in
 * use) and rules.json. Each required column gets the rule "&lt;column&gt;_required" from the schema.
 *
 * @param sources the mapping files in use (sources/&lt;name&gt;.json), first match wins
 * @param rules the rules of rules.json, after the required-column rules
 */
public record SilverContract(String dataset, String folder, List<ColumnSpec> columns, List<String> naturalKey,
                             List<Declared> derived, List<Declared> helpers, List<String> sources, List<Rule> rules) {
    /** The lineage column a natural key may name: a record is then what one file says, and two files give two. */
    public static final String SOURCE_FILE = "source_file";
    static final List<String> TABLE_KEYS = List.of("columns", "natural_key", "derived", "helpers", "sources", "description");
    static final List<String> COLUMN_KEYS = List.of("name", "kind", "required", "unknown_allowed", "allowed", "country_column", "earliest", "phone_region_column", "description");
    static final List<String> DECLARED_KEYS = List.of("name", "type", "description");
    static final List<String> RULES_KEYS = List.of("rules");
    static final List<String> RULE_KEYS = List.of("name", "expression", "action", "message", "columns", "check");

    public String tableFile() {
        return folder + "/table.json";
    }

    public String rulesFile() {
        return folder + "/rules.json";
    }

    public String sourceFile(String source) {
        return folder + "/sources/" + source + ".json";
    }

    public static SilverContract load(ConfFiles files, String folder, String dataset) {
        String tableFile = folder + "/table.json";
        String where = files.describe(tableFile);
        JsonNode t = files.json(tableFile);
        Json.knownKeys(t, where, TABLE_KEYS);
        List<ColumnSpec> columns = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode c : t.path("columns")) {
            String name = need(c, "name", where);
            Json.knownKeys(c, where + ", column " + name, COLUMN_KEYS);
            Kind kind;
            try {
                kind = Kind.valueOf(need(c, "kind", where + ", column " + name).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ExitCodes.usage(where + ", column " + name + ": kind '" + c.path("kind").asText() + "' is none of "
                        + java.util.Arrays.stream(Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
            }
            List<String> allowed = strings(c.path("allowed"));
            String country = c.hasNonNull("country_column") ? c.get("country_column").asText() : null;
            if ((kind == Kind.SUBDIVISION) != (country != null)) {
                throw ExitCodes.usage(where + ", column " + name + ": a subdivision column, and only one, names its 'country_column'");
            }
            if (!allowed.isEmpty() && kind != Kind.CHOICE && kind != Kind.LIST) {
                throw ExitCodes.usage(where + ", column " + name + ": only choice and list columns have 'allowed' values");
            }
            if (kind == Kind.CHOICE && allowed.isEmpty()) throw ExitCodes.usage(where + ", column " + name + ": a choice column lists its 'allowed' values");
            if (!names.add(name)) throw ExitCodes.usage(where + ": column " + name + " is declared twice");
            boolean required = c.path("required").asBoolean(false);
            boolean unknown = c.path("unknown_allowed").asBoolean(false);
            if (unknown && !required) throw ExitCodes.usage(where + ", column " + name + ": 'unknown_allowed' is for a required column");
            if (c.has("earliest") && kind != Kind.DATE) throw ExitCodes.usage(where + ", column " + name + ": only date columns have an 'earliest' date");
            java.time.LocalDate earliest = null;
            if (kind == Kind.DATE) {
                try {
                    earliest = c.has("earliest") ? java.time.LocalDate.parse(c.get("earliest").asText()) : ColumnSpec.EARLIEST;
                } catch (java.time.format.DateTimeParseException e) {
                    throw ExitCodes.usage(where + ", column " + name + ": 'earliest' is not a date written yyyy-MM-dd: " + c.get("earliest").asText());
                }
            }
            String phoneRegion = c.hasNonNull("phone_region_column") ? c.get("phone_region_column").asText() : null;
            if (phoneRegion != null && kind != Kind.PERSONAL) {
                throw ExitCodes.usage(where + ", column " + name + ": only a personal column (a phone number) has a 'phone_region_column'");
            }
            columns.add(new ColumnSpec(name, kind, required, allowed, country, unknown, earliest, phoneRegion));
        }
        if (columns.isEmpty()) throw ExitCodes.usage(where + ": 'columns' declares no column");
        for (ColumnSpec c : columns) {
            if (c.phoneRegionColumn() != null && columns.stream().noneMatch(x -> x.name().equals(c.phoneRegionColumn()) && x.kind() == Kind.COUNTRY)) {
                throw ExitCodes.usage(where + ", column " + c.name() + ": phone_region_column " + c.phoneRegionColumn() + " is no country column of the table");
            }
            if (c.countryColumn() != null && columns.stream().noneMatch(x -> x.name().equals(c.countryColumn()) && x.kind() == Kind.COUNTRY)) {
                throw ExitCodes.usage(where + ", column " + c.name() + ": country_column " + c.countryColumn() + " is no country column of the table");
            }
        }
        List<String> key = strings(t.path("natural_key"));
        if (key.isEmpty()) throw ExitCodes.usage(where + ": 'natural_key' names no column");
        for (String k : key) {
            if (!names.contains(k) && !k.equals(SOURCE_FILE)) throw ExitCodes.usage(where + ": natural_key column " + k + " is not declared");
        }
        List<Declared> derived = declared(t.path("derived"), where);
        List<Declared> helpers = declared(t.path("helpers"), where);
        for (Declared h : helpers) {
            if (!h.name().startsWith("_")) throw ExitCodes.usage(where + ": helper column " + h.name() + " must start with '_'");
        }
        List<String> sources = strings(t.path("sources"));
        if (sources.isEmpty()) throw ExitCodes.usage(where + ": 'sources' names no source mapping");
        List<Rule> rules = required(columns);
        rules.addAll(rules(files, folder + "/rules.json"));
        Set<String> ruleNames = new HashSet<>();
        for (Rule r : rules) {
            if (!ruleNames.add(r.name())) {
                throw ExitCodes.usage(files.describe(folder + "/rules.json") + ": two rules are named '" + r.name()
                        + "' (a required column has its rule <column>_required from table.json)");
            }
        }
        return new SilverContract(dataset, folder, List.copyOf(columns), key, derived, helpers, sources, rules);
    }

    /** "Required" said once, in the schema: a text column must be there; a typed one must have been written. */
    private static List<Rule> required(List<ColumnSpec> columns) {
        List<Rule> out = new ArrayList<>();
        for (ColumnSpec c : columns) {
            if (!c.valueRequired()) continue;
            String n = c.name();
            // A typed value that could not be read breaks the rule of its kind, not this one.
            String expr = c.kind() == Kind.TEXT ? n + " IS NOT NULL" : n + " IS NOT NULL OR _text." + n + " IS NOT NULL";
            out.add(new Rule(n + "_required", expr, Rule.Action.QUARANTINE, "is required", List.of(n), false));
        }
        return out;
    }

    private static List<Rule> rules(ConfFiles files, String file) {
        String where = files.describe(file);
        JsonNode root = files.json(file);
        Json.knownKeys(root, where, RULES_KEYS);
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            String name = need(r, "name", where);
            Json.knownKeys(r, where + ", rule " + name, RULE_KEYS);
            String expr = need(r, "expression", where + ", rule " + name);
            String action = r.path("action").asText("quarantine");
            Rule.Action a;
            try {
                a = Rule.Action.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ExitCodes.usage(where + ": rule '" + name + "' has action '" + action + "'; use quarantine, fail or warn");
            }
            rules.add(new Rule(name, expr, a, r.path("message").asText(name), strings(r.path("columns")), r.path("check").asBoolean(false)));
        }
        return rules;
    }

    private static List<Declared> declared(JsonNode list, String where) {
        List<Declared> out = new ArrayList<>();
        for (JsonNode d : list) {
            String name = need(d, "name", where);
            Json.knownKeys(d, where + ", column " + name, DECLARED_KEYS);
            out.add(new Declared(name, d.hasNonNull("type") ? d.get("type").asText() : null,
                    d.hasNonNull("description") ? d.get("description").asText() : null));
        }
        return List.copyOf(out);
    }

    static String need(JsonNode n, String field, String where) {
        String v = n.path(field).asText("");
        if (v.isBlank()) throw ExitCodes.usage(where + ": an entry lacks '" + field + "'");
        return v;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) return out;
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else out.add(n.asText());
        return out;
    }
}
