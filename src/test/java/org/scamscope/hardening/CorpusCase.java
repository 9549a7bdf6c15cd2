package org.scamscope.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.config.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the corpus: a folder that is an input root (dataset folders) with expected.json
 * beside them, the outcome worked out by hand. See src/test/resources/corpus/README.md.
 *
 * @param setup what the test does to the input or warehouse before the run (null: nothing)
 * @param later files of the case that an earlier run on the same warehouse did not have yet
 *     (setup "earlier_run"); the run checked is then an incremental one
 * @param overrides settings on top of the corpus defaults (lenient thresholds, gold off)
 * @param error fragments the one-line error must hold (file, row, column, cause)
 * @param written for a failed run: "nothing", or "quarantine" (the quarantine only, no silver)
 * @param read rows read per dataset
 * @param quarantine every quarantine row as "file|row|rule"
 * @param silver every silver row per dataset as "file|row"
 * @param messages fragments the quarantine message of "file|row" must hold
 * @param values rows of a query on a table, for values the case is about
 */
record CorpusCase(String name, Path folder, String description, String setup, List<String> later, Map<String, String> overrides,
                  int exitCode, List<String> error, String written, Map<String, Long> read, List<String> quarantine,
                  Map<String, List<String>> silver, Map<String, List<String>> messages, List<ValueCheck> values) {

    /** A case about rows, checked on the validation stage; "run": through the command line, with its writes. */
    static final String STAGE = "stage";
    static final String RUN = "run";

    /**
     * Where the case is checked: a run that succeeds on its input alone is about rows, which the
     * validation stage decides; exit codes, refused files, partial writes and runs on an earlier
     * run's warehouse need the command line.
     */
    String level() {
        return exitCode == 0 && !"earlier_run".equals(setup) ? STAGE : RUN;
    }

    /** The rows "a|b" of SELECT columns FROM table WHERE where, sorted. */
    record ValueCheck(String table, String columns, String where, List<String> rows) {}

    static CorpusCase load(Path folder) {
        JsonNode n = Json.read(folder.resolve("expected.json"));
        Map<String, String> overrides = new LinkedHashMap<>();
        n.path("overrides").fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asText()));
        Map<String, Long> read = new LinkedHashMap<>();
        n.path("read").fields().forEachRemaining(e -> read.put(e.getKey(), e.getValue().asLong()));
        Map<String, List<String>> silver = new LinkedHashMap<>();
        n.path("silver").fields().forEachRemaining(e -> silver.put(e.getKey(), strings(e.getValue())));
        Map<String, List<String>> messages = new LinkedHashMap<>();
        n.path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), strings(e.getValue())));
        List<ValueCheck> values = new ArrayList<>();
        n.path("values").forEach(v -> values.add(new ValueCheck(v.get("table").asText(), v.get("columns").asText(),
                v.path("where").asText("true"), strings(v.get("rows")))));
        CorpusCase c = new CorpusCase(folder.getFileName().toString(), folder, n.path("description").asText(null),
                n.path("setup").asText(null), strings(n.get("later")), overrides, n.path("exit_code").asInt(0), strings(n.get("error")),
                n.path("written").asText(null), read, strings(n.get("quarantine")), silver, messages, values);
        c.check();
        return c;
    }

    /** An expected.json that leaves out what its kind of case must state is a mistake in the corpus. */
    private void check() {
        if (description == null || description.isBlank()) throw new IllegalArgumentException(name + ": no description");
        if (exitCode == 0) {
            if (read.isEmpty()) throw new IllegalArgumentException(name + ": a run that succeeds must state the rows read");
            if (!read.keySet().equals(silver.keySet())) throw new IllegalArgumentException(name + ": 'silver' must list every dataset of 'read'");
        } else {
            if (error.isEmpty()) throw new IllegalArgumentException(name + ": a failing run must state its error");
            if (!List.of("nothing", "quarantine").contains(written)) {
                throw new IllegalArgumentException(name + ": 'written' must be 'nothing' or 'quarantine'");
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
