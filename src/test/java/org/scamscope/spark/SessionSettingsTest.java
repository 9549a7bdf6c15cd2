package org.scamscope.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scamscope.TestSpark;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Settings held for a while, alone and by holds that overlap, on a session of the test's own. */
class SessionSettingsTest {
    static final String MERGE = "spark.databricks.delta.merge.materializeSource";
    static final String PARTITIONS = "spark.sql.shuffle.partitions";

    SparkSession spark;

    @BeforeEach
    void ownSession() {
        spark = TestSpark.session().newSession();
        spark.conf().unset(MERGE);
        spark.conf().set(PARTITIONS, "7");
    }

    @Test
    void aKeyNotSetIsUnsetAgainAndASetOneGetsItsValueBack() {
        try (SessionSettings s = SessionSettings.set(spark, Map.of(MERGE, "none", PARTITIONS, "1"))) {
            assertEquals("none", spark.conf().get(MERGE));
            assertEquals("1", spark.conf().get(PARTITIONS));
        }
        assertFalse(spark.conf().contains(MERGE), "a key that was not set is not set to its default");
        assertEquals("7", spark.conf().get(PARTITIONS));
    }

    @Test
    void overlappingHoldsKeepTheValueUntilTheLastEndsInEitherOrder() {
        SessionSettings first = SessionSettings.set(spark, Map.of(MERGE, "none"));
        SessionSettings second = SessionSettings.set(spark, Map.of(MERGE, "none"));
        first.close();
        // The second hold's MERGE is still running: the first's end must not take its setting away.
        assertEquals("none", spark.conf().get(MERGE));
        second.close();
        assertFalse(spark.conf().contains(MERGE), "what the session had before the first hold");

        first = SessionSettings.set(spark, Map.of(PARTITIONS, "1"));
        second = SessionSettings.set(spark, Map.of(PARTITIONS, "1"));
        second.close();
        assertEquals("1", spark.conf().get(PARTITIONS));
        first.close();
        // Each hold putting back what it found would leave "1" here: the second found the first's value.
        assertEquals("7", spark.conf().get(PARTITIONS));
    }

    @Test
    void ofTwoValuesTheLaterHoldsUntilTheLastEndsAndClosingTwiceCountsOnce() {
        SessionSettings first = SessionSettings.set(spark, Map.of(PARTITIONS, "1"));
        SessionSettings second = SessionSettings.set(spark, Map.of(PARTITIONS, "3"));
        assertEquals("3", spark.conf().get(PARTITIONS));
        second.close();
        second.close();
        assertEquals("3", spark.conf().get(PARTITIONS), "the first hold is still open");
        first.close();
        assertEquals("7", spark.conf().get(PARTITIONS));
    }

    @Test
    void holdsOnAnotherSessionAreItsOwn() {
        SparkSession other = TestSpark.session().newSession();
        other.conf().set(PARTITIONS, "5");
        SessionSettings here = SessionSettings.set(spark, Map.of(PARTITIONS, "1"));
        try (SessionSettings there = SessionSettings.set(other, Map.of(PARTITIONS, "2"))) {
            assertEquals("1", spark.conf().get(PARTITIONS));
            assertEquals("2", other.conf().get(PARTITIONS));
        }
        assertEquals("5", other.conf().get(PARTITIONS));
        assertEquals("1", spark.conf().get(PARTITIONS));
        here.close();
        assertEquals("7", spark.conf().get(PARTITIONS));
    }
}
