package org.scamscope.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;
import org.scamscope.disclosure.PersonCounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.scamscope.contract.SilverContract.need;
import static org.scamscope.contract.SilverContract.strings;

/**
 * A gold table's contract, from its folder's table.json: the columns it publishes (name and Spark
 * type), its key, the relations of its person counts (what disclosure control protects) and its
 * tests, checked on the rows before they are written.
 */
public record GoldContract(String table, String folder, List<Declared> columns, List<String> key,
                           Optional<PersonCounts> personCounts, Tests tests, Optional<EventMatching> matching) {
    static final List<String> TABLE_KEYS = List.of("description", "columns", "key", "person_counts", "tests", "matching");
    static final List<String> COUNTS_KEYS = List.of("counts", "at_least_one", "row_sums", "describes", "sums_to", "same_as");
    static final List<String> TESTS_KEYS = List.of("unique_key", "not_null", "accepted_values", "min_rows", "non_negative");

    /**
     * @param uniqueKey no two rows share the key
     * @param notNull columns never null
     * @param acceptedValues column -> the only values it may hold (null aside)
     * @param nonNegative columns never below 0
     * @param minRows the fewest rows the table may have after a run with input for it
     */
    public record Tests(boolean uniqueKey, List<String> notNull, Map<String, List<String>> acceptedValues,
                        List<String> nonNegative, long minRows) {}

    public String file() {
        return folder + "/table.json";
    }

    public List<String> columnNames() {
        return columns.stream().map(Declared::name).toList();
    }

    public static GoldContract load(ConfFiles files, String folder, String table) {
        String where = files.describe(folder + "/table.json");
        JsonNode t = files.json(folder + "/table.json");
        Json.knownKeys(t, where, TABLE_KEYS);
        List<Declared> columns = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode c : t.path("columns")) {
            String name = need(c, "name", where);
            Json.knownKeys(c, where + ", column " + name, SilverContract.DECLARED_KEYS);
            String type = need(c, "type", where + ", column " + name);
            if (!names.add(name)) throw ExitCodes.usage(where + ": column " + name + " is declared twice");
            columns.add(new Declared(name, type, c.hasNonNull("description") ? c.get("description").asText() : null));
        }
        if (columns.isEmpty()) throw ExitCodes.usage(where + ": 'columns' declares no column");
        List<String> key = strings(t.path("key"));
        if (key.isEmpty()) throw ExitCodes.usage(where + ": 'key' names no column");
        known(names, key, where, "key");
        Optional<PersonCounts> counts = Optional.empty();
        if (t.has("person_counts")) counts = Optional.of(personCounts(t.get("person_counts"), table, key, names, where));
        JsonNode tn = t.path("tests");
        Json.knownKeys(tn, where + ", tests", TESTS_KEYS);
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        tn.path("accepted_values").fields().forEachRemaining(e -> accepted.put(e.getKey(), strings(e.getValue())));
        Tests tests = new Tests(tn.path("unique_key").asBoolean(false), strings(tn.path("not_null")), accepted,
                strings(tn.path("non_negative")), tn.path("min_rows").asLong(0));
        known(names, tests.notNull(), where, "tests.not_null");
        known(names, accepted.keySet(), where, "tests.accepted_values");
        known(names, tests.nonNegative(), where, "tests.non_negative");
        Optional<EventMatching> matching = t.has("matching")
                ? Optional.of(EventMatching.load(t.get("matching"), where)) : Optional.empty();
        return new GoldContract(table, folder, List.copyOf(columns), key, counts, tests, matching);
    }

    private static PersonCounts personCounts(JsonNode n, String table, List<String> key, Set<String> names, String where) {
        String w = where + ", person_counts";
        Json.knownKeys(n, w, COUNTS_KEYS);
        List<String> counts = strings(n.path("counts"));
        known(names, counts, w, "counts");
        List<PersonCounts.RowSum> rowSums = new ArrayList<>();
        for (JsonNode r : n.path("row_sums")) {
            Json.knownKeys(r, w + ".row_sums", List.of("total", "parts"));
            rowSums.add(new PersonCounts.RowSum(need(r, "total", w), strings(r.path("parts"))));
        }
        Map<String, List<String>> describes = new LinkedHashMap<>();
        n.path("describes").fields().forEachRemaining(e -> describes.put(e.getKey(), strings(e.getValue())));
        List<PersonCounts.SumsTo> sumsTo = new ArrayList<>();
        for (JsonNode s : n.path("sums_to")) {
            Json.knownKeys(s, w + ".sums_to", List.of("column", "over", "table", "table_column"));
            sumsTo.add(new PersonCounts.SumsTo(need(s, "column", w), strings(s.path("over")), need(s, "table", w), need(s, "table_column", w)));
        }
        List<PersonCounts.SameAs> sameAs = new ArrayList<>();
        for (JsonNode s : n.path("same_as")) {
            Json.knownKeys(s, w + ".same_as", List.of("column", "table", "table_column", "fixed_key"));
            Map<String, Object> fixed = new LinkedHashMap<>();
            s.path("fixed_key").fields().forEachRemaining(e -> fixed.put(e.getKey(), e.getValue().asText()));
            sameAs.add(new PersonCounts.SameAs(need(s, "column", w), need(s, "table", w), need(s, "table_column", w), fixed));
        }
        return new PersonCounts(table, key, counts, strings(n.path("at_least_one")), rowSums, describes, sumsTo, sameAs);
    }

    private static void known(Set<String> names, java.util.Collection<String> used, String where, String what) {
        for (String u : used) if (!names.contains(u)) throw ExitCodes.usage(where + ": " + what + " names " + u + ", which is no declared column");
    }
}
