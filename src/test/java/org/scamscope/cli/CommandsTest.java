package org.scamscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scamscope.spark.SparkSessions;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help and usage of every command, and the suggestions for a mistyped command or flag; none starts Spark. */
class CommandsTest {
    /** commands.json read here on its own: command -> its flags. */
    private static Map<String, List<String>> declared() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = Commands.class.getResourceAsStream("commands.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("commands")) {
                List<String> flags = new ArrayList<>();
                c.get("options").forEach(f -> flags.add(f.asText()));
                out.put(c.get("name").asText(), flags);
            }
        }
        return out;
    }

    @Test
    void theGeneralHelpHasOneLineACommandWithinAHundredColumns() throws Exception {
        int before = SparkSessions.requests();
        TableFixtures.Outcome o = TableFixtures.main("--help");
        assertEquals(0, o.code(), o.err());
        assertEquals(o.out(), TableFixtures.main("help").out());
        List<String> lines = o.out().lines().toList();
        List<String> commandLines = new ArrayList<>();
        for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
            if (line.isEmpty()) break;
            commandLines.add(line);
        }
        List<String> names = new ArrayList<>(declared().keySet());
        assertEquals(names.size(), commandLines.size(), o.out());
        for (int i = 0; i < names.size(); i++) assertTrue(commandLines.get(i).startsWith("  " + names.get(i) + " "), commandLines.get(i));
        assertTrue(commandLines.contains("  show TABLE          a table's rows, ordered by its key; no Spark"), o.out());
        for (String line : lines) assertTrue(line.length() <= 100, "over 100 columns: " + line);
        assertEquals(before, SparkSessions.requests());
    }

    @Test
    void everyCommandsHelpShowsItsUsageAndOnlyItsFlags() throws Exception {
        int before = SparkSessions.requests();
        Set<String> allFlags = new TreeSet<>();
        declared().values().forEach(allFlags::addAll);
        for (Map.Entry<String, List<String>> c : declared().entrySet()) {
            String name = c.getKey();
            TableFixtures.Outcome help = TableFixtures.main("help", name);
            assertEquals(0, help.code(), name + ": " + help.err());
            assertTrue(help.out().startsWith("usage: scamscope " + name), help.out());
            if (!name.equals("help")) assertEquals(help.out(), TableFixtures.main(name, "--help").out(), name);
            for (String line : help.out().lines().toList()) assertTrue(line.length() <= 100, name + ", over 100 columns: " + line);
            for (String flag : allFlags) {
                boolean shown = help.out().contains("--" + flag + " ") || help.out().contains("--" + flag + "]")
                        || help.out().contains("--" + flag + "\n");
                assertEquals(c.getValue().contains(flag), shown, name + " and --" + flag + ":\n" + help.out());
            }
        }
        assertEquals(before, SparkSessions.requests());
    }

    @Test
    void showsUsageWrapsBetweenFlagsUnderTheCommand() {
        TableFixtures.Outcome o = TableFixtures.main("show", "--help");
        assertEquals(List.of(
                "usage: scamscope show TABLE [--config FILE] [--warehouse DIR] [--version N] [--latest]",
                "                      [--columns A,B] [--where EXPR] [--limit N] [--format FORMAT] [--vertical]",
                "a table's rows, ordered by its key; no Spark"), o.out().lines().limit(3).toList());
        // the flag's description without the "show: " it has in the shared list
        assertTrue(o.out().contains("--columns <A,B>      only these columns, in this order"), o.out());
    }

    @Test
    void aMistypedCommandOrFlagGetsTheNearestOneAndAFarOneNone() {
        int before = SparkSessions.requests();
        String runUsage = "scamscope run [--config FILE] [--input DIR] [--warehouse DIR] [--master URL] [--full] [--prune] [--json-summary FILE]";
        TableFixtures.Outcome o = TableFixtures.main("run", "--wherehouse", "wh");
        assertEquals(2, o.code());
        assertEquals("scamscope: unknown flag --wherehouse (did you mean --warehouse?); usage: " + runUsage, o.err().strip());
        o = TableFixtures.main("stauts");
        assertEquals(2, o.code());
        assertEquals("scamscope: unknown command 'stauts' (did you mean status?); 'scamscope help' lists the commands", o.err().strip());
        o = TableFixtures.main("run", "--zzz");
        assertEquals("scamscope: unknown flag --zzz; usage: " + runUsage, o.err().strip());
        o = TableFixtures.main("run", "--limit", "3");
        assertEquals(2, o.code());
        assertEquals("scamscope: --limit is not a flag of 'run'; usage: " + runUsage, o.err().strip());
        o = TableFixtures.main("help", "shwo");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("scamscope: unknown command 'shwo' (did you mean show?)"), o.err());
        assertFalse(o.out().contains("usage"), o.out());
        assertEquals(before, SparkSessions.requests());
    }
}
