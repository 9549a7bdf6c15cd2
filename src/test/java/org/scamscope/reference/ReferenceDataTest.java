package org.scamscope.reference;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The reference data is parsed once per session and its files' bytes, and read again when a byte changes. */
class ReferenceDataTest {
    @TempDir
    Path dir;

    /** Four small files written by hand: one country with an alias, one subdivision, two FX rates, one group. */
    private void write(String fxRate) throws IOException {
        Files.writeString(dir.resolve("countries.csv"), """
                alpha2,alpha3,numeric,name,subregion_code,aliases
                KH,KHM,116,Cambodia,035,Kampuchea
                MM,MMR,104,Myanmar,035,"Burma;Myanmar, Union of"
                """);
        Files.writeString(dir.resolve("subdivisions.csv"), "code,name,country_alpha3,aliases\nKH-18,Preah Sihanouk,KHM,Sihanoukville\n");
        Files.writeString(dir.resolve("fx_rates.csv"), "currency,year,units_per_usd\nKHR,2023," + fxRate + "\nTHB,2023,34.8\n");
        Files.writeString(dir.resolve("region_groups.csv"), "group_code,name,members\nMEKONG,Mekong,KHM;MMR\n");
    }

    private static List<String> rows(ReferenceData ref, String table, String... columns) {
        return ref.table(table).selectExpr(columns).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void theSameFilesInTheSameSessionAreParsedOnceAndAChangedByteIsReadAgain() throws IOException {
        SparkSession spark = TestSpark.session();
        write("4100.5");
        ReferenceData first = ReferenceData.load(spark, dir);
        assertEquals(List.of("[KHR,2023,4100.50000000]", "[THB,2023,34.80000000]"), rows(first, "fx_rates", "currency", "year", "units_per_usd"));
        // A quoted field with a comma stays one field; the alias list is split by the lookup.
        assertEquals(List.of("[KAMPUCHEA,KHM]", "[MYANMAR, UNION OF,MMR]"),
                first.countryLookup().filter("key IN ('KAMPUCHEA', 'MYANMAR, UNION OF')").collectAsList().stream().map(Row::toString).sorted().toList());
        assertEquals(List.of("KHM", "MMR"), first.alpha3Codes());

        assertSame(first, ReferenceData.load(spark, dir), "the same bytes in the same session");

        write("4100.6");
        ReferenceData changed = ReferenceData.load(spark, dir);
        assertNotSame(first, changed);
        assertEquals(List.of("[KHR,2023,4100.60000000]", "[THB,2023,34.80000000]"), rows(changed, "fx_rates", "currency", "year", "units_per_usd"));

        SparkSession other = spark.newSession();
        ReferenceData inOther = ReferenceData.load(other, dir);
        assertNotSame(changed, inOther, "another session has its own");
        assertSame(other, inOther.table("countries").sparkSession());
    }
}
