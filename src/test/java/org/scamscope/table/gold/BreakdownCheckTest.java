package org.scamscope.table.gold;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scamscope.table.gold.Silver.*;

/** The enforcement fixture: r2's breakdown (80 + 25) falls short of its 120 detained; r1 and d1 add up. */
class BreakdownCheckTest {
    @Test
    void aBreakdownThatDoesNotAddUpIsAFinding() {
        List<Row> actions = EnforcementByRegionYearTest.actions();
        List<Row> found = BreakdownCheck.findings(inputs(List.of(), List.of(), List.of(), actions, 5, 2025)).collectAsList();
        Row r2 = actions.stream().filter(a -> a.get(ACTIONS.fieldIndex("action_id")).equals("r2")).findFirst().orElseThrow();
        assertEquals(1, found.size(), found.toString());
        assertCells(found.get(0), "check", "nationality_breakdown_total", "dataset", "enforcement_actions",
                "record_id", "r2", "source_file", "fixture.csv", "source_row", r2.get(ACTIONS.fieldIndex("source_row")), "expected", 120L, "actual", 105L,
                "message", "nationality breakdown 'CHN:80;VNM:25' adds up to 105, persons_detained is 120");
    }

    @Test
    void aDeportationsBreakdownIsCheckedAgainstItsDeportees() {
        List<Row> actions = List.of(
                action("d1", "2024-04-13", "deportation", "KHM", null, 7, null, 130, "CHN:100", null, null, null),
                action("d2", "2024-04-13", "deportation", "KHM", null, 7, null, 130, "CHN:100;VNM:30", null, null, null),
                action("x1", "2024-04-13", "raid", "KHM", null, null, null, null, "CHN:100", null, null, null));
        List<Row> found = BreakdownCheck.findings(inputs(List.of(), List.of(), List.of(), actions, 5, 2025)).collectAsList();
        // d2 adds up to its deportees; x1 has no total to check against.
        assertEquals(1, found.size(), found.toString());
        assertCells(found.get(0), "record_id", "d1", "expected", 130L, "actual", 100L,
                "message", "nationality breakdown 'CHN:100' adds up to 100, persons_deported is 130");
    }

    @Test
    void aGenderBreakdownThatDoesNotAddUpIsAFinding() {
        // 489 + 282 = 771 as published for LA-BK; 1,645 + 445 + 98 = 2,188 against a published 2,198.
        List<Row> actions = List.of(
                report("g1").date("2024-08-22").type("raid").place("LAO", "LA-BK").detained(771).genders("men:489;women:282").row(),
                report("g2").date("2024-08-22").type("raid").place("MMR", null).detained(2198).genders("men:1645;women:445;unknown:98").row());
        List<Row> found = BreakdownCheck.findings(inputs(List.of(), List.of(), List.of(), actions, 5, 2025)).collectAsList();
        assertEquals(1, found.size(), found.toString());
        assertCells(found.get(0), "check", "gender_breakdown_total", "record_id", "g2", "expected", 2198L, "actual", 2188L,
                "message", "gender breakdown 'men:1645;women:445;unknown:98' adds up to 2188, persons_detained is 2198");
    }
}
