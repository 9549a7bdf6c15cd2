package org.scamscope.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Points consistent with the published cells that protection found while it chose what to hide:
 * each one a set of values for hidden cells (the others at their true counts) that fits every
 * relation. A point that fits proves that each of its cells can take its value there; a cell whose
 * points, with its true count, show a value of k or more and two whole values is cleared without a
 * linear program of its own.
 *
 * <p>They are kept as evidence, not trusted: the publishing audit checks each point against the
 * model it builds from the tables as published (a moved cell must be hidden there, and every
 * relation it is in must add up), drops the points that do not fit, and solves programs for every
 * cell the fitting points leave. A point found before more cells were hidden still fits after: the
 * newly hidden cells sit at their true counts in it.
 */
public final class ProofPoints {
    /** The cells off their true counts, and their values. */
    private record Point(CellModel.CellId[] cells, double[] values) {}

    private static final double EPS = 1e-6;
    /** The solver's rounding: a relation of large terms may miss its sum by this share of them. */
    private static final double RELATIVE = 1e-9;

    private final ConcurrentLinkedQueue<Point> points = new ConcurrentLinkedQueue<>();

    /** Records values for a group of cells of a model of true counts; only those off their count are kept. */
    void add(CellModel model, int[] group, double[] values) {
        int moved = 0;
        for (int j = 0; j < group.length; j++) if (Math.abs(values[j] - model.value(group[j])) > EPS) moved++;
        if (moved == 0) return;
        CellModel.CellId[] cells = new CellModel.CellId[moved];
        double[] at = new double[moved];
        int t = 0;
        for (int j = 0; j < group.length; j++) {
            if (Math.abs(values[j] - model.value(group[j])) <= EPS) continue;
            cells[t] = model.id(group[j]);
            at[t++] = values[j];
        }
        points.add(new Point(cells, at));
    }

    /** Adds the points of another protection, of other tables. */
    public void addAll(ProofPoints other) {
        points.addAll(other.points);
    }

    public int size() {
        return points.size();
    }

    /**
     * The hidden cells of a published model these points do not clear for k, given the true
     * counts by cell (a repeated cell's too, as the audit's start has them): a cell with no true
     * count, or in a relation the true counts do not fit, is left to the programs, as is a cell no
     * fitting point moves far enough.
     */
    boolean[] uncleared(CellModel published, Map<CellModel.CellId, Long> counts, int k) {
        int n = published.size();
        double[] truth = new double[n];
        boolean[] known = new boolean[n];
        for (int c = 0; c < n; c++) {
            Long v = published.hidden(c) ? counts.get(published.id(c)) : Long.valueOf(published.value(c));
            if (v != null) {
                truth[c] = v;
                known[c] = true;
            }
        }
        List<int[]> relations = published.relations();
        // The cells whose every relation fits the true counts: only they may be moved by a point.
        boolean[] fits = new boolean[n];
        for (int c = 0; c < n; c++) fits[c] = published.hidden(c) && known[c] && truth[c] >= published.lower(c) - EPS;
        for (int[] rel : relations) {
            boolean ok = true;
            for (int c : rel) ok &= known[c];
            if (ok && adds(rel, truth)) continue;
            for (int c : rel) fits[c] = false;
        }
        // A point is checked on the relations of the cells it moves; the others of their group
        // hold it at their true counts, so those must fit too.
        for (int[] group : Groups.of(published)) {
            boolean all = true;
            for (int c : group) all &= fits[c];
            if (!all) for (int c : group) fits[c] = false;
        }
        double[] min = truth.clone();
        double[] max = truth.clone();
        int[][] byCell = published.relationsByCell();
        double[] at = truth.clone();
        for (Point p : points) {
            int[] cells = new int[p.cells().length];
            boolean ok = true;
            for (int t = 0; t < cells.length && ok; t++) {
                cells[t] = published.find(p.cells()[t]);
                ok = cells[t] >= 0 && fits[cells[t]] && p.values()[t] >= published.lower(cells[t]) - EPS;
            }
            if (!ok) continue;
            int[] repeats = repeats(cells, relations, byCell, fits);
            if (repeats == null) continue;
            for (int t = 0; t < cells.length; t++) at[cells[t]] = p.values()[t];
            for (int t = 0; t < repeats.length; t += 2) at[repeats[t + 1]] = at[repeats[t]];
            int[] moved = java.util.stream.IntStream.concat(Arrays.stream(cells),
                    java.util.stream.IntStream.range(0, repeats.length / 2).map(t -> repeats[2 * t + 1])).toArray();
            for (int c : moved) for (int r : byCell[c]) ok &= adds(relations.get(r), at);
            for (int c : moved) {
                if (ok) {
                    min[c] = Math.min(min[c], at[c]);
                    max[c] = Math.max(max[c], at[c]);
                }
                at[c] = truth[c];
            }
        }
        boolean[] out = new boolean[n];
        for (int c = 0; c < n; c++) {
            out[c] = published.hidden(c) && !(fits[c] && IntervalAudit.reaches(max[c], k) && !IntervalAudit.oneValue(min[c], max[c]));
        }
        return out;
    }

    /**
     * The repeats of the moved cells that the point does not name (original, repeat, ...), which
     * move with them; null if one of them may not be moved.
     */
    private static int[] repeats(int[] cells, List<int[]> relations, int[][] byCell, boolean[] fits) {
        java.util.Set<Integer> named = new java.util.HashSet<>();
        for (int c : cells) named.add(c);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int c : cells) {
            for (int r : byCell[c]) {
                int[] rel = relations.get(r);
                if (rel.length != 2 || rel[0] != c || named.contains(rel[1])) continue;
                if (!fits[rel[1]]) return null;
                out.add(c);
                out.add(rel[1]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether parent = sum of children at these values, within the solver's rounding. */
    private static boolean adds(int[] rel, double[] values) {
        double sum = -values[rel[0]];
        double size = Math.abs(values[rel[0]]);
        for (int t = 1; t < rel.length; t++) {
            sum += values[rel[t]];
            size += Math.abs(values[rel[t]]);
        }
        return Math.abs(sum) <= EPS + RELATIVE * size;
    }
}
