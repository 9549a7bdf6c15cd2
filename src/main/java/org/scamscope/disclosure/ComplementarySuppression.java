package org.scamscope.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Chooses the cells to hide so that no small count can be worked out from what is published.
 * Primary: every count of 1 to k-1 persons. Complementary: in each relation that holds a hidden
 * cell, enough other cells are hidden for it to range up to k and over two values or more; among
 * the cells that would do, the one that closes the relations it is in (each already holds another
 * hidden cell) goes first, then the one of fewest persons, then the first declared, so the choice
 * is deterministic. These local rules protect most cells; the interval audit then checks the whole,
 * and every cell it still finds exposed gets one more complement, until it passes.
 */
public final class ComplementarySuppression {
    /** How much was hidden, for the run summary. */
    public record Loss(long primaryCells, long primaryPersons, long secondaryCells, long secondaryPersons,
                       int auditRounds, IntervalAudit.Result audit) {
        public String describe() {
            return String.format("%d cells (%d persons) below k and %d cells (%d persons) hidden with them",
                    primaryCells, primaryPersons, secondaryCells, secondaryPersons);
        }
    }

    private static final int MAX_ROUNDS = 10_000;

    private final CellModel model;
    private final int k;
    private final int[][] byCell;
    private final boolean[] inQueue;
    private final Deque<Integer> queue = new ArrayDeque<>();
    private boolean[] touched;

    private ComplementarySuppression(CellModel model, int k) {
        this.model = model;
        this.k = k;
        this.byCell = model.relationsByCell();
        this.inQueue = new boolean[model.relations().size()];
        this.touched = new boolean[model.size()];
    }

    /**
     * Hides, in the model of true counts, the cells below k and their complements (or, with
     * complements false, the cells below k alone: for a test of the audit's refusal).
     */
    public static Loss protect(CellModel model, int k, boolean complements) {
        return new ComplementarySuppression(model, k).run(complements);
    }

    private Loss run(boolean complements) {
        boolean[] primary = new boolean[model.size()];
        for (int c = 0; c < model.size(); c++) {
            long v = model.value(c);
            if (v >= 1 && v < k) {
                primary[c] = true;
                hide(c);
            }
        }
        IntervalAudit.Result audit = null;
        int rounds = 0;
        if (complements) {
            settle();
            // Each round audits only the groups that changed: the others passed as they are.
            while (true) {
                audit = IntervalAudit.audit(model, k, touched);
                rounds++;
                if (audit.passed() || rounds > MAX_ROUNDS) break;
                touched = new boolean[model.size()];
                boolean widened = false;
                for (IntervalAudit.Violation v : audit.violations()) widened |= widen(model.find(v.cell()));
                if (!widened) break; // the publishing audit will refuse what is left
                settle();
            }
        }
        long pc = 0, pp = 0, sc = 0, sp = 0;
        for (int c = 0; c < model.size(); c++) {
            if (!model.hidden(c)) continue;
            if (primary[c]) { pc++; pp += model.value(c); } else { sc++; sp += model.value(c); }
        }
        return new Loss(pc, pp, sc, sp, rounds, audit);
    }

    private void hide(int c) {
        if (model.hidden(c)) return;
        model.hide(c);
        touched[c] = true;
        for (int r : byCell[c]) {
            if (!inQueue[r]) {
                inQueue[r] = true;
                queue.add(r);
            }
        }
    }

    /** Applies the local rules until every relation satisfies them. */
    private void settle() {
        while (!queue.isEmpty()) {
            int r = queue.poll();
            inQueue[r] = false;
            check(r);
        }
    }

    private void check(int r) {
        int[] rel = model.relations().get(r);
        int parent = rel[0];
        if (model.withinRow(r) && model.hidden(parent)) {
            for (int t = 1; t < rel.length; t++) hide(rel[t]);
            return;
        }
        int hiddenCount = 0;
        for (int c : rel) if (model.hidden(c)) hiddenCount++;
        if (hiddenCount == 0) return;
        if (hiddenCount == 1) {
            int x = -1;
            for (int c : rel) if (model.hidden(c)) x = c;
            long need = model.value(x) < k && x != parent ? k - model.value(x) : 1;
            complement(r, need);
            return;
        }
        if (model.hidden(parent)) return; // every hidden child can rise with the parent
        for (int t = 1; t < rel.length; t++) {
            int x = rel[t];
            if (!model.hidden(x) || model.value(x) >= k) continue;
            long slack = 0;
            for (int u = 1; u < rel.length; u++) {
                int y = rel[u];
                if (y != x && model.hidden(y)) slack += model.value(y) - model.lower(y);
            }
            long need = k - model.value(x) - slack;
            if (need > 0) {
                complement(r, need);
                return; // checked again once the complement is in
            }
        }
    }

    /**
     * Hides in relation r one more cell: a child that can give at least need persons, best ranked;
     * failing that the child that gives most (the relation is checked again); failing that the parent.
     */
    private void complement(int r, long need) {
        int[] rel = model.relations().get(r);
        int best = -1;
        int partial = -1;
        for (int t = 1; t < rel.length; t++) {
            int c = rel[t];
            if (model.hidden(c)) continue;
            long give = model.value(c) - model.lower(c);
            if (give <= 0) continue;
            if (give >= need) {
                if (best < 0 || better(c, best, r)) best = c;
            } else if (partial < 0 || give > model.value(partial) - model.lower(partial)) {
                partial = c;
            }
        }
        if (best >= 0) hide(best);
        else if (partial >= 0) hide(partial);
        else if (!model.hidden(rel[0])) hide(rel[0]);
    }

    /** Whether a beats b as the complement in relation r. */
    private boolean better(int a, int b, int r) {
        boolean ca = closes(a, r);
        boolean cb = closes(b, r);
        if (ca != cb) return ca;
        if (model.value(a) != model.value(b)) return model.value(a) < model.value(b);
        return a < b;
    }

    /** Whether every other relation of c already holds a hidden cell, so hiding c starts no new one. */
    private boolean closes(int c, int r) {
        for (int other : byCell[c]) {
            if (other == r) continue;
            boolean any = false;
            for (int d : model.relations().get(other)) if (d != c && model.hidden(d)) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    /**
     * The audit still finds cell x exposed: hides one more cell next to it, the best-ranked
     * cell able to give anything in one of its relations, else the nearest such cell further out.
     */
    private boolean widen(int x) {
        List<Integer> frontier = new ArrayList<>(List.of(x));
        boolean[] seen = new boolean[model.size()];
        seen[x] = true;
        while (!frontier.isEmpty()) {
            int best = -1;
            List<Integer> next = new ArrayList<>();
            for (int c : frontier) {
                for (int r : byCell[c]) {
                    for (int d : model.relations().get(r)) {
                        if (seen[d]) continue;
                        if (!model.hidden(d) && model.value(d) > model.lower(d)) {
                            if (best < 0 || better(d, best, r)) best = d;
                        } else if (model.hidden(d)) {
                            seen[d] = true;
                            next.add(d);
                        }
                    }
                }
            }
            if (best >= 0) {
                hide(best);
                return true;
            }
            frontier = next;
        }
        return false; // everything x is linked to is hidden already
    }
}
