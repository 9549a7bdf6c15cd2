package org.scamscope.hardening;

import org.scamscope.JobRunner;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scamscope.config.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a case's "setup" does before the run: states of the file system that cannot be committed
 * (a missing folder, a broken link, a warehouse that cannot be created). Each one fails for root
 * as for any other user, since permissions (chmod) do not stop root.
 */
final class CaseSetup {
    /**
     * Where the run reads and writes, and settings the setup adds.
     *
     * @param earlier the input of a run to make on the warehouse first, or null
     */
    record Paths(Path input, Path warehouse, Map<String, String> overrides, Path earlier) {}

    private CaseSetup() {}

    static Paths prepare(CorpusCase c, Path scratch) throws IOException {
        Path input = c.folder();
        Path warehouse = scratch.resolve("warehouse");
        Map<String, String> overrides = new LinkedHashMap<>();
        Path earlier = null;
        if (c.setup() == null) return new Paths(input, warehouse, overrides, null);
        switch (c.setup()) {
            case "input_missing" -> input = scratch.resolve("no-such-input");
            case "input_is_a_file" -> {
                input = scratch.resolve("input.csv");
                Files.writeString(input, "victim_id,source,victim_type,registration_date\n");
            }
            case "dangling_link" -> {
                input = JobRunner.copyFolder(c.folder(), scratch.resolve("input"));
                Files.createSymbolicLink(input.resolve("victims/moved_away.csv"), scratch.resolve("moved_away.csv"));
            }
            case "dataset_folder_broken_link" -> {
                input = JobRunner.copyFolder(c.folder(), scratch.resolve("input"));
                Files.createSymbolicLink(input.resolve("victims"), scratch.resolve("moved_away"));
            }
            case "link_loop" -> {
                input = JobRunner.copyFolder(c.folder(), scratch.resolve("input"));
                Files.createSymbolicLink(input.resolve("victims/loop_a.csv"), input.resolve("victims/loop_b.csv"));
                Files.createSymbolicLink(input.resolve("victims/loop_b.csv"), input.resolve("victims/loop_a.csv"));
            }
            case "warehouse_parent_is_a_file" -> {
                Path file = scratch.resolve("not-a-folder");
                Files.writeString(file, "a regular file\n");
                warehouse = file.resolve("warehouse");
            }
            case "warehouse_on_sysfs" -> {
                // sysfs lets nobody, root included, create folders in it.
                Path sys = Path.of("/sys");
                if (!Files.isDirectory(sys)) throw new IllegalStateException("this case needs Linux's /sys");
                warehouse = sys.resolve("scamscope-corpus-warehouse");
            }
            case "earlier_run" -> {
                earlier = JobRunner.copyFolder(c.folder(), scratch.resolve("earlier"));
                for (String f : c.later()) Files.delete(earlier.resolve(f));
            }
            case "extra_rules" -> overrides.put("pipeline", extraRules(c.folder().resolve("rules"), scratch.resolve("conf")).toString());
            case "extra_sources" -> overrides.put("pipeline", extraSources(c.folder().resolve("sources"), scratch.resolve("conf")).toString());
            default -> throw new IllegalArgumentException(c.name() + ": unknown setup '" + c.setup() + "'");
        }
        return new Paths(input, warehouse, overrides, earlier);
    }

    /**
     * A copy of conf/pipeline.json and conf/tables with the case's source mappings,
     * sources/DATASET/NAME.json, added to DATASET's contract, first in its list of sources (a file
     * takes the first mapping that fits); the copy's pipeline file.
     */
    private static Path extraSources(Path extra, Path target) throws IOException {
        JobRunner.copyFolder(Path.of("conf", "tables"), target.resolve("tables"));
        Files.copy(Path.of("conf", "pipeline.json"), target.resolve("pipeline.json"));
        try (Stream<Path> datasets = Files.list(extra)) {
            for (Path dataset : datasets.toList()) {
                Path contract = target.resolve("tables").resolve("silver").resolve(dataset.getFileName().toString());
                ObjectNode table = (ObjectNode) Json.read(contract.resolve("table.json"));
                ArrayNode sources = (ArrayNode) table.get("sources");
                try (Stream<Path> mappings = Files.list(dataset)) {
                    for (Path m : mappings.sorted().toList()) {
                        Files.copy(m, contract.resolve("sources").resolve(m.getFileName()));
                        sources.insert(0, m.getFileName().toString().replaceFirst("\\.json$", ""));
                    }
                }
                Files.writeString(contract.resolve("table.json"), Json.mapper().writeValueAsString(table));
            }
        }
        return target.resolve("pipeline.json").toAbsolutePath();
    }

    /**
     * A copy of conf/pipeline.json and conf/tables with the rules of the case's rules/DATASET.json
     * added to DATASET's rules.json; the copy's pipeline file.
     */
    private static Path extraRules(Path extra, Path target) throws IOException {
        JobRunner.copyFolder(Path.of("conf", "tables"), target.resolve("tables"));
        Files.copy(Path.of("conf", "pipeline.json"), target.resolve("pipeline.json"));
        try (Stream<Path> s = Files.list(extra)) {
            for (Path added : s.toList()) {
                String dataset = added.getFileName().toString().replaceFirst("\\.json$", "");
                Path f = target.resolve("tables").resolve("silver").resolve(dataset).resolve("rules.json");
                ObjectNode rules = (ObjectNode) Json.read(f);
                ((ArrayNode) rules.get("rules")).addAll((ArrayNode) Json.read(added).get("rules"));
                Files.writeString(f, Json.mapper().writeValueAsString(rules));
            }
        }
        return target.resolve("pipeline.json").toAbsolutePath();
    }
}
