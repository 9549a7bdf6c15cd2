package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Small-cell suppression of person counts, the one implementation every gold table uses.
 *
 * <p>Primary: a count of 1 to k-1 persons is replaced by null. A count of 0 stays: it points at
 * no one. Complementary, within a row: a group is a total and parts that add up to at most the
 * total (victims = women + men + persons of other or unknown gender). Taking the unpublished rest
 * as 0, the worst case, one hidden cell in a group could be recovered by subtraction, so:
 * when a group's total is hidden all its parts are hidden; when exactly one part is hidden, the
 * smallest shown part is hidden too (or the total, when no part is left to hide). Cells that
 * describe the persons of a count (their losses, their most frequent citizenship) are hidden
 * whenever that count is. Rules are applied until nothing changes, so a cell hidden for one group
 * is accounted for in every other group it belongs to. Where the rows of a partition add up to a
 * total published in another table, the same complement applies across those rows.
 *
 * <p>Each row gets {@code suppressed} (any cell hidden) and {@code suppressed_cells} (which, in
 * the order declared), so a null left by suppression is told apart from a null for "no data".
 * Recovery across region levels (a country minus its other subdivisions) is not covered.
 */
public final class Suppression {
    public static final String FLAG = "suppressed";
    public static final String CELLS = "suppressed_cells";
    private static final String HIDDEN = "_hidden_";

    private record Group(String total, List<String> parts) {}

    private record AcrossRows(String cell, List<String> partition, List<String> tieBreak) {}

    private final int k;
    private final List<String> counts = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, List<String>> describes = new LinkedHashMap<>();
    private final List<AcrossRows> acrossRows = new ArrayList<>();

    private Suppression(int k) {
        this.k = k;
    }

    public static Suppression withK(int k) {
        return new Suppression(k);
    }

    /** Published counts of persons, each suppressed when below k. */
    public Suppression counts(String... cells) {
        counts.addAll(List.of(cells));
        return this;
    }

    /** A total and parts of it; the parts need not cover the total. */
    public Suppression group(String total, String... parts) {
        if (parts.length < 2) throw new IllegalArgumentException("a group needs two parts or more: " + total);
        groups.add(new Group(total, List.of(parts)));
        return this;
    }

    /**
     * Cells computed from the persons a count counts: hidden whenever the count is. The count may
     * be an unpublished helper column (not among counts); it is then only tested against k.
     */
    public Suppression describes(String count, String... cells) {
        describes.computeIfAbsent(count, c -> new ArrayList<>()).addAll(List.of(cells));
        return this;
    }

    /**
     * The cell of the rows of a partition are parts of a total published elsewhere (the flows into a
     * region add up to its victims): when exactly one row's cell is hidden, the smallest shown one
     * is hidden too, ties going to the first row by the tie-break columns.
     */
    public Suppression acrossRows(String cell, List<String> partition, List<String> tieBreak) {
        acrossRows.add(new AcrossRows(cell, partition, tieBreak));
        return this;
    }

    public Dataset<Row> apply(Dataset<Row> df) {
        Set<String> published = new LinkedHashSet<>(counts);
        groups.forEach(g -> {
            published.add(g.total());
            published.addAll(g.parts());
        });
        describes.values().forEach(published::addAll);
        Set<String> tested = new LinkedHashSet<>(counts);
        tested.addAll(describes.keySet());

        Map<String, Column> hidden = new LinkedHashMap<>();
        for (String c : published) hidden.put(c, lit(false));
        for (String c : tested) hidden.put(c, coalesce(col(c).between(1, k - 1), lit(false)));
        df = materialise(df, hidden);
        // Each round can only hide more; one round per rule is enough for any chain of them.
        for (int round = 0; round <= groups.size() + describes.size() + acrossRows.size(); round++) {
            Map<String, Column> next = new LinkedHashMap<>();
            for (String c : hidden.keySet()) next.put(c, flag(c));
            for (Group g : groups) complement(g, next);
            for (AcrossRows a : acrossRows) complement(a, next);
            describes.forEach((count, cells) -> cells.forEach(c -> next.put(c, next.get(c).or(flag(count)))));
            df = materialise(df, next);
        }

        // A cell with no value has nothing to hide: it is not named among the suppressed ones.
        Map<String, Column> publishedFlags = new LinkedHashMap<>();
        for (String c : published) publishedFlags.put(c, flag(c).and(col(c).isNotNull()));
        Map<String, Column> shown = new LinkedHashMap<>();
        for (String c : published) shown.put(c, when(not(flag(c)), col(c)));
        df = df.withColumns(flagColumns(publishedFlags)).withColumns(shown);
        return df.drop(hidden.keySet().stream().map(c -> HIDDEN + c).toArray(String[]::new));
    }

