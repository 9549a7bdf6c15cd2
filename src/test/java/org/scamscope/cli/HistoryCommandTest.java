package org.scamscope.cli;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.cli.TableFixtures.append;
import static org.scamscope.cli.TableFixtures.main;

class HistoryCommandTest {
    static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    @TempDir
    static Path wh;

    @BeforeAll
    static void warehouse() {
        append(wh, "silver/victims", SCHEMA, new Object[] {1, "a"}, new Object[] {2, "b"});
        append(wh, "silver/victims", SCHEMA, new Object[] {3, "c"});
        DeltaTable.forPath(TestSpark.session(), wh.resolve("silver/victims").toString()).delete("id = 1");
        append(wh, "gold/overview", SCHEMA, new Object[] {1, "x"});
    }

    @Test
    void historyListsTheVersionsOldestFirstWithOperationParametersAndMetrics() {
        TableFixtures.Outcome o = main("history", "silver/victims", "--warehouse", wh.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("silver/victims: versions 0 to 2\n"
                + "version  timestamp             operation  details\n"
                + "      0  yyyy-mm-ddThh:mm:ssZ  WRITE      mode=Append; numOutputRows=2 numFiles=1\n"
                + "      1  yyyy-mm-ddThh:mm:ssZ  WRITE      mode=Append; numOutputRows=1 numFiles=1\n"
                + "      2  yyyy-mm-ddThh:mm:ssZ  DELETE     predicate=[\"(id = 1)\"]; numDeletedRows=1 numAddedFiles=1 numRemovedFiles=1\n",
                TIMESTAMP.matcher(o.out()).replaceAll("yyyy-mm-ddThh:mm:ssZ"));
        List<Instant> times = new ArrayList<>();
        Matcher m = TIMESTAMP.matcher(o.out());
        while (m.find()) times.add(Instant.parse(m.group()));
        assertEquals(3, times.size());
        for (int i = 1; i < times.size(); i++) assertFalse(times.get(i).isBefore(times.get(i - 1)), o.out());
    }

    @Test
    void limitShowsTheLastVersions() {
        TableFixtures.Outcome o = main("history", "silver/victims", "--warehouse", wh.toString(), "--limit", "2");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("silver/victims: versions 1 to 2 (the last 2)", lines.get(0));
        assertEquals(4, lines.size(), o.out());
        assertTrue(lines.get(2).startsWith("      1  "), o.out());
        assertTrue(lines.get(3).startsWith("      2  "), o.out());
    }

    @Test
    void anUnknownTableIsAUsageErrorListingTheTables() {
        TableFixtures.Outcome o = main("history", "silver/nope", "--warehouse", wh.toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: no table 'silver/nope' in " + wh + "; its tables: silver/victims, gold/overview", o.err().strip());
        o = main("history", "--warehouse", wh.toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: no table given; usage: " + HistoryCommand.USAGE, o.err().strip());
        o = main("history", "silver/victims", "--warehouse", wh.resolve("empty").toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: no table 'silver/victims': " + wh.resolve("empty") + " holds no Delta tables (no such folder; see --warehouse)",
                o.err().strip());
    }

    @Test
    void versionIsNotAFlagOfHistory() {
        TableFixtures.Outcome o = main("history", "gold/overview", "--version", "3");
        assertEquals(2, o.code());
        assertEquals("scamscope: --version is not a flag of 'history'; usage: " + HistoryCommand.USAGE, o.err().strip());
    }
}
