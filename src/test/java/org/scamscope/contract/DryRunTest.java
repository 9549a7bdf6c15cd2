package org.scamscope.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.ExitCodes;
import org.scamscope.JobRunner;
import org.scamscope.cli.Main;
import org.scamscope.config.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `dry-run` on a copy of conf/: the shipped pipeline passes; each broken contract is refused with exit 2, naming its file. */
class DryRunTest {
    @TempDir
    Path tmp;
    Path conf;
    Path config;

    record Output(int code, String out, String err) {}

    private int copies;

    @BeforeEach
    void copyConf() throws IOException {
        conf = tmp.resolve("conf" + copies++);
        JobRunner.copyFolder(Path.of("conf", "tables"), conf.resolve("tables"));
        Files.copy(Path.of("conf", "pipeline.json"), conf.resolve("pipeline.json"));
        config = conf.resolve("scamscope.properties");
        Files.writeString(config, "reference=" + Path.of("data", "reference").toAbsolutePath() + "\npipeline=pipeline.json\n"
                + "input=" + tmp.resolve("in") + "\nwarehouse=" + tmp.resolve("wh") + "\nspark.sql.shuffle.partitions=2\n");
    }

    private Output dryRun() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new String[] {"dry-run", "--config", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void edit(String relative, Consumer<ObjectNode> change) throws IOException {
        Path f = conf.resolve(relative);
        ObjectNode n = (ObjectNode) Json.read(f);
        change.accept(n);
        Files.writeString(f, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }

    private static ObjectNode table(ObjectNode pipeline, String name) {
        for (var t : pipeline.get("tables")) if (t.get("name").asText().equals(name)) return (ObjectNode) t;
        throw new AssertionError("no table " + name);
    }

    @Test
    void theShippedPipelinePassesAndPrintsEveryTableAfterWhatItReads() throws IOException {
        Output o = dryRun();
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.out().contains("dry-run passed: 16 tables; 4 silver contracts"), o.out());
        // The order, checked against the reads as the file states them.
        List<String> printed = new ArrayList<>();
        for (String line : o.out().lines().toList()) if (line.contains(" <- ")) printed.add(line.substring(0, line.indexOf(' ')));
        ObjectNode spec = (ObjectNode) Json.read(conf.resolve("pipeline.json"));
        assertEquals(spec.get("tables").size(), printed.size(), o.out());
        for (var t : spec.get("tables")) {
            String name = t.get("name").asText();
            for (var r : t.get("reads")) {
                if (printed.contains(r.asText())) {
                    assertTrue(printed.indexOf(r.asText()) < printed.indexOf(name), name + " comes after " + r.asText() + ": " + printed);
                }
            }
        }
        assertTrue(o.out().contains("gold/region_year_overview        <- gold/victims_by_region_year, gold/compounds_by_region_year"), o.out());
    }

    @Test
    void aRuleNamingAnUnknownColumnIsRefusedNamingTheRulesFile() throws IOException {
        edit("tables/silver/victims/rules.json", n -> ((ArrayNode) n.get("rules")).addObject()
                .put("name", "nickname_short").put("expression", "length(nickname) < 20").put("message", "is too long"));
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/victims/rules.json").toString()), o.err());
        assertTrue(o.err().contains("rule 'nickname_short' does not resolve"), o.err());
        assertTrue(o.err().contains("nickname"), o.err());
    }

    @Test
    void aGoldBuildReadingATableItsReadsDoNotNameIsRefused() throws IOException {
        edit("pipeline.json", n -> {
            ArrayNode reads = (ArrayNode) table(n, "gold/victim_flows_by_year").get("reads");
            reads.removeAll();
            reads.add("reference");
        });
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("pipeline.json").toString()), o.err());
        assertTrue(o.err().contains("the build of gold/victim_flows_by_year reads a table its 'reads' do not name"), o.err());
        assertTrue(o.err().contains("victims"), o.err());
    }

    @Test
    void aCycleIsRefusedWhenTheSpecLoads() throws IOException {
        edit("pipeline.json", n -> ((ArrayNode) table(n, "gold/victims_by_region_year").get("reads")).add("gold/region_year_overview"));
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("pipeline.json") + ": the reads form a cycle: gold/victims_by_region_year -> "
                + "gold/region_year_overview -> gold/victims_by_region_year"), o.err());
    }

    @Test
    void misspeltKeysAreRefusedNamingTheFileAndTheKey() throws IOException {
        edit("tables/silver/victims/table.json", n -> n.set("natual_key", n.remove("natural_key")));
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/victims/table.json") + ": unknown key 'natual_key'"), o.err());

        copyConf();
        edit("tables/silver/victims/sources/ctdc.json", n -> n.set("null_value", n.remove("null_values")));
        o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/victims/sources/ctdc.json") + ": unknown key 'null_value'"), o.err());

        copyConf();
        edit("tables/silver/compounds/rules.json", n -> ((ObjectNode) n.get("rules").get(0)).put("acton", "warn"));
        o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/compounds/rules.json") + ", rule latitude_range: unknown key 'acton'"), o.err());
    }

    @Test
    void aGoldContractThatDoesNotMatchItsBuildIsRefused() throws IOException {
        edit("tables/gold/enforcement_by_region_year/table.json", n -> {
            ArrayNode cols = (ArrayNode) n.get("columns");
            for (int i = 0; i < cols.size(); i++) if (cols.get(i).get("name").asText().equals("region_name")) cols.remove(i);
        });
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/gold/enforcement_by_region_year/table.json")
                + ": gold/enforcement_by_region_year: published column region_name is not declared"), o.err());
    }

    @Test
    void aMappingFileNoTableNamesIsRefused() throws IOException {
        Files.writeString(conf.resolve("tables/silver/victims/sources/partner.json"), "{\"files\": [\"victims/partner*.csv\"]}");
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/victims/sources/partner.json") + ": not a source mapping in use"), o.err());
    }

    @Test
    void aPhoneRegionThatIsNoCountryOrOnADatasetWithoutPhonesIsRefused() throws IOException {
        edit("tables/silver/victims/sources/ctdc.json", n -> n.put("phone_region", "XYZ"));
        Output o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/victims/sources/ctdc.json")
                + ": 'phone_region' must be a country's ISO 3166 alpha-3 code, as THA or PHL; got 'XYZ'"), o.err());

        copyConf();
        edit("tables/silver/compounds/sources/canonical.json", n -> n.put("phone_region", "THA"));
        o = dryRun();
        assertEquals(ExitCodes.USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(conf.resolve("tables/silver/compounds/sources/canonical.json")
                + ": 'phone_region' is set, but dataset compounds has no phone number column"), o.err());

        copyConf();
        edit("tables/silver/victims/sources/ctdc.json", n -> n.put("phone_region", "tha"));
        o = dryRun();
        assertEquals(0, o.code(), o.out() + o.err());
    }
}