    /**
     * The suppressed and suppressed_cells columns for cells whose hidden state is known, for a
     * table that carries suppression over from another one.
     */
    public static Map<String, Column> flagColumns(Map<String, Column> hiddenByCell) {
        Column any = lit(false);
        List<Column> names = new ArrayList<>();
        for (Map.Entry<String, Column> e : hiddenByCell.entrySet()) {
            Column h = coalesce(e.getValue(), lit(false));
            any = any.or(h);
            names.add(when(h, lit(e.getKey())));
        }
        Map<String, Column> out = new LinkedHashMap<>();
        out.put(FLAG, any);
        out.put(CELLS, filter(array(names.toArray(new Column[0])), Column::isNotNull));
        return out;
    }

    /** Adds to next the cells group g must hide, judged on this round's flags. */
    private static void complement(Group g, Map<String, Column> next) {
        Column totalHidden = flag(g.total());
        Column hiddenParts = lit(0);
        for (String p : g.parts()) hiddenParts = hiddenParts.plus(when(flag(p), 1).otherwise(0));
        Column needsOne = not(totalHidden).and(hiddenParts.equalTo(1));
        Column anyCandidate = lit(false);
        for (int i = 0; i < g.parts().size(); i++) {
            String p = g.parts().get(i);
            Column smallest = candidate(p);
            for (int j = 0; j < g.parts().size(); j++) {
                if (j == i) continue;
                String q = g.parts().get(j);
                Column beats = col(p).lt(col(q)).or(col(p).equalTo(col(q)).and(lit(i < j)));
                smallest = smallest.and(not(candidate(q)).or(beats));
            }
            anyCandidate = anyCandidate.or(candidate(p));
            next.put(p, next.get(p).or(totalHidden).or(needsOne.and(smallest)));
        }
        next.put(g.total(), next.get(g.total()).or(needsOne.and(not(anyCandidate))));
    }

    /** Adds to next the row cell a partition must hide, judged on this round's flags. */
    private static void complement(AcrossRows a, Map<String, Column> next) {
        Column[] partition = a.partition().stream().map(functions::col).toArray(Column[]::new);
        List<Column> order = new ArrayList<>(List.of(candidate(a.cell()).desc(), col(a.cell()).asc()));
        a.tieBreak().forEach(c -> order.add(col(c).asc_nulls_first()));
        Column hiddenInPartition = sum(when(flag(a.cell()), 1).otherwise(0)).over(Window.partitionBy(partition));
        Column first = row_number().over(Window.partitionBy(partition).orderBy(order.toArray(new Column[0]))).equalTo(1);
        next.put(a.cell(), next.get(a.cell()).or(hiddenInPartition.equalTo(1).and(candidate(a.cell())).and(first)));
    }

    private static Column candidate(String part) {
        return not(flag(part)).and(col(part).isNotNull());
    }

    private static Column flag(String cell) {
        return col(HIDDEN + cell);
    }

    private static Dataset<Row> materialise(Dataset<Row> df, Map<String, Column> flags) {
        Map<String, Column> named = new LinkedHashMap<>();
        flags.forEach((c, f) -> named.put(HIDDEN + c, f));
        return df.withColumns(named);
    }
}
