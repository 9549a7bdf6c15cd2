package org.scamscope.disclosure;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attack a reader with a spreadsheet and a linear-programming solver can make on published
 * tables, as statistical offices audit theirs (tau-ARGUS's audit, sdcTable's attack): for each
 * hidden cell, the least and the greatest value consistent with every published cell and relation.
 * The requirement: each hidden cell's interval holds a value of k or more, and at least two whole
 * numbers; a cell pinned down to one value, or kept below k, breaks it.
 *
 * <p>Intervals are those of the linear relaxation (real values, then rounded inward to whole
 * numbers), as tau-ARGUS computes them. Hidden cells are split into independent groups (cells
 * linked by a relation with another hidden cell), each solved on its own. Rather than two linear
 * programs per cell, each group is first solved for a few points that push many cells at once (the
 * smallest total, then as many cells as possible up to k), then near each cell left, then over the
 * whole group again for those still left; only a cell those points do not clear is given its own
 * programs. Groups are solved on every core at once.
 */
public final class IntervalAudit {
    static {
        // ojAlgo prints a notice on standard output at start-up unless told not to.
        System.setProperty("shut.up.ojAlgo", "true");
        // Its presolve works in BigDecimal and cost more than the solve on these programs.
        ExpressionsBasedModel.clearPresolvers();
    }

    /** No count is near this: a cell that can reach it is as good as unbounded. */
    static final double CAP = 1e12;
    private static final double EPS = 1e-6;

    /** A hidden cell whose interval breaks the requirement. high is infinite when unbounded. */
    public record Violation(CellModel.CellId cell, long low, double high, String reason) {
        public String describe() {
            String h = Double.isInfinite(high) ? "unbounded" : Long.toString((long) high);
            return cell + ": " + reason + ", consistent values " + low + " to " + h;
        }
    }

    /**
     * What the audit found, and how much work it took: of the hidden cells, how many it had to clear
     * by programs, in how many groups, and its seconds (with checking protection's points, if given).
     */
    public record Result(List<Violation> violations, int hiddenCells, int cellsChecked, int groups, int linearPrograms,
                         double seconds) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    /** Moves are first looked for among this many cells around the one audited. */
    private static final int NEAR_CELLS = 800;

    private final int k;
    /** Where the search starts, by cell; null: from a point a program finds. */
    private final java.util.Map<CellModel.CellId, Long> start;
    /** Whether the model holds the true counts, which are then the start. */
    private final boolean fromTrueCounts;
    /** Where the points found are kept as proofs, when the model holds the true counts; else null. */
    private final ProofPoints proofs;
    private CellModel model;
    private int[][] byCell;
    private final java.util.concurrent.atomic.AtomicInteger programs = new java.util.concurrent.atomic.AtomicInteger();

    /** Set first: a caller's check of protection's points, made after, counts in the audit's time. */
    private final long started = System.nanoTime();

    private IntervalAudit(int k, java.util.Map<CellModel.CellId, Long> start, boolean fromTrueCounts, ProofPoints proofs) {
        this.k = k;
        this.start = start;
        this.fromTrueCounts = fromTrueCounts;
        this.proofs = proofs;
    }

    /** Audits every hidden cell of the model against the requirement for k. */
    public static Result audit(CellModel model, int k) {
        return new IntervalAudit(k, null, false, null).run(model, null);
    }

    /**
     * Audits every hidden cell, searching from a point known to fit the published cells (e.g. the
     * true counts, by cell): it is checked against them first, and a group it does not fit is
     * searched from a point a program finds. The result does not depend on it, only the time.
     */
    public static Result audit(CellModel model, int k, java.util.Map<CellModel.CellId, Long> start) {
        return new IntervalAudit(k, start, false, null).run(model, null);
    }

    /**
     * The same, the cells cleared by points that protection found (checked against this model
     * first, see ProofPoints) taking no program: the result is the same, found sooner.
     */
    public static Result audit(CellModel model, int k, java.util.Map<CellModel.CellId, Long> start, ProofPoints proofs) {
        return new IntervalAudit(k, start, false, null).run(model, proofs.uncleared(model, start, k));
    }

    /**
     * The audit of a model of true counts, searching from them, of the hidden cells marked in check
     * alone (a cell cleared before needs no second look: hiding more cells only widens what is
     * consistent with the published ones, a point that fitted before fitting still with each newly
     * hidden cell at its value).
     */
    static Result audit(CellModel model, int k, boolean[] check) {
        return audit(model, k, check, null);
    }

