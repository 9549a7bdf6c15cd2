package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.table.gold.Silver.*;

/**
 * Reports and events. The Bamban raid (PH-TAR, 13 March 2024) was published as 868 rescued by one
 * publisher and 872 by another: one event, low 868, central 870 (the median of two is their
 * mean), high 872, whichever way the reports are tied together.
 */
class EnforcementEventsTest {

    private static Silver.Report bamban(String id, String file, int rescued, String publisher) {
        return report(id).date("2024-03-13").type("raid").place("PHL", "PH-TAR").rescued(rescued).publisher(publisher).file(file, 2);
    }

    private static GoldInputs in(List<Row> actions) {
        return inputs(List.of(), List.of(), List.of(), actions, 5, 2025);
    }

    private static List<Row> events(List<Row> actions) {
        return new EnforcementEvents().build(in(actions)).orderBy("event_id").collectAsList();
    }

    private static Row tarlac(List<Row> actions) {
        return only(new EnforcementByRegionYear().build(in(actions)), "subdivision", "PH-TAR", 2024, "true");
    }

    private static List<Row> findings(List<Row> actions, String check) {
        return EventFindings.findings(in(actions)).filter("`check` = '" + check + "'").orderBy("record_id", "message").collectAsList();
    }

    private static void assertOneBambanEvent(List<Row> actions, String eventId, String groupedBy) {
        List<Row> events = events(actions);
        assertEquals(1, events.size(), events.toString());
        assertCells(events.get(0), "event_id", eventId, "reports", 2L, "publishers_count", 2L,
                "persons_rescued_low", 868L, "persons_rescued", 870L, "persons_rescued_high", 872L,
                "grouped_by", groupedBy, "action_date", "2024-03-13", "subdivision", "PH-TAR");
        assertCells(tarlac(actions), "incidents", 1L, "raids", 1L, "reports", 2L, "reconciled_events", 1L,
                "persons_rescued_low", 868L, "persons_rescued", 870L, "persons_rescued_high", 872L);
        assertCells(only(new EnforcementByRegionYear().build(in(actions)), "world", "001", 2024, "true"),
                "incidents", 1L, "persons_rescued", 870L);
    }

    @Test
    void twoReportsWithOneEventIdAreOneEventWithARange() {
        List<Row> actions = List.of(bamban("PH-1", "a.csv", 868, "Rappler").event("bamban-2024").row(),
                bamban("PH-2", "b.csv", 872, "Inquirer").event("bamban-2024").row());
        assertOneBambanEvent(actions, "bamban-2024", "same event_id");
        List<Row> grouped = findings(actions, EventFindings.GROUPING);
        assertEquals(1, grouped.size(), grouped.toString());
        assertCells(grouped.get(0), "record_id", "bamban-2024", "expected", 2L, "message",
                "2 reports counted as one event (same event_id): PH-1 (a.csv row 2); PH-2 (b.csv row 2)");
        List<Row> disagree = findings(actions, EventFindings.DISAGREEMENT);
        assertEquals(1, disagree.size(), disagree.toString());
        assertCells(disagree.get(0), "record_id", "bamban-2024", "expected", 868L, "actual", 872L, "message",
                "persons_rescued: 868 (PH-1, Rappler, a.csv row 2) against 872 (PH-2, Inquirer, b.csv row 2);"
                        + " gold keeps the low, central and high of the reports");
    }

    @Test
    void aReportNamingAnotherInSameAsJoinsItsEvent() {
        List<Row> actions = List.of(bamban("PH-1", "a.csv", 868, "Rappler").row(),
                bamban("PH-2", "b.csv", 872, "Inquirer").sameAs("PH-1").row());
        assertOneBambanEvent(actions, "PH-1", "same_as");
    }

    @Test
    void theMatchingRuleJoinsReportsOfOneRaidWithoutIds() {
        // A day apart, in two files, 868 against 872 (within 5 %): the matching rule of the contract.
        List<Row> actions = List.of(bamban("PH-1", "a.csv", 868, "Rappler").row(),
                bamban("X-77", "b.csv", 872, "Inquirer").date("2024-03-14").row());
        assertOneBambanEvent(actions, "PH-1", "the matching rule");
    }

