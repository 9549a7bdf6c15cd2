package org.scamscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publishing audit taking protection's points as evidence: points that fit the published
 * cells clear cells without programs; points that do not are dropped, and the programs decide.
 */
class ProofPointsTest {
    /** The rectangle a + b = 10, c + d = 9, a + c = 8, b + d = 11, all four hidden; true a = 3, b = 7, c = 5, d = 4. */
    private static CellModels rectangle() {
        CellModels m = CellModels.create().cell("r1", 10).cell("r2", 9).cell("c1", 8).cell("c2", 11)
                .cell("a", 3).cell("b", 7).cell("c", 5).cell("d", 4)
                .sum("r1", "a", "b").sum("r2", "c", "d").sum("c1", "a", "c").sum("c2", "b", "d");
        for (String c : List.of("a", "b", "c", "d")) m.model().hide(m.index(c));
        return m;
    }

    /** The point a = t, b = 10 - t, c = 8 - t, d = 1 + t, on every row and column of the rectangle. */
    private static void addRectanglePoint(ProofPoints proofs, CellModels m, double t) {
        int[] group = {m.index("a"), m.index("b"), m.index("c"), m.index("d")};
        proofs.add(m.model(), group, new double[] {t, 10 - t, 8 - t, 1 + t});
    }

    @Test
    void aPointThatFitsClearsWhatItShowsAndTheProgramsTakeTheRest() {
        // With t = 4 (the truth is t = 3): b is seen at 7 and 6, c at 5 and 4, d at 4 and 5; a only
        // at 3 and 4, never 5: a alone is left to the programs, which find it up to 7.
        CellModels m = rectangle();
        ProofPoints proofs = new ProofPoints();
        addRectanglePoint(proofs, m, 4);
        IntervalAudit.Result r = IntervalAudit.audit(published(m.model()), 5, counts(m.model()), proofs);
        assertTrue(r.passed(), r.violations()::toString);
        assertEquals(4, r.hiddenCells());
        assertEquals(1, r.cellsChecked());
        addRectanglePoint(proofs, m, 6);
        IntervalAudit.Result both = IntervalAudit.audit(published(m.model()), 5, counts(m.model()), proofs);
        assertTrue(both.passed());
        assertEquals(0, both.cellsChecked());
        assertEquals(0, both.linearPrograms());
    }

    @Test
    void aPointBelowACellsLeastValueIsDropped() {
        // t = 8 gives c = 0, and every cell here counts at least one person: the point clears nothing.
        CellModels m = rectangle();
        ProofPoints proofs = new ProofPoints();
        addRectanglePoint(proofs, m, 8);
        IntervalAudit.Result r = IntervalAudit.audit(published(m.model()), 5, counts(m.model()), proofs);
        assertTrue(r.passed());
        assertEquals(4, r.cellsChecked());
    }

    @Test
    void pointsThatBreakARelationOrMoveAPublishedCellClearNothing() {
        // KHM 30 = KH-1 3 (hidden) + KH-2 12 + KH-3 15: KH-1 is 3 and nothing else. One point moves
        // KH-1 alone (KHM no longer adds up), one moves KH-2 with it (KH-2 is published).
        CellModels m = CellModels.create().cell("KHM", 30).cell("KH-1", 3).cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3");
        m.model().hide(m.index("KH-1"));
        ProofPoints proofs = new ProofPoints();
        proofs.add(m.model(), new int[] {m.index("KH-1")}, new double[] {6});
        proofs.add(m.model(), new int[] {m.index("KH-1"), m.index("KH-2")}, new double[] {6, 9});
        IntervalAudit.Result r = IntervalAudit.audit(published(m.model()), 5, counts(m.model()), proofs);
        assertEquals(List.of("t [KH-1] n: cannot be shown to be 5 or more, consistent values 3 to 3"),
                r.violations().stream().map(IntervalAudit.Violation::describe).toList());
        assertEquals(1, r.cellsChecked());
    }

