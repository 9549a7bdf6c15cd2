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
 * and every cell it still finds exposed gets one more complement (two when found exposed before),
 * until it passes.
 */
public final class ComplementarySuppression {
    /** How much was hidden, for the run summary. */
    public record Loss(long primaryCells, long primaryPersons, long secondaryCells, long secondaryPersons,
                       int auditRounds, long linearPrograms, List<Integer> checkedByRound, List<Integer> exposedByRound,
                       IntervalAudit.Result audit, double seconds) {
        public String describe() {
            return String.format("%d cells (%d persons) below k and %d cells (%d persons) hidden with them",
                    primaryCells, primaryPersons, secondaryCells, secondaryPersons);
        }

        /** The work it took, for the log (seconds: of the choice alone, on the driver). */
        public String effort() {
            return String.format("%d audit rounds, %d linear programs, cells checked by round %s, exposed %s, %.1f s",
                    auditRounds, linearPrograms, checkedByRound, exposedByRound, seconds);
        }
    }

    private static final int MAX_ROUNDS = 10_000;

    private final CellModel model;
    private final int k;
    private final int[][] byCell;
    private final boolean[] inQueue;
    /** How far each hidden cell must be able to rise, and to fall, for the cells it protects (at most k - 1). */
    private final long[] up;
    private final long[] down;
    private final Deque<Integer> queue = new ArrayDeque<>();
    /** The cells the next audit round must clear: hidden since the last, or exposed in it. */
    private boolean[] toCheck;
    /** The cells an audit round has found exposed before. */
    private final boolean[] exposedBefore;

    /** Whether every audit round checks every hidden cell: the long way, for a test to compare with. */
    private final boolean recheckAll;
    /** Where the audit rounds keep the points they found, for the publishing audit to check. */
    private final ProofPoints proofs;

    private ComplementarySuppression(CellModel model, int k, boolean recheckAll, ProofPoints proofs) {
        this.model = model;
        this.k = k;
        this.recheckAll = recheckAll;
        this.proofs = proofs;
        this.byCell = model.relationsByCell();
        this.inQueue = new boolean[model.relations().size()];
        this.up = new long[model.size()];
        this.down = new long[model.size()];
        this.toCheck = new boolean[model.size()];
        this.exposedBefore = new boolean[model.size()];
    }

    /**
     * Hides, in the model of true counts, the cells below k and their complements (or, with
     * complements false, the cells below k alone: for a test of the audit's refusal).
     */
    public static Loss protect(CellModel model, int k, boolean complements) {
        return protect(model, k, complements, new ProofPoints());
    }

    /** The same, keeping in proofs the points its audit rounds found (see ProofPoints). */
    public static Loss protect(CellModel model, int k, boolean complements, ProofPoints proofs) {
        return new ComplementarySuppression(model, k, false, proofs).run(complements);
    }

    /** The same, each audit round checking every hidden cell again. */
    static Loss protectCheckingAll(CellModel model, int k) {
        return new ComplementarySuppression(model, k, true, new ProofPoints()).run(true);
    }

    private Loss run(boolean complements) {
        long started = System.nanoTime();
        boolean[] primary = new boolean[model.size()];
        for (int c = 0; c < model.size(); c++) {
            long v = model.value(c);
            if (v >= 1 && v < k) {
                primary[c] = true;
                hide(c);
                requireUp(c, k - v);
            }
        }
        IntervalAudit.Result audit = null;
        int rounds = 0;
        long programs = 0;
        List<Integer> exposed = new ArrayList<>();
        List<Integer> checked = new ArrayList<>();
        if (complements) {
            settle();
            // Each round audits only the cells hidden or exposed since the last: the others were
            // cleared, and hiding more cannot pin them down again.
            while (true) {
                audit = IntervalAudit.audit(model, k, recheckAll ? hiddenCells() : toCheck, proofs);
                rounds++;
                programs += audit.linearPrograms();
                exposed.add(audit.violations().size());
                checked.add(audit.cellsChecked());
                if (audit.passed() || rounds > MAX_ROUNDS) break;
                toCheck = new boolean[model.size()];
                boolean widened = false;
                for (IntervalAudit.Violation v : audit.violations()) {
                    int x = model.find(v.cell());
                    toCheck[x] = true;
                    // A cell exposed again gets two more complements, not one: most cells the first
                    // one did not protect needed several (on the 1M-victim benchmark's cells: 6
                    // rounds instead of 10, protection 46 s -> 35 s, 0.7 % more cells hidden with them).
                    boolean again = exposedBefore[x];
                    exposedBefore[x] = true;
                    widened |= widen(x);
                    if (again) widened |= widen(x);
                }
                if (!widened) break; // the publishing audit will refuse what is left
                settle();
            }
        }
        long pc = 0, pp = 0, sc = 0, sp = 0;
        for (int c = 0; c < model.size(); c++) {
            if (!model.hidden(c)) continue;
            if (primary[c]) { pc++; pp += model.value(c); } else { sc++; sp += model.value(c); }
        }
        return new Loss(pc, pp, sc, sp, rounds, programs, checked, exposed, audit, (System.nanoTime() - started) / 1e9);
    }

    private boolean[] hiddenCells() {
        boolean[] out = new boolean[model.size()];
        for (int c = 0; c < out.length; c++) out[c] = model.hidden(c);
        return out;
    }

