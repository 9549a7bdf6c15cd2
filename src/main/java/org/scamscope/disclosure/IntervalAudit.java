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
 * smallest total, then as many cells as possible up to k); only a cell those points do not clear is
 * given its own programs.
 */
public final class IntervalAudit {
    static {
        // ojAlgo prints a notice on standard output at start-up unless told not to.
        System.setProperty("shut.up.ojAlgo", "true");
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

    /** What the audit found, and how much work it took. */
    public record Result(List<Violation> violations, int hiddenCells, int groups, int linearPrograms) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    private final int k;
    private int programs;

    private IntervalAudit(int k) {
        this.k = k;
    }

    /** Audits every hidden cell of the model against the requirement for k. */
    public static Result audit(CellModel model, int k) {
        return new IntervalAudit(k).run(model, null);
    }

    /** Audits only the groups holding at least one of the given cells (the others were audited before). */
    static Result audit(CellModel model, int k, boolean[] touched) {
        return new IntervalAudit(k).run(model, touched);
    }

    private Result run(CellModel model, boolean[] touched) {
        List<int[]> groups = Groups.of(model);
        List<Violation> violations = new ArrayList<>();
        int hiddenCells = 0;
        int audited = 0;
        for (int[] group : groups) {
            hiddenCells += group.length;
            if (touched != null && Arrays.stream(group).noneMatch(c -> touched[c])) continue;
            audited++;
            violations.addAll(auditGroup(model, group));
        }
        return new Result(violations, hiddenCells, audited, programs);
    }

    private List<Violation> auditGroup(CellModel model, int[] group) {
        Program p = Program.of(model, group);
        int n = group.length;
        double[] seenMin = new double[n];
        double[] seenMax = new double[n];
        Arrays.fill(seenMin, Double.POSITIVE_INFINITY);
        Arrays.fill(seenMax, Double.NEGATIVE_INFINITY);
        double[] all = new double[n];
        Arrays.fill(all, 1);
        double[] low = solve(p, all, false, null);
        if (low == null) return inconsistent(model, group);
        see(low, seenMin, seenMax);

        // Push as many cells as possible to k at once; a few rounds clear most of them.
        for (int round = 0; round < 3; round++) {
            double[] offset = new double[n];
            boolean[] below = new boolean[n];
            int count = 0;
            for (int j = 0; j < n; j++) if (Math.floor(seenMax[j] + EPS) < k) { below[j] = true; count++; }
            if (count == 0) break;
            double[] point = solve(p, null, true, new Push(below, offset, k, true));
            if (point == null) break;
            int before = count;
            see(point, seenMin, seenMax);
            count = 0;
            for (int j = 0; j < n; j++) if (below[j] && Math.floor(seenMax[j] + EPS) < k) count++;
            if (count == before) break;
        }
        // Then every cell seen at one value only: one point moves as many as possible up by one, another down.
        for (boolean up : new boolean[]{true, false}) {
            boolean[] still = new boolean[n];
            double[] offset = new double[n];
            boolean any = false;
            for (int j = 0; j < n; j++) {
                if (Math.floor(seenMax[j] + EPS) > Math.ceil(seenMin[j] - EPS)) continue;
                still[j] = true;
                offset[j] = up ? Math.floor(seenMax[j] + EPS) : Math.ceil(seenMin[j] - EPS);
                any = true;
            }
            if (!any) break;
            double[] point = solve(p, null, true, new Push(still, offset, 1, up));
            if (point != null) see(point, seenMin, seenMax);
        }

        List<Violation> out = new ArrayList<>();
        double[] unit = new double[n];
        for (int j = 0; j < n; j++) {
            if (cleared(seenMin[j], seenMax[j])) continue;
            unit[j] = 1;
            double[] hi = solve(p, unit, true, null);
            double[] lo = solve(p, unit, false, null);
            unit[j] = 0;
            if (hi == null || lo == null) return inconsistent(model, group);
            see(hi, seenMin, seenMax);
            see(lo, seenMin, seenMax);
            // Exact now: the programs give this cell's own least and greatest value.
            double max = hi[j];
            double min = lo[j];
            if (!cleared(min, max)) {
                long l = (long) Math.ceil(min - EPS);
                double h = max >= CAP / 2 ? Double.POSITIVE_INFINITY : Math.floor(max + EPS);
                String reason = h < k ? "cannot be shown to be " + k + " or more" : "determined to a single value";
                if (h >= k && h > l) continue;
                out.add(new Violation(model.id(group[j]), l, h, reason));
            }
        }
        return out;
    }

    private boolean cleared(double min, double max) {
        double h = Math.floor(max + EPS);
        double l = Math.ceil(min - EPS);
        return h >= k && h > l;
    }

    private static void see(double[] point, double[] seenMin, double[] seenMax) {
        for (int j = 0; j < point.length; j++) {
            seenMin[j] = Math.min(seenMin[j], point[j]);
            seenMax[j] = Math.max(seenMax[j], point[j]);
        }
    }

    private static List<Violation> inconsistent(CellModel model, int[] group) {
        List<Violation> out = new ArrayList<>();
        for (int c : group) out.add(new Violation(model.id(c), 0, Double.NaN, "published cells contradict each other"));
        return out;
    }

    /**
     * An objective that moves many cells at once: for each marked cell, how far it gets beyond its
     * offset (up) or below it (down), counted up to cap.
     */
    private record Push(boolean[] cells, double[] offset, double cap, boolean up) {}

    /**
     * One linear program over the group: weights on the cells (null: none), or the push as the
     * objective. Returns the cells' values, or null when no values fit the published cells.
     */
    private double[] solve(Program p, double[] weights, boolean maximise, Push push) {
        programs++;
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
                Variable y = m.addVariable().lower(0).upper(push.cap()).weight(1);
                // up: y <= x - offset; down: y <= offset - x
                if (push.up()) m.addExpression().upper(-push.offset()[j]).set(y, 1).set(x[j], -1);
                else m.addExpression().upper(push.offset()[j]).set(y, 1).set(x[j], 1);
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
        static Program of(CellModel model, int[] group) {
            int[] local = new int[model.size()];
            Arrays.fill(local, -1);
            for (int j = 0; j < group.length; j++) local[group[j]] = j;
            long[] lower = new long[group.length];
            for (int j = 0; j < group.length; j++) lower[j] = model.lower(group[j]);
            List<int[]> rows = new ArrayList<>();
            List<double[]> coefficients = new ArrayList<>();
            List<Double> rhs = new ArrayList<>();
            for (int[] rel : model.relations()) {
                boolean in = false;
                for (int c : rel) if (local[c] >= 0) { in = true; break; }
                if (!in) continue;
                List<Integer> vars = new ArrayList<>();
                List<Double> coef = new ArrayList<>();
                double constant = 0; // children minus parent, of the published cells
                for (int t = 0; t < rel.length; t++) {
                    int c = rel[t];
                    double sign = t == 0 ? -1 : 1;
                    if (model.hidden(c)) {
                        vars.add(local[c]);
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
    }
}