    @Test
    void similarRaidsAWeekApartOrInOneFileStayTwoEvents() {
        List<Row> weekApart = List.of(bamban("PH-1", "a.csv", 868, "Rappler").row(),
                bamban("PH-9", "b.csv", 870, "Inquirer").date("2024-03-20").row());
        assertEquals(2, events(weekApart).size());
        assertCells(tarlac(weekApart), "incidents", 2L, "persons_rescued", 1738L, "reconciled_events", 0L);
        // One partner's file lists each event once: two rows of it are two raids.
        List<Row> oneFile = List.of(bamban("PH-1", "a.csv", 868, "Rappler").row(),
                bamban("PH-2", "a.csv", 872, "Rappler").file("a.csv", 3).row());
        assertEquals(2, events(oneFile).size());
        // Counts 20 % apart are no match either, nor another compound on the same day.
        assertEquals(2, events(List.of(bamban("PH-1", "a.csv", 868, "Rappler").row(),
                bamban("PH-2", "b.csv", 700, "Inquirer").row())).size());
        assertEquals(2, events(List.of(bamban("PH-1", "a.csv", 868, "Rappler").compound("C1").row(),
                bamban("PH-2", "b.csv", 868, "Inquirer").compound("C2").row())).size());
        assertTrue(findings(weekApart, EventFindings.GROUPING).isEmpty());
    }

    @Test
    void oneActionIdInTwoFilesWithDifferentCountsIsOneEventAndAConflict() {
        List<Row> actions = List.of(bamban("PH-1", "a.csv", 868, "Rappler").row(),
                bamban("PH-1", "b.csv", 872, "Rappler").row());
        List<Row> events = events(actions);
        assertEquals(1, events.size(), events.toString());
        assertCells(events.get(0), "event_id", "PH-1", "grouped_by", "same action_id", "persons_rescued", 870L);
        List<Row> conflicts = findings(actions, EventFindings.CONFLICT);
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertCells(conflicts.get(0), "record_id", "PH-1", "source_file", "a.csv", "message",
                "action_id given twice with different values: persons_rescued is '868' in a.csv row 2 and '872' in b.csv row 2;"
                        + " both are kept as reports of one event");
    }

    @Test
    void aPeriodFigureIsSpreadOverItsYearsByDays() {
        // "Over 66,000 deported, October 2023 to June 2025": 639 days, 92 of them in 2023 and 366 in 2024.
        // 2023: floor(66000 * 92 / 639) = 9502; 2024: floor(66000 * 458 / 639) - 9502 = 47305 - 9502 = 37803;
        // 2025: 66000 - 47305 = 18695.
        List<Row> actions = List.of(report("P-1").period("2023-10-01", "2025-06-30").type("deportation").place("KHM", null)
                .deported(66000).qualifier("at_least").row());
        Dataset<Row> gold = new EnforcementByRegionYear().build(in(actions));
        long[][] want = {{2023, 9502}, {2024, 37803}, {2025, 18695}};
        for (long[] w : want) {
            Row r = only(gold, "country", "KHM", (int) w[0], "true");
            assertCells(r, "persons_deported", w[1], "persons_deported_low", w[1], "incidents", 0L, "deportations", 0L, "period_figures", 1L);
            assertNull(r.getAs("persons_deported_high"), "an 'at least' figure has no high");
        }
        Row event = events(actions).get(0);
        assertCells(event, "year", null, "persons_deported", 66000L, "qualifiers", List.of("at_least"));
    }

    @Test
    void anActionIncludedInAnotherIsNotAddedAgain() {
        List<Row> actions = List.of(
                report("H-1").date("2024-05-01").type("deportation").place("MMR", null).deported(31000).row(),
                report("H-2").date("2024-05-03").type("deportation").place("MMR", null).deported(2349).partOf("H-1").row());
        Row mmr = only(new EnforcementByRegionYear().build(in(actions)), "country", "MMR", 2024, "true");
        assertCells(mmr, "incidents", 1L, "deportations", 1L, "persons_deported", 31000L, "included_actions", 1L);
        assertCells(events(actions).get(1), "event_id", "H-2", "part_of_event_id", "H-1");
    }
}
