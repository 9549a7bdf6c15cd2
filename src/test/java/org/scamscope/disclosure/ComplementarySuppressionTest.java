package org.scamscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which cells are hidden, worked out by hand for small tables, with k = 5. */
class ComplementarySuppressionTest {
    private static ComplementarySuppression.Loss protect(CellModels m) {
        ComplementarySuppression.Loss loss = ComplementarySuppression.protect(m.model(), 5, true);
        // The last round checks only what changed in it: the whole is audited again, afresh.
        IntervalAudit.Result whole = IntervalAudit.audit(m.model(), 5);
        assertTrue(whole.passed(), () -> whole.violations().toString());
        return loss;
    }

    @Test
    void roundsThatCheckOnlyWhatChangedHideWhatCheckingEverythingHides() {
        // Random tables with a region hierarchy and a breakdown in each row: the local rules leave
        // some cells exposed, so the audit takes several rounds. Checking in each round only the
        // cells hidden or exposed since the last must hide exactly what checking all of them hides.
        int severalRounds = 0;
        for (int k : new int[] {5, 11}) {
            for (long seed = 1; seed <= 40; seed++) {
                String at = "k " + k + ", seed " + seed;
                CellModel quick = RandomTables.of(seed);
                CellModel all = RandomTables.of(seed);
                ComplementarySuppression.Loss q = ComplementarySuppression.protect(quick, k, true);
                ComplementarySuppression.Loss a = ComplementarySuppression.protectCheckingAll(all, k);
                assertEquals(RandomTables.hidden(all), RandomTables.hidden(quick), at);
                assertEquals(a.exposedByRound(), q.exposedByRound(), at);
                IntervalAudit.Result whole = IntervalAudit.audit(quick, k);
                assertTrue(whole.passed(), () -> at + ": " + whole.violations());
                if (q.auditRounds() > 1) {
                    severalRounds++;
                    assertTrue(q.checkedByRound().get(1) < q.checkedByRound().get(0), at + ": " + q.effort());
                    assertEquals(a.checkedByRound().get(0), q.checkedByRound().get(0), at);
                }
            }
        }
        assertTrue(severalRounds >= 3, "only " + severalRounds + " of the random tables needed a second round");
    }

    @Test
    void aCountryWithOneSmallSubdivisionHidesTheSmallestSubdivisionThatCoversIt() {
        // KHM 30 = KH-1 3 + KH-2 12 + KH-3 15: KH-1 alone would be 30 - 12 - 15. KH-2 can give the
        // 2 persons KH-1 needs to reach 5 and is smaller than KH-3.
        CellModels m = CellModels.create().cell("KHM", 30).cell("KH-1", 3).cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3");
        ComplementarySuppression.Loss loss = protect(m);
        assertEquals(List.of("KH-1", "KH-2"), m.hidden());
        assertEquals(1, loss.primaryCells());
        assertEquals(3, loss.primaryPersons());
        assertEquals(1, loss.secondaryCells());
        assertEquals(12, loss.secondaryPersons());
    }

    @Test
    void aComplementMustBeAbleToCoverTheSmallCell() {
        // KH-2 holds 2 persons: with KH-1 (1) hidden beside it, the two add up to 3 and KH-1 could be
        // at most 2 (each is at least 1): not enough. KH-3 (9) can give 4; KH-4 (40) is larger.
        CellModels m = CellModels.create().cell("KHM", 52).cell("KH-1", 1).cell("KH-2", 2).cell("KH-3", 9)
                .cell("KH-4", 40).sum("KHM", "KH-1", "KH-2", "KH-3", "KH-4");
        protect(m);
        assertEquals(List.of("KH-1", "KH-2", "KH-3"), m.hidden());
    }

    @Test
    void aSubRegionWhoseOnlySmallCountryCouldBeRecoveredFromTheWorld() {
        // Eastern Asia 3 is all China: both below k. The world 110 = South-eastern Asia 100 + Eastern
        // Asia 3 + Southern Asia 7 would give Eastern Asia back, so Southern Asia (smaller than
        // South-eastern Asia) is hidden, and with it India, its only country.
        CellModels m = CellModels.create().cell("world", 110).cell("035", 100).cell("030", 3).cell("034", 7)
                .cell("KHM", 60).cell("MMR", 40).cell("CHN", 3).cell("IND", 7)
                .sum("world", "035", "030", "034").sum("035", "KHM", "MMR").sum("030", "CHN").sum("034", "IND");
        protect(m);
        assertEquals(List.of("030", "034", "CHN", "IND"), m.hidden());
    }

    @Test
    void aCitizenshipBreakdownWithOneSmallRow() {
        // 40 victims: CHN 30, VNM 7, IDN 3; the total is published elsewhere.
        CellModels m = CellModels.create().cell("victims", 40).cell("CHN", 30).cell("VNM", 7).cell("IDN", 3)
                .sum("victims", "CHN", "VNM", "IDN");
        protect(m);
        assertEquals(List.of("VNM", "IDN"), m.hidden());
    }

    @Test
    void aCountShownInTwoTablesIsHiddenInBoth() {
        // KH-2's 12 victims are hidden to cover KH-1; the overview shows the same 12, so it is hidden there too.
        CellModels m = CellModels.create().cell("KHM", 30).cell("KH-1", 3).cell("KH-2", 12).cell("KH-3", 15)
                .cell("overview KH-2", 12).cell("overview KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3").sum("KH-2", "overview KH-2").sum("KH-3", "overview KH-3");
        protect(m);
        assertEquals(List.of("KH-1", "KH-2", "overview KH-2"), m.hidden());
    }

    @Test
    void aHiddenTotalHidesEveryPartOfItsRowEvenZero() {
        CellModels m = CellModels.create().cell("KHM", 40).cell("KH-1", 3).cell("KH-2", 37)
                .cellFromZero("KH-1 women", 3).cellFromZero("KH-1 men", 0).cellFromZero("KH-2 women", 20).cellFromZero("KH-2 men", 17)
                .cellFromZero("KHM women", 23).cellFromZero("KHM men", 17)
                .sum("KHM", "KH-1", "KH-2").rowSum("KH-1", "KH-1 women", "KH-1 men").rowSum("KH-2", "KH-2 women", "KH-2 men")
                .rowSum("KHM", "KHM women", "KHM men")
                .sum("KHM women", "KH-1 women", "KH-2 women").sum("KHM men", "KH-1 men", "KH-2 men");
        protect(m);
        // KH-1 (3) forces KH-2 (the only other subdivision) out, and a hidden total takes its parts along.
        assertEquals(List.of("KH-1", "KH-2", "KH-1 women", "KH-1 men", "KH-2 women", "KH-2 men"), m.hidden());
    }

    @Test
    void withoutComplementsOnlyTheSmallCellsAreHiddenAndTheAuditIsNotRun() {
        CellModels m = CellModels.create().cell("KHM", 30).cell("KH-1", 3).cell("KH-2", 12).cell("KH-3", 15)
                .sum("KHM", "KH-1", "KH-2", "KH-3");
        ComplementarySuppression.Loss loss = ComplementarySuppression.protect(m.model(), 5, false);
        assertEquals(List.of("KH-1"), m.hidden());
        assertEquals(0, loss.secondaryCells());
    }
}
