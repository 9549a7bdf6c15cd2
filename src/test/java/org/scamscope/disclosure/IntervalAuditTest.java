package org.scamscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit on published tables made by hand, with the intervals worked out by hand (k = 5). */
class IntervalAuditTest {
    private static List<String> described(IntervalAudit.Result r) {
        return r.violations().stream().map(IntervalAudit.Violation::describe).toList();
    }

    @Test
    void oneHiddenSubdivisionIsTheCountryMinusTheOthers() {
        // KHM 30 = KH-1 (hidden) + 12 + 15: KH-1 is 3, and nothing else.
        CellModels m = CellModels.create().cell("KHM", 30).hiddenCell("KH-1").cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3");
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5);
        assertEquals(List.of("t [KH-1] n: cannot be shown to be 5 or more, consistent values 3 to 3"), described(r));
    }

    @Test
    void twoHiddenCellsOfOneRowCanStillBePinnedByTheirColumns() {
        // Rows: r1 = a + b = 10, r2 = c + d = 9. Columns: a + c = 8, b + d = 11. a and b are hidden,
        // c = 5 and d = 4 are shown (d is below k but this table does not care): a = 8 - 5 = 3 and
        // b = 11 - 4 = 7, whatever the row says.
        CellModels m = CellModels.create().cell("r1", 10).cell("r2", 9).cell("c1", 8).cell("c2", 11)
                .hiddenCell("a").hiddenCell("b").cell("c", 5).cell("d", 4)
                .sum("r1", "a", "b").sum("r2", "c", "d").sum("c1", "a", "c").sum("c2", "b", "d");
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5);
        assertEquals(List.of(
                "t [a] n: cannot be shown to be 5 or more, consistent values 3 to 3",
                "t [b] n: determined to a single value, consistent values 7 to 7"), described(r));
    }

    @Test
    void aRectangleOfHiddenCellsProtectsEachOfThem() {
        // All four inner cells hidden: a + b = 10, c + d = 9, a + c = 8, b + d = 11. With a = t:
        // b = 10 - t, c = 8 - t, d = 1 + t, each at least 1: t from 1 to 7. Every cell ranges over
        // several values and can reach 5.
        CellModels m = CellModels.create().cell("r1", 10).cell("r2", 9).cell("c1", 8).cell("c2", 11)
                .hiddenCell("a").hiddenCell("b").hiddenCell("c").hiddenCell("d")
                .sum("r1", "a", "b").sum("r2", "c", "d").sum("c1", "a", "c").sum("c2", "b", "d");
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5);
        assertTrue(r.passed(), () -> described(r).toString());
        assertEquals(4, r.hiddenCells());
        assertEquals(1, r.groups());
    }

    @Test
    void aHiddenCellThatCannotReachKIsReportedWithItsRange() {
        // KHM 6 = KH-1 + KH-2, both hidden, each at least 1: each ranges from 1 to 5, fine; but with
        // KHM 5 each ranges from 1 to 4 and can never be 5.
        CellModels m = CellModels.create().cell("KHM", 5).hiddenCell("KH-1").hiddenCell("KH-2").sum("KHM", "KH-1", "KH-2");
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5);
        assertEquals(List.of(
                "t [KH-1] n: cannot be shown to be 5 or more, consistent values 1 to 4",
                "t [KH-2] n: cannot be shown to be 5 or more, consistent values 1 to 4"), described(r));
        CellModels six = CellModels.create().cell("KHM", 6).hiddenCell("KH-1").hiddenCell("KH-2").sum("KHM", "KH-1", "KH-2");
        assertTrue(IntervalAudit.audit(six.model(), 5).passed());
    }

    @Test
    void independentGroupsAreReportedInTheOrderOfTheirCells() {
        // Three groups, solved side by side: the largest (the rectangle, first to be solved) passes;
        // the two others break as in the cases above, and come out in the order of their cells.
        CellModels m = CellModels.create().cell("KHM", 30).hiddenCell("KH-1").cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3")
                .cell("r1", 10).cell("r2", 9).cell("c1", 8).cell("c2", 11)
                .hiddenCell("a").hiddenCell("b").hiddenCell("c").hiddenCell("d")
                .sum("r1", "a", "b").sum("r2", "c", "d").sum("c1", "a", "c").sum("c2", "b", "d")
                .cell("LAO", 5).hiddenCell("LA-1").hiddenCell("LA-2").sum("LAO", "LA-1", "LA-2");
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5);
        assertEquals(List.of(
                "t [KH-1] n: cannot be shown to be 5 or more, consistent values 3 to 3",
                "t [LA-1] n: cannot be shown to be 5 or more, consistent values 1 to 4",
                "t [LA-2] n: cannot be shown to be 5 or more, consistent values 1 to 4"), described(r));
        assertEquals(3, r.groups());
        assertEquals(7, r.hiddenCells());
    }

    @Test
    void aRoundOfProtectionClearsOnlyTheCellsItIsGiven() {
        // The two groups of the case above, the true counts known: asked about LA-2 alone, the audit
        // solves LA's group, with LA-1 free in it, and reports LA-2 only; KH's group is not solved.
        CellModels m = CellModels.create().cell("KHM", 30).cell("KH-1", 3).cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3")
                .cell("LAO", 5).cell("LA-1", 2).cell("LA-2", 3).sum("LAO", "LA-1", "LA-2");
        for (String c : List.of("KH-1", "LA-1", "LA-2")) m.model().hide(m.index(c));
        boolean[] check = new boolean[m.model().size()];
        check[m.index("LA-2")] = true;
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5, check);
        // LA-2 can be at most 4 (LA-1 at least 1); a round of protection does not solve for its least
        // value (1), and gives the least it saw, between that and its true count (3).
        assertEquals(1, r.violations().size(), () -> described(r).toString());
        IntervalAudit.Violation v = r.violations().get(0);
        assertEquals(CellModels.id("LA-2"), v.cell());
        assertEquals(4.0, v.high());
        assertTrue(v.low() >= 1 && v.low() <= 3, v::describe);
        assertEquals(1, r.groups());
        assertEquals(1, r.cellsChecked());
        assertEquals(3, r.hiddenCells());
    }

    @Test
    void publishedCellsThatContradictEachOtherFailTheAudit() {
        CellModels m = CellModels.create().cell("KHM", 5).cell("KH-1", 9).hiddenCell("KH-2").sum("KHM", "KH-1", "KH-2");
        IntervalAudit.Result r = IntervalAudit.audit(m.model(), 5);
        assertEquals(1, r.violations().size());
        assertEquals("published cells contradict each other", r.violations().get(0).reason());
    }
}