    @Test
    void aTrueCountThatDoesNotFitThePublishedCellsLeavesItsGroupToThePrograms() {
        // r1 10 = a 3 + b 4 + c 3 and r2 5 = c + d 2, all four hidden, one group. The point a = 5,
        // b = 2 fits r1 with c where it is; but the true count given for d (4, not 2) breaks r2,
        // which the point stands on without moving it: nothing of the group is cleared by it. The
        // programs then find c and d each from 1 to 4 (c + d = 5, each at least 1).
        CellModels m = CellModels.create().cell("r1", 10).cell("r2", 5).cell("a", 3).cell("b", 4).cell("c", 3).cell("d", 2)
                .sum("r1", "a", "b", "c").sum("r2", "c", "d");
        for (String c : List.of("a", "b", "c", "d")) m.model().hide(m.index(c));
        ProofPoints proofs = new ProofPoints();
        proofs.add(m.model(), new int[] {m.index("a"), m.index("b")}, new double[] {5, 2});
        Map<CellModel.CellId, Long> wrong = counts(m.model());
        wrong.put(CellModels.id("d"), 4L);
        IntervalAudit.Result r = IntervalAudit.audit(published(m.model()), 5, wrong, proofs);
        assertEquals(4, r.cellsChecked());
        assertEquals(List.of(
                "t [c] n: cannot be shown to be 5 or more, consistent values 1 to 4",
                "t [d] n: cannot be shown to be 5 or more, consistent values 1 to 4"),
                r.violations().stream().map(IntervalAudit.Violation::describe).toList());
        // With the true counts right, the same point clears a (3 and 5) and nothing else.
        assertEquals(3, IntervalAudit.audit(published(m.model()), 5, counts(m.model()), proofs).cellsChecked());
    }

    @Test
    void protectionsPointsClearEveryHiddenCellOfRandomTables() {
        // Second route: the audit by programs alone, of every hidden cell.
        for (int k : new int[] {5, 11}) {
            for (long seed = 1; seed <= 30; seed++) {
                String at = "k " + k + ", seed " + seed;
                CellModel truth = RandomTables.of(seed);
                ProofPoints proofs = new ProofPoints();
                ComplementarySuppression.protect(truth, k, true, proofs);
                CellModel published = published(truth);
                IntervalAudit.Result programs = IntervalAudit.audit(published, k);
                assertTrue(programs.passed(), () -> at + ": " + programs.violations());
                IntervalAudit.Result r = IntervalAudit.audit(published, k, counts(truth), proofs);
                assertTrue(r.passed(), at);
                assertEquals(programs.hiddenCells(), r.hiddenCells(), at);
                assertEquals(0, r.cellsChecked(), at);
            }
        }
    }

    @Test
    void withoutComplementsThereAreNoPointsAndTheProgramsFindWhatIsExposed() {
        // KHM 30 = KH-1 3 + KH-2 12 + KH-3 15, KH-1 hidden alone: no audit round, no point.
        CellModels m = CellModels.create().cell("KHM", 30).cell("KH-1", 3).cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3");
        ProofPoints proofs = new ProofPoints();
        ComplementarySuppression.protect(m.model(), 5, false, proofs);
        assertEquals(0, proofs.size());
        IntervalAudit.Result r = IntervalAudit.audit(published(m.model()), 5, counts(m.model()), proofs);
        assertEquals(1, r.violations().size());
    }

    /** The model a reader of the published tables has: the same cells and relations, hidden values unknown. */
    private static CellModel published(CellModel truth) {
        CellModel out = new CellModel();
        for (int c = 0; c < truth.size(); c++) {
            out.cell(truth.id(c), truth.hidden(c) ? -1 : truth.value(c), truth.lower(c), truth.hidden(c));
        }
        for (int r = 0; r < truth.relations().size(); r++) {
            int[] rel = truth.relations().get(r);
            out.relation(truth.withinRow(r), rel[0], Arrays.copyOfRange(rel, 1, rel.length));
        }
        return out;
    }

    private static Map<CellModel.CellId, Long> counts(CellModel truth) {
        Map<CellModel.CellId, Long> out = new HashMap<>();
        for (int c = 0; c < truth.size(); c++) out.put(truth.id(c), truth.value(c));
        return out;
    }
}