    private void hide(int c) {
        if (model.hidden(c)) return;
        model.hide(c);
        toCheck[c] = true;
        // No hidden cell may be pinned to its value: it must move one way or the other.
        if (slack(c) > 0) requireDown(c, 1);
        else requireUp(c, 1);
        enqueue(c);
    }

    /** Cell c must be able to rise by amount: its relations are checked again when that grows. */
    private void requireUp(int c, long amount) {
        long a = Math.min(amount, k - 1);
        if (a <= up[c]) return;
        up[c] = a;
        enqueue(c);
    }

    /** Cell c must be able to fall by amount (never below its least value). */
    private void requireDown(int c, long amount) {
        long a = Math.min(Math.min(amount, k - 1), slack(c));
        if (a <= down[c]) return;
        down[c] = a;
        enqueue(c);
    }

    private void enqueue(int c) {
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

    /**
     * The local rules of relation r (parent = sum of children). For each hidden cell that must
     * rise or fall, other hidden cells of r must move against it: a child rising needs the hidden
     * parent to rise with it or other hidden children able to fall as far between them; a child
     * falling needs the parent to fall or another child to rise; the parent moves with a child.
     * Each cell that moves for another must then be able to move as far, in its other relations.
     */
    private void check(int r) {
        int[] rel = model.relations().get(r);
        int parent = rel[0];
        if (model.withinRow(r) && model.hidden(parent)) {
            for (int t = 1; t < rel.length; t++) hide(rel[t]);
        }
        boolean parentHidden = model.hidden(parent);
        if (parentHidden) {
            long mostUp = 0, mostDown = 0;
            boolean anyChild = false;
            for (int t = 1; t < rel.length; t++) {
                int x = rel[t];
                if (!model.hidden(x)) continue;
                anyChild = true;
                mostUp = Math.max(mostUp, up[x]);
                mostDown = Math.max(mostDown, down[x]);
            }
            if (!anyChild) {
                // The parent alone: it is the sum of published children.
                complement(r, Math.max(1, down[parent]), -1);
                return;
            }
            requireUp(parent, mostUp);
            requireDown(parent, mostDown);
            // The parent rising takes a child up with it; falling, children able to fall as far.
            if (up[parent] > 0) requireUp(firstHiddenChild(rel), up[parent]);
            if (down[parent] > 0) fallAmongChildren(r, rel, down[parent], -1);
            return;
        }
        for (int t = 1; t < rel.length; t++) {
            int x = rel[t];
            if (!model.hidden(x)) continue;
            if (up[x] > 0 && !fallAmongChildren(r, rel, up[x], x)) return;
            if (down[x] > 0) {
                int partner = -1;
                for (int u = 1; u < rel.length; u++) {
                    int y = rel[u];
                    if (y != x && model.hidden(y) && (partner < 0 || up[y] > up[partner])) partner = y;
                }
                if (partner < 0) {
                    complement(r, 0, x);
                    return;
                }
                requireUp(partner, down[x]);
            }
        }
    }

    /**
     * Whether the hidden children of rel other than x can fall by amount between them; each is then
     * required to fall as far as it gives. If not, one more child is hidden (and false returned).
     */
    private boolean fallAmongChildren(int r, int[] rel, long amount, int x) {
        long available = 0;
        for (int u = 1; u < rel.length; u++) {
            int y = rel[u];
            if (y != x && model.hidden(y)) available += slack(y);
        }
        if (available < amount) {
            complement(r, amount - available, x);
            return false;
        }
        long left = amount;
        // The largest give first, so as few cells as possible are asked to fall.
        List<Integer> givers = new ArrayList<>();
        for (int u = 1; u < rel.length; u++) if (rel[u] != x && model.hidden(rel[u]) && slack(rel[u]) > 0) givers.add(rel[u]);
        givers.sort((a, b) -> Long.compare(slack(b), slack(a)) != 0 ? Long.compare(slack(b), slack(a)) : Integer.compare(a, b));
        for (int y : givers) {
            if (left <= 0) break;
            long g = Math.min(slack(y), left);
            requireDown(y, g);
            left -= g;
        }
        return true;
    }

    private int firstHiddenChild(int[] rel) {
        for (int t = 1; t < rel.length; t++) if (model.hidden(rel[t])) return rel[t];
        return -1;
    }

    private long slack(int c) {
        return model.value(c) - model.lower(c);
    }

    /**
     * Hides in relation r one more child: with fall greater than 0, one that can fall by at least
     * fall, best ranked (failing that the one that can fall most, the relation being checked again);
     * with fall 0, the best-ranked child, which must rise as far as x falls. Failing all, the parent.
     */
    private void complement(int r, long fall, int x) {
        int[] rel = model.relations().get(r);
        int best = -1;
        int partial = -1;
        for (int t = 1; t < rel.length; t++) {
            int c = rel[t];
            if (model.hidden(c)) continue;
            long give = slack(c);
            if (fall > 0 && give <= 0) continue;
            if (give >= fall) {
                if (best < 0 || better(c, best, r)) best = c;
            } else if (partial < 0 || give > slack(partial)) {
                partial = c;
            }
        }
        int chosen = best >= 0 ? best : partial;
        if (chosen < 0) {
            if (!model.hidden(rel[0])) hide(rel[0]);
            return;
        }
        hide(chosen);
        if (fall > 0) requireDown(chosen, fall);
        else if (x >= 0) requireUp(chosen, down[x]);
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
                requireDown(best, k - 1);
                return true;
            }
            frontier = next;
        }
        return false; // everything x is linked to is hidden already
    }
}