    /** The same, keeping in proofs (unless null) the points that widened what a checked cell was seen at. */
    static Result audit(CellModel model, int k, boolean[] check, ProofPoints proofs) {
        return new IntervalAudit(k, null, true, proofs).run(model, check);
    }

    private Result run(CellModel model, boolean[] check) {
        this.model = model;
        this.byCell = model.relationsByCell();
        List<int[]> groups = Groups.of(model);
        List<int[]> audited = new ArrayList<>();
        int hiddenCells = 0;
        int checked = 0;
        for (int[] group : groups) {
            hiddenCells += group.length;
            int targets = check == null ? group.length : (int) Arrays.stream(group).filter(c -> check[c]).count();
            checked += targets;
            if (targets > 0) audited.add(group);
        }
        List<Violation> violations = new ArrayList<>();
        for (List<Violation> v : inParallel(audited, group -> auditGroup(model, group, check))) violations.addAll(v);
        return new Result(violations, hiddenCells, checked, audited.size(), programs.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * The groups are independent: audited on every core of the driver (Spark's executors idle
     * meanwhile), the largest first so that none is left to run alone at the end; results in the
     * groups' order, so they do not depend on the number of cores.
     */
    private static List<List<Violation>> inParallel(List<int[]> groups, java.util.function.Function<int[], List<Violation>> audit) {
        int threads = Math.min(groups.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) return groups.stream().map(audit).toList();
        Integer[] order = new Integer[groups.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(groups.get(b).length, groups.get(a).length));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scamscope-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<List<Violation>>> futures = new ArrayList<>(java.util.Collections.nCopies(order.length, null));
            for (int i : order) futures.set(i, pool.submit(() -> audit.apply(groups.get(i))));
            List<List<Violation>> out = new ArrayList<>();
            for (java.util.concurrent.Future<List<Violation>> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the disclosure audit was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Violation> auditGroup(CellModel model, int[] group, boolean[] check) {
        Program p = Program.of(model, group, byCell);
        int n = group.length;
        // The cells to clear; the others of the group move freely but need not be shown to.
        boolean[] target = new boolean[n];
        for (int j = 0; j < n; j++) target[j] = check == null || check[group[j]];
        double[] seenMin = new double[n];
        double[] seenMax = new double[n];
        Arrays.fill(seenMin, Double.POSITIVE_INFINITY);
        Arrays.fill(seenMax, Double.NEGATIVE_INFINITY);
        double[] point = start == null && !fromTrueCounts ? null : p.check(startOf(group));
        if (point == null) {
            double[] all = new double[n];
            Arrays.fill(all, 1);
            point = solve(p, all, false, null);
        }
        if (point == null) return inconsistent(model, group);
        look(group, null, null, point, target, seenMin, seenMax);
        int[][] rowsOf = p.rowsOfVariables();

        // Moves near each cell, the rest of the group held where it is: each found is a point
        // consistent with everything published, so it proves what it shows.
        // -1: the whole group, first and again last, for the few cells left that need moves
        // beyond any near cells. Near: the cells of the cell's own relations, then those three
        // relations away (a cell the first do not clear is seldom cleared at two: on the 1M-victim
        // benchmark's cells, skipping two took protection from 57 s to 43 s).
        for (int step = -1; step <= n; step++) {
            int j = step == n ? -1 : step;
            if (j >= 0 && !target[j]) continue;
            for (int radius = 1; radius <= 3 && (j < 0 || !cleared(seenMin[j], seenMax[j])); radius += 2) {
                int[] near = j < 0 ? java.util.stream.IntStream.range(0, n).toArray() : p.near(j, radius, rowsOf, NEAR_CELLS);
                Program local = p.around(near, point, rowsOf);
                int m = near.length;
                // First points that move many of the near cells at once: up to k, then up and down by one.
                boolean[] below = new boolean[m];
                boolean[] still = new boolean[m];
                double[] hiOffset = new double[m];
                double[] loOffset = new double[m];
                boolean anyBelow = false, anyStill = false;
                for (int t = 0; t < m; t++) {
                    int v = near[t];
                    if (!target[v]) continue;
                    if (belowK(seenMax[v])) { below[t] = true; anyBelow = true; }
                    if (oneValue(seenMin[v], seenMax[v])) {
                        still[t] = true;
                        anyStill = true;
                        hiOffset[t] = Math.floor(seenMax[v] + EPS);
                        loOffset[t] = Math.ceil(seenMin[v] - EPS);
                    }
                }
                // Over the whole group, again on the cells still below k while that clears any.
                for (int round = 0; anyBelow && round < (j < 0 ? 12 : 1); round++) {
                    double[] pushed = solve(local, null, true, new Push(below, new double[m], k, true));
                    if (pushed == null) break;
                    look(group, near, point, pushed, target, seenMin, seenMax);
                    if (!someButNotAllMoved(below, near, v -> belowK(seenMax[v]))) break;
                }
                // Then the cells seen at one value only, one up and one down; over the whole group
                // again on those left while that moves any.
                for (int round = 0; anyStill && round < (j < 0 ? 6 : 1) && (j < 0 || !cleared(seenMin[j], seenMax[j])); round++) {
                    double[] upPoint = solve(local, null, true, new Push(still, hiOffset, 1, true));
                    if (upPoint != null) look(group, near, point, upPoint, target, seenMin, seenMax);
                    double[] downPoint = solve(local, null, true, new Push(still, loOffset, 1, false));
                    if (downPoint != null) look(group, near, point, downPoint, target, seenMin, seenMax);
                    if (!someButNotAllMoved(still, near, v -> oneValue(seenMin[v], seenMax[v]))) break;
                }
                if (j < 0 || cleared(seenMin[j], seenMax[j])) break;
                int at = Arrays.binarySearch(near, j);
                double[] unit = new double[m];
                unit[at] = 1;
                double[] hi = solve(local, unit, true, null);
                if (hi == null) break;
                look(group, near, point, hi, target, seenMin, seenMax);
                if (cleared(seenMin[j], seenMax[j])) break;
                double[] lo = solve(local, unit, false, null);
                if (lo != null) look(group, near, point, lo, target, seenMin, seenMax);
                if (near.length == n) break; // the whole group already
            }
        }

        List<Violation> out = new ArrayList<>();
        double[] unit = new double[n];
        for (int j = 0; j < n; j++) {
            if (!target[j] || cleared(seenMin[j], seenMax[j])) continue;
            unit[j] = 1;
            double[] hi = solve(p, unit, true, null);
            if (hi == null) return inconsistent(model, group);
            look(group, null, null, hi, target, seenMin, seenMax);
            // Its greatest value, and the points seen, often settle it without the least one.
            boolean settled = cleared(seenMin[j], seenMax[j]);
            if (!settled && fromTrueCounts && belowK(hi[j])) {
                // A round of protection needs to know only that the cell is exposed, not how low it
                // can go: the least value seen stands for it, and the program is saved.
                unit[j] = 0;
                out.add(new Violation(model.id(group[j]), (long) Math.ceil(seenMin[j] - EPS), Math.floor(hi[j] + EPS),
                        "cannot be shown to be " + k + " or more (least value seen, not solved)"));
                continue;
            }
            double[] lo = settled ? null : solve(p, unit, false, null);
            unit[j] = 0;
            if (lo == null) continue;
            look(group, null, null, lo, target, seenMin, seenMax);
            // Exact now: the programs give this cell's own least and greatest value.
            double max = hi[j];
            double min = lo[j];
            if (!cleared(min, max)) {
                long l = (long) Math.ceil(min - EPS);
                double h = max >= CAP / 2 ? Double.POSITIVE_INFINITY : Math.floor(max + EPS);
                String reason = h < k ? "cannot be shown to be " + k + " or more" : "determined to a single value";
                out.add(new Violation(model.id(group[j]), l, h, reason));
            }
        }
        return out;
    }

    private boolean cleared(double min, double max) {
        return reaches(max, k) && !oneValue(min, max);
    }

    /** Whether the greatest whole value seen is below k. */
    private boolean belowK(double max) {
        return !reaches(max, k);
    }

    /** Whether the greatest whole value seen is k or more. */
    static boolean reaches(double max, int k) {
        return Math.floor(max + EPS) >= k;
    }

    /** Whether the values seen hold one whole number at most. */
    static boolean oneValue(double min, double max) {
        return Math.floor(max + EPS) <= Math.ceil(min - EPS);
    }

    /**
     * Unmarks the marked near cells that left is no longer true of, and says whether another push
     * is worth it: some moved, so the rest may move without them, but not all.
     */
    private static boolean someButNotAllMoved(boolean[] marked, int[] near, java.util.function.IntPredicate left) {
        int stay = 0, before = 0;
        for (int t = 0; t < near.length; t++) {
            if (!marked[t]) continue;
            before++;
            if (left.test(near[t])) stay++;
            else marked[t] = false;
        }
        return stay > 0 && stay < before;
    }

    /**
     * Takes in a point found, of the near cells (null: the whole group) with the rest at base:
     * widens the values seen, and keeps the point as a proof if that gave a cell to clear a whole
     * value it had not been seen at.
     */
    private void look(int[] group, int[] near, double[] base, double[] values, boolean[] target,
                      double[] seenMin, double[] seenMax) {
        boolean widened = false;
        for (int t = 0; t < values.length; t++) {
            int j = near == null ? t : near[t];
            double v = values[t];
            widened |= target[j] && (Math.floor(v + EPS) > Math.floor(seenMax[j] + EPS) || Math.ceil(v - EPS) < Math.ceil(seenMin[j] - EPS));
            seenMin[j] = Math.min(seenMin[j], v);
            seenMax[j] = Math.max(seenMax[j], v);
        }
        if (!widened || proofs == null) return;
        double[] full = values;
        if (near != null) {
            full = base.clone();
            for (int t = 0; t < near.length; t++) full[near[t]] = values[t];
        }
        proofs.add(model, group, full);
    }

    private double[] startOf(int[] group) {
        double[] out = new double[group.length];
        for (int j = 0; j < group.length; j++) {
            Long v = fromTrueCounts ? Long.valueOf(model.value(group[j])) : start.get(model.id(group[j]));
            if (v == null) return null;
            out[j] = v;
        }
        return out;
    }

    private static List<Violation> inconsistent(CellModel model, int[] group) {
        List<Violation> out = new ArrayList<>();
        for (int c : group) out.add(new Violation(model.id(c), 0, Double.NaN, "published cells contradict each other"));
        return out;
    }

    /**
     * An objective that moves many cells at once: each marked cell as far as it gets above its
     * offset (up) or below it (down), to at most cap beyond it. The cap is a bound on the cell,
     * which the simplex keeps without a row: the point found fits a narrower region than the
     * published cells allow, so it fits them too.
     */
    private record Push(boolean[] cells, double[] offset, double cap, boolean up) {}

    /**
     * One linear program over the group: weights on the cells (null: none), or the push as the
     * objective. Returns the cells' values, or null when no values fit the published cells.
     */
    private double[] solve(Program p, double[] weights, boolean maximise, Push push) {
        programs.incrementAndGet();
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        int n = p.lower.length;
        Variable[] x = new Variable[n];
        for (int j = 0; j < n; j++) {
            x[j] = m.addVariable().lower(p.lower[j]).upper(CAP);
            if (weights != null && weights[j] != 0) x[j].weight(weights[j]);
        }
        for (int r = 0; r < p.rows.length; r++) {
            Expression e = m.addExpression().level(p.rhs[r]);
            for (int t = 0; t < p.rows[r].length; t++) e.set(x[p.rows[r][t]], p.coefficients[r][t]);
        }
        if (push != null) {
            for (int j = 0; j < n; j++) {
                if (!push.cells()[j]) continue;
                if (push.up()) x[j].upper(Math.max(p.lower[j], push.offset()[j] + push.cap())).weight(1);
                else x[j].lower(Math.max(p.lower[j], push.offset()[j] - push.cap())).weight(-1);
            }
        }
        Optimisation.Result r = maximise ? m.maximise() : m.minimise();
        if (!r.getState().isFeasible()) return null;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) out[j] = r.doubleValue(j);
        return out;
    }

    /** A group's relations with the published cells moved to the right-hand side. */
    private record Program(long[] lower, int[][] rows, double[][] coefficients, double[] rhs) {
        static Program of(CellModel model, int[] group, int[][] byCell) {
            java.util.Map<Integer, Integer> local = new java.util.HashMap<>();
            for (int j = 0; j < group.length; j++) local.put(group[j], j);
            long[] lower = new long[group.length];
            for (int j = 0; j < group.length; j++) lower[j] = model.lower(group[j]);
            java.util.TreeSet<Integer> relations = new java.util.TreeSet<>();
            for (int c : group) for (int r : byCell[c]) relations.add(r);
            List<int[]> rows = new ArrayList<>();
            List<double[]> coefficients = new ArrayList<>();
            List<Double> rhs = new ArrayList<>();
            for (int ri : relations) {
                int[] rel = model.relations().get(ri);
                List<Integer> vars = new ArrayList<>();
                List<Double> coef = new ArrayList<>();
                double constant = 0; // children minus parent, of the published cells
                for (int t = 0; t < rel.length; t++) {
                    int c = rel[t];
                    double sign = t == 0 ? -1 : 1;
                    if (model.hidden(c)) {
                        vars.add(local.get(c));
                        coef.add(sign);
                    } else {
                        constant += sign * model.value(c);
                    }
                }
                rows.add(vars.stream().mapToInt(Integer::intValue).toArray());
                coefficients.add(coef.stream().mapToDouble(Double::doubleValue).toArray());
                rhs.add(-constant);
            }
            return new Program(lower, rows.toArray(new int[0][]), coefficients.toArray(new double[0][]),
                    rhs.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** The point, if it fits every relation and bound; else null. */
        double[] check(double[] point) {
            if (point == null) return null;
            for (int j = 0; j < point.length; j++) if (point[j] < lower[j] - EPS) return null;
            for (int r = 0; r < rows.length; r++) {
                double sum = 0;
                for (int t = 0; t < rows[r].length; t++) sum += coefficients[r][t] * point[rows[r][t]];
                if (Math.abs(sum - rhs[r]) > EPS) return null;
            }
            return point;
        }

        int[][] rowsOfVariables() {
            int[] count = new int[lower.length];
            for (int[] row : rows) for (int v : row) count[v]++;
            int[][] out = new int[lower.length][];
            for (int j = 0; j < out.length; j++) out[j] = new int[count[j]];
            int[] fill = new int[lower.length];
            for (int r = 0; r < rows.length; r++) for (int v : rows[r]) out[v][fill[v]++] = r;
            return out;
        }

        /** The variables within radius relations of j, j first reached, at most max of them; sorted. */
        int[] near(int j, int radius, int[][] rowsOf, int max) {
            java.util.LinkedHashSet<Integer> seen = new java.util.LinkedHashSet<>(List.of(j));
            List<Integer> frontier = List.of(j);
            for (int step = 0; step < radius && seen.size() < max; step++) {
                List<Integer> next = new ArrayList<>();
                for (int v : frontier) {
                    for (int r : rowsOf[v]) {
                        for (int u : rows[r]) {
                            if (seen.size() >= max) break;
                            if (seen.add(u)) next.add(u);
                        }
                    }
                }
                frontier = next;
            }
            return seen.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        /** The program over the near variables, every other one held at its value in point. */
        Program around(int[] near, double[] point, int[][] rowsOf) {
            java.util.Map<Integer, Integer> local = new java.util.HashMap<>();
            for (int t = 0; t < near.length; t++) local.put(near[t], t);
            java.util.TreeSet<Integer> touched = new java.util.TreeSet<>();
            for (int v : near) for (int r : rowsOf[v]) touched.add(r);
            long[] lo = new long[near.length];
            for (int t = 0; t < near.length; t++) lo[t] = lower[near[t]];
            int[][] rs = new int[touched.size()][];
            double[][] cs = new double[touched.size()][];
            double[] b = new double[touched.size()];
            int i = 0;
            for (int r : touched) {
                List<Integer> vars = new ArrayList<>();
                List<Double> coef = new ArrayList<>();
                double fixed = 0;
                for (int t = 0; t < rows[r].length; t++) {
                    Integer at = local.get(rows[r][t]);
                    if (at == null) fixed += coefficients[r][t] * point[rows[r][t]];
                    else { vars.add(at); coef.add(coefficients[r][t]); }
                }
                rs[i] = vars.stream().mapToInt(Integer::intValue).toArray();
                cs[i] = coef.stream().mapToDouble(Double::doubleValue).toArray();
                b[i] = rhs[r] - fixed;
                i++;
            }
            return new Program(lo, rs, cs, b);
        }
    }
}
