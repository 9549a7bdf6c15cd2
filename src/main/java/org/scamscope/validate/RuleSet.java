package org.scamscope.validate;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Loads a dataset's rules from conf/rules/&lt;dataset&gt;.json. */
public final class RuleSet {
    private RuleSet() {}

    public static List<Rule> load(Path dir, String dataset) {
        Path file = dir.resolve(dataset + ".json");
        JsonNode root = Json.read(file);
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode r : root.path("rules")) {
            String name = need(r, "name", file);
            String expr = need(r, "expression", file);
            String action = r.path("action").asText("quarantine");
            Rule.Action a;
            try {
                a = Rule.Action.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ExitCodes.usage(file + ": rule '" + name + "' has action '" + action + "'; use quarantine, fail or warn");
            }
            if (!names.add(name)) throw ExitCodes.usage(file + ": two rules are named '" + name + "'");
            List<String> columns = new ArrayList<>();
            r.path("columns").forEach(c -> columns.add(c.asText()));
            rules.add(new Rule(name, expr, a, r.path("message").asText(name), columns, r.path("check").asBoolean(false)));
        }
        return rules;
    }

    private static String need(JsonNode r, String field, Path file) {
        String v = r.path(field).asText("");
        if (v.isBlank()) throw ExitCodes.usage(file + ": a rule lacks '" + field + "'");
        return v;
    }
}
