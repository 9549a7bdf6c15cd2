package org.scamscope.pipeline;

import org.scamscope.ExitCodes;
import org.scamscope.source.InputFolder;
import org.scamscope.table.SilverTable;

import org.scamscope.storage.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run takes: the new and changed files, and the files to prune, per dataset, decided from
 * the input folder and the ledger of files taken before.
 */
record RunPlan(Map<SilverTable, List<IngestLedger.FileState>> take, Map<SilverTable, List<String>> pruned, Map<String, Location> byPath) {
    /** The input's files per dataset, with their size, time and checksum; datasets without a folder are left out. */
    record Inputs(Map<SilverTable, List<IngestLedger.FileState>> states, Map<String, Location> byPath) {
        static Inputs list(InputFolder input, Pipeline pipeline, List<String> notes) {
            if (pipeline.silver().stream().allMatch(t -> input.files(t.name()) == null)) {
                String name = input.root().name();
                throw ExitCodes.usage("input folder " + input.root() + " has none of the dataset folders " + pipeline.silverByName().keySet()
                        + (pipeline.silverByName().containsKey(name)
                            ? ": it is the dataset folder " + name + "/ itself; give the folder that holds it, " + input.root().parent()
                            : ""));
            }
            Map<SilverTable, List<IngestLedger.FileState>> states = new LinkedHashMap<>();
            Map<String, Location> byPath = new HashMap<>();
            for (SilverTable t : pipeline.silver()) {
                List<Location> files = input.files(t.name());
                if (files == null) {
                    notes.add(t.name() + ": the input has no folder " + t.name() + "/, so silver/" + t.name() + " is left as it was");
                    continue;
                }
                List<IngestLedger.FileState> list = new ArrayList<>();
                for (Location f : files) {
                    String rel = input.relative(f);
                    list.add(IngestLedger.state(t.name(), f, rel));
                    byPath.put(rel, f);
                }
                states.put(t, list);
            }
            return new Inputs(states, byPath);
        }
    }

    static RunPlan make(Inputs inputs, IngestLedger ledger, boolean full, boolean prune, List<String> notes) {
        Map<SilverTable, List<IngestLedger.FileState>> take = new LinkedHashMap<>();
        Map<SilverTable, List<String>> pruned = new LinkedHashMap<>();
        for (Map.Entry<SilverTable, List<IngestLedger.FileState>> e : inputs.states().entrySet()) {
            SilverTable t = e.getKey();
            List<IngestLedger.FileState> taken = e.getValue().stream().filter(f -> full || ledger.isNewOrChanged(f)).toList();
            take.put(t, taken);
            long changed = taken.stream().filter(ledger::isKnown).count();
            if (!full && (taken.size() > 0 || changed > 0)) {
                notes.add(String.format("%s: %d new and %d changed files taken, %d unchanged skipped", t.name(),
                        taken.size() - changed, changed, e.getValue().size() - taken.size()));
            }
            List<String> missing = ledger.missing(t.name(), e.getValue().stream().map(IngestLedger.FileState::path)
                    .collect(Collectors.toSet()));
            for (String m : missing) {
                notes.add(t.name() + ": " + m + " was ingested before and is no longer in the input; "
                        + (prune || full ? "its rows are removed" : "its rows stay (run with --prune to remove them)"));
            }
            if (prune || full) pruned.put(t, missing);
        }
        return new RunPlan(take, pruned, inputs.byPath());
    }

    boolean isEmpty() {
        return take.values().stream().allMatch(List::isEmpty) && pruned.values().stream().allMatch(List::isEmpty);
    }

    /** The datasets this run writes: those with files to take or to prune. */
    List<SilverTable> datasets() {
        List<SilverTable> out = new ArrayList<>();
        for (SilverTable t : take.keySet()) {
            if (!take.getOrDefault(t, List.of()).isEmpty() || !pruned.getOrDefault(t, List.of()).isEmpty()) out.add(t);
        }
        return out;
    }

    /** The files of a dataset to read. */
    List<Location> files(SilverTable t) {
        return take.getOrDefault(t, List.of()).stream().map(f -> byPath.get(f.path())).toList();
    }

    /** Files whose earlier rows this run replaces or removes. */
    List<String> replaced(SilverTable t) {
        List<String> out = new ArrayList<>(pruned.getOrDefault(t, List.of()));
        take.getOrDefault(t, List.of()).forEach(f -> out.add(f.path()));
        return out;
    }

    /** The bytes of a dataset's files this run takes. */
    long bytes(SilverTable t) {
        return take.getOrDefault(t, List.of()).stream().mapToLong(IngestLedger.FileState::size).sum();
    }

    List<IngestLedger.FileState> taken() {
        return take.values().stream().flatMap(List::stream).toList();
    }

    Map<String, List<String>> prunedByDataset() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        pruned.forEach((t, p) -> out.put(t.name(), p));
        return out;
    }
}
