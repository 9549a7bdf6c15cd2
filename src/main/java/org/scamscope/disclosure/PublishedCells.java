package org.scamscope.disclosure;

import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cell model of gold tables' rows: each count of each row a cell, related as the tables
 * declare (PersonCounts) and by the region hierarchy. From true counts, to choose what to hide;
 * from the published rows (a hidden cell is one named in suppressed_cells), to audit them.
 */
public final class PublishedCells {
    public static final String CELLS = "suppressed_cells";

    private PublishedCells() {}

    /**
     * @param rows each table's rows, with its key, counts and, when published, suppressed_cells
     * @param published whether the rows are as published (hidden cells named) or true counts
     */
    public static CellModel model(Map<String, List<Row>> rows, List<PersonCounts> specs, RegionTree tree, boolean published) {
        CellModel m = new CellModel();
        for (PersonCounts s : specs) {
            List<Row> table = rows.get(s.table());
            if (table == null) continue;
            for (Row r : table) {
                List<Object> key = key(r, s.key());
                List<String> hidden = published ? r.getList(r.fieldIndex(CELLS)) : List.of();
                for (String c : s.counts()) {
                    boolean h = hidden.contains(c);
                    Object v = r.getAs(c);
                    if (v == null && !h) continue; // not published: nothing to relate
                    long lower = s.atLeastOne().contains(c) ? 1 : 0;
                    m.cell(new CellModel.CellId(s.table(), key, c), h ? -1 : ((Number) v).longValue(), lower, h);
                }
            }
        }
        for (PersonCounts s : specs) {
            List<Row> table = rows.get(s.table());
            if (table == null) continue;
            rowSums(m, s, table);
            hierarchy(m, s, table, tree);
            for (PersonCounts.SumsTo link : s.sumsTo()) sumsTo(m, s, table, link);
            for (PersonCounts.SameAs same : s.sameAs()) sameAs(m, s, table, same);
        }
        return m;
    }

    private static List<Object> key(Row r, List<String> columns) {
        List<Object> key = new ArrayList<>(columns.size());
        for (String c : columns) key.add(r.getAs(c));
        return key;
    }

    private static void rowSums(CellModel m, PersonCounts s, List<Row> table) {
        for (Row r : table) {
            List<Object> key = key(r, s.key());
            for (PersonCounts.RowSum sum : s.rowSums()) {
                int total = m.find(new CellModel.CellId(s.table(), key, sum.total()));
                if (total < 0) continue;
                m.relation(true, total, cells(m, s.table(), List.of(key), sum.parts()));
            }
        }
    }

    /** For each count: the rows of the children of one region (other keys equal) add up to its row. */
    private static void hierarchy(CellModel m, PersonCounts s, List<Row> table, RegionTree tree) {
        Map<List<Object>, List<List<Object>>> childrenByParent = new LinkedHashMap<>();
        for (Row r : table) {
            List<Object> key = key(r, s.key());
            RegionTree.Region parent = tree.parent(new RegionTree.Region((String) key.get(0), (String) key.get(1)));
            if (parent == null) continue;
            List<Object> parentKey = new ArrayList<>(key);
            parentKey.set(0, parent.level());
            parentKey.set(1, parent.code());
            childrenByParent.computeIfAbsent(parentKey, p -> new ArrayList<>()).add(key);
        }
        childrenByParent.forEach((parentKey, children) -> {
            for (String c : s.counts()) {
                int parent = m.find(new CellModel.CellId(s.table(), parentKey, c));
                int[] kids = cells(m, s.table(), children, List.of(c));
                if (parent >= 0 && kids.length > 0) m.relation(parent, kids);
            }
        });
    }

    private static void sumsTo(CellModel m, PersonCounts s, List<Row> table, PersonCounts.SumsTo link) {
        Map<List<Object>, List<List<Object>>> byTarget = new LinkedHashMap<>();
        List<String> targetKey = s.key().stream().filter(c -> !link.over().contains(c)).toList();
        for (Row r : table) byTarget.computeIfAbsent(key(r, targetKey), t -> new ArrayList<>()).add(key(r, s.key()));
        byTarget.forEach((target, rowsOfTarget) -> {
            int parent = m.find(new CellModel.CellId(link.targetTable(), target, link.targetColumn()));
            int[] kids = cells(m, s.table(), rowsOfTarget, List.of(link.column()));
            if (parent >= 0 && kids.length > 0) m.relation(parent, kids);
        });
    }

    private static void sameAs(CellModel m, PersonCounts s, List<Row> table, PersonCounts.SameAs same) {
        for (Row r : table) {
            List<Object> key = key(r, s.key());
            int cell = m.find(new CellModel.CellId(s.table(), key, same.column()));
            if (cell < 0) continue;
            List<Object> target = new ArrayList<>(key);
            target.addAll(same.fixedKey().values());
            int original = m.find(new CellModel.CellId(same.targetTable(), target, same.targetColumn()));
            // A cell repeated from nowhere (the other table has no such row) is itself a finding: it
            // stays unrelated, and the audit treats it as any cell.
            if (original >= 0) m.relation(original, cell);
        }
    }

    private static int[] cells(CellModel m, String table, List<List<Object>> keys, List<String> columns) {
        List<Integer> out = new ArrayList<>();
        for (List<Object> key : keys) {
            for (String c : columns) {
                int i = m.find(new CellModel.CellId(table, key, c));
                if (i >= 0) out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
