package org.scamscope.cli;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.cli.TableFixtures.append;
import static org.scamscope.cli.TableFixtures.main;

class ShowCommandTest {
    static final StructType SCHEMA = new StructType().add("region", DataTypes.StringType).add("year", DataTypes.IntegerType)
            .add("victims", DataTypes.LongType).add("note", DataTypes.StringType);

    @TempDir
    static Path wh;

    /** Version 0: two rows in one file; version 1: one more. */
    @BeforeAll
    static void warehouse() {
        append(wh, "gold/overview", SCHEMA, new Object[] {"Mekong", 2023, 120L, null},
                new Object[] {"Myawaddy border zone with a very long name that is cut", 2023, 7L, "ok"});
        append(wh, "gold/overview", SCHEMA, new Object[] {"Mekong", 2024, 95L, "provisional"});
        append(wh, "gold/export", SCHEMA, new Object[] {"=HYPERLINK(\"http://example.org\",\"x\")", 2023, -5L, "+cmd|' /C calc'!A0"},
                new Object[] {"@SUM(1+1)", 2024, 7L, "-2+3"}, new Object[] {"Myawaddy, \"Kayin\"\nborder zone with a long name", 2024, 0L, null});
    }

    @Test
    void csvHoldsEveryRowWholeAndNeutralisesFormulaCells() {
        TableFixtures.Outcome o = show("gold/export", "--format", "csv");
        assertEquals(0, o.code(), o.err());
        assertEquals("region,year,victims,note\r\n"
                + "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",2023,-5,'+cmd|' /C calc'!A0\r\n"
                + "'@SUM(1+1),2024,7,'-2+3\r\n"
                + "\"Myawaddy, \"\"Kayin\"\"\nborder zone with a long name\",2024,0,\r\n", o.out());
        o = show("gold/export", "--format", "csv", "--where", "year = 2024", "--limit", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals("region,year,victims,note\r\n'@SUM(1+1),2024,7,'-2+3\r\n", o.out());
        o = show("gold/export", "--format", "xlsx");
        assertEquals(2, o.code());
        assertEquals("scamscope: --format must be text, csv or json, got 'xlsx'", o.err().strip());
    }

    private static TableFixtures.Outcome show(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "show";
        all[1] = "--warehouse";
        all[2] = wh.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return main(all);
    }

    @Test
    void anEarlierVersionShowsItsRowsBoxedWithLongCellsCutAndNulls() {
        TableFixtures.Outcome o = show("gold/overview", "--version", "0");
        assertEquals(0, o.code(), o.err());
        assertEquals("gold/overview at version 0\n"
                + "+----------------------------------------+----+-------+----+\n"
                + "|region                                  |year|victims|note|\n"
                + "+----------------------------------------+----+-------+----+\n"
                + "|Mekong                                  |2023|    120|NULL|\n"
                + "|Myawaddy border zone with a very long...|2023|      7|ok  |\n"
                + "+----------------------------------------+----+-------+----+\n"
                + "2 rows\n", o.out());
    }

    @Test
    void whereFiltersTheLatestVersion() {
        TableFixtures.Outcome o = show("gold/overview", "--where", "year = 2024");
        assertEquals(0, o.code(), o.err());
        assertEquals("gold/overview at version 1, where year = 2024\n"
                + "+------+----+-------+-----------+\n"
                + "|region|year|victims|note       |\n"
                + "+------+----+-------+-----------+\n"
                + "|Mekong|2024|     95|provisional|\n"
                + "+------+----+-------+-----------+\n"
                + "1 row\n", o.out());
        o = show("gold/overview", "--where", "year = 2024", "--version", "0");
        assertEquals(0, o.code(), o.err());
        assertEquals("gold/overview at version 0, where year = 2024\n"
                + "+------+----+-------+----+\n"
                + "|region|year|victims|note|\n"
                + "+------+----+-------+----+\n"
                + "0 rows\n", o.out());
    }

    @Test
    void limitShowsTheFirstRowsAndSaysThereAreMore() {
        TableFixtures.Outcome o = show("gold/overview", "--version", "0", "--limit", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals("gold/overview at version 0\n"
                + "+------+----+-------+----+\n"
                + "|region|year|victims|note|\n"
                + "+------+----+-------+----+\n"
                + "|Mekong|2023|    120|NULL|\n"
                + "+------+----+-------+----+\n"
                + "only showing the first 1 of 2 rows (--limit N shows more)\n", o.out());
        o = show("gold/overview");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("gold/overview at version 1\n"), o.out());
        assertTrue(o.out().contains("|Mekong                                  |2024|     95|provisional|\n"), o.out());
        assertTrue(o.out().endsWith("+\n3 rows\n"), o.out());
    }

    @Test
    void aBadFilterIsAUsageErrorOnOneLineAndNoSqlRuns() {
        TableFixtures.Outcome o = show("gold/overview", "--where", "no_such_column = 1");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("scamscope: --where no_such_column = 1: no column 'no_such_column'; the columns are "
                + "region, year, victims, note at character 1; supported: "), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        o = show("gold/overview", "--where", "year = = 1");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("scamscope: --where year = = 1: '=' is not a value of year (integer) at character 8"), o.err());
        o = show("gold/overview", "--where", "region = Mekong");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("scamscope: --where region = Mekong: region is text: quote the value, 'Mekong'"), o.err());
        // A function, and so a way to read files or the environment, is no part of a condition.
        o = show("gold/overview", "--where", "reflect('java.lang.System', 'getenv', 'HOME') IS NOT NULL");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(": no column 'reflect'"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void rowsComeInOrderWithTheColumnsAskedForVerticalOrAsJson() {
        TableFixtures.Outcome o = show("gold/overview", "--columns", "year,region", "--where", "victims >= 7 AND NOT region LIKE 'Mya%'");
        assertEquals(0, o.code(), o.err());
        assertEquals("gold/overview at version 1, where victims >= 7 AND NOT region LIKE 'Mya%'\n"
                + "+----+------+\n"
                + "|year|region|\n"
                + "+----+------+\n"
                + "|2023|Mekong|\n"
                + "|2024|Mekong|\n"
                + "+----+------+\n"
                + "2 rows\n", o.out());
        o = show("gold/overview", "--vertical", "--limit", "1", "--where", "note IS NOT NULL");
        assertEquals(0, o.code(), o.err());
        assertEquals("gold/overview at version 1, where note IS NOT NULL\n"
                + "-[ row 1 ]--------------------\n"
                + "region   Mekong\n"
                + "year     2024\n"
                + "victims  95\n"
                + "note     provisional\n"
                + "only showing the first 1 of 2 rows (--limit N shows more)\n", o.out());
        o = show("gold/overview", "--format", "json", "--where", "year IN (2023) AND victims != 7");
        assertEquals(0, o.code(), o.err());
        assertEquals("{\"region\":\"Mekong\",\"year\":2023,\"victims\":120,\"note\":null}\n", o.out());
    }

    @Test
    void badVersionsLimitsAndTablesAreUsageErrors() {
        TableFixtures.Outcome o = show("gold/overview", "--version", "7");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("scamscope: gold/overview: "), o.err());
        assertTrue(o.err().contains("Cannot load table version 7 as it does not exist. The latest available version is 1."), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        o = show("gold/overview", "--version", "latest");
        assertEquals(2, o.code());
        assertEquals("scamscope: --version must be a whole number of 0 or more, got 'latest'", o.err().strip());
        // The old name of --version is a flag like any other the command line does not know, too far from one to suggest it.
        o = show("gold/overview", "--as-of-version", "0");
        assertEquals(2, o.code());
        assertEquals("scamscope: unknown flag --as-of-version; usage: " + ShowCommand.USAGE, o.err().strip());
        assertEquals(1, o.err().lines().count(), o.err());
        o = show("gold/overview", "--limit", "0");
        assertEquals(2, o.code());
        assertEquals("scamscope: --limit must be a whole number of 1 or more, got '0'", o.err().strip());
        o = show("gold/nope");
        assertEquals(2, o.code());
        assertEquals("scamscope: no table 'gold/nope' in " + wh + "; its tables: gold/export, gold/overview", o.err().strip());
        o = show();
        assertEquals(2, o.code());
        assertEquals("scamscope: no table given; usage: " + ShowCommand.USAGE, o.err().strip());
    }
}
