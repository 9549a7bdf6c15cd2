package org.scamscope.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;

import java.util.List;

import static org.scamscope.contract.SilverContract.strings;

/**
 * When two reports without a shared id describe one event: they agree on every column of
 * {@code same}, on the first column of {@code place} that both give (when neither gives any, they
 * do not match), their dates are at most {@code withinDays} apart, and every count of
 * {@code counts} that both give (at least one) differs by at most {@code tolerance} of the larger.
 * Two reports that both carry an event_id, or that their ids tie already, are left to the ids; nor, with {@code acrossFilesOnly}, are two
 * reports of one file (a partner lists each event once).
 */
public record EventMatching(List<String> same, List<String> place, int withinDays, List<String> counts,
                            double tolerance, boolean acrossFilesOnly) {
    static final List<String> KEYS = List.of("description", "same", "place", "within_days", "counts", "tolerance", "across_files_only");

    static EventMatching load(JsonNode n, String where) {
        String w = where + ", matching";
        Json.knownKeys(n, w, KEYS);
        EventMatching m = new EventMatching(strings(n.path("same")), strings(n.path("place")), n.path("within_days").asInt(-1),
                strings(n.path("counts")), n.path("tolerance").asDouble(-1), n.path("across_files_only").asBoolean(true));
        if (m.withinDays < 0) throw ExitCodes.usage(w + ": 'within_days' must be a whole number of days, 0 or more");
        if (m.tolerance < 0 || m.tolerance >= 1) throw ExitCodes.usage(w + ": 'tolerance' must be a share from 0 to below 1");
        if (m.place.isEmpty() || m.counts.isEmpty()) throw ExitCodes.usage(w + ": 'place' and 'counts' each name at least one column");
        return m;
    }
}
