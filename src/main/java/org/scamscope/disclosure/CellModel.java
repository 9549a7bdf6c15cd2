package org.scamscope.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader of the published tables knows about the counts of persons: every cell, its value
 * or that it is hidden, the least value it can have, and the additive relations between cells
 * (a parent is the sum of its children). Built once from the true counts, to choose what to hide,
 * and once from the published tables, to audit what was hidden.
 */
public final class CellModel {
    /** A cell of a published table: table, the row's key and the column. */
    public record CellId(String table, List<Object> key, String column) {
        @Override
        public String toString() {
            return table + " " + key + " " + column;
        }
    }

    private final List<CellId> ids = new ArrayList<>();
    private final Map<CellId, Integer> index = new HashMap<>();
    private long[] values = new long[64];
    private long[] lower = new long[64];
    private boolean[] hidden = new boolean[64];
    private final List<int[]> relations = new ArrayList<>();
    private final List<Boolean> withinRow = new ArrayList<>();

    /**
     * Adds a cell, or returns the one of that id. A hidden cell of a published table has no known
     * value: give any, it is not read by the audit.
     */
    public int cell(CellId id, long value, long lowerBound, boolean isHidden) {
        Integer known = index.get(id);
        if (known != null) return known;
        int i = ids.size();
        if (i == values.length) {
            values = Arrays.copyOf(values, i * 2);
            lower = Arrays.copyOf(lower, i * 2);
            hidden = Arrays.copyOf(hidden, i * 2);
        }
        ids.add(id);
        index.put(id, i);
        values[i] = value;
        lower[i] = lowerBound;
        hidden[i] = isHidden;
        return i;
    }

    /** The cell of this id, or -1: a cell that is not published is 0 in every relation. */
    public int find(CellId id) {
        return index.getOrDefault(id, -1);
    }

    /** parent = sum of children, exactly. */
    public void relation(int parent, int... children) {
        relation(false, parent, children);
    }

    /**
     * parent = sum of children; withinRow says the cells are one row's total and its parts, all of
     * which are hidden when the total is (a part of 0 next to a hidden total would still say that
     * none of those few persons is in it).
     */
    public void relation(boolean isWithinRow, int parent, int... children) {
        int[] r = new int[children.length + 1];
        r[0] = parent;
        System.arraycopy(children, 0, r, 1, children.length);
        relations.add(r);
        withinRow.add(isWithinRow);
    }

    public boolean withinRow(int relation) {
        return withinRow.get(relation);
    }

    public int size() {
        return ids.size();
    }

    public CellId id(int cell) {
        return ids.get(cell);
    }

    public long value(int cell) {
        return values[cell];
    }

    public long lower(int cell) {
        return lower[cell];
    }

    public boolean hidden(int cell) {
        return hidden[cell];
    }

    public void hide(int cell) {
        hidden[cell] = true;
    }

    /** Each relation as parent first, then children. */
    public List<int[]> relations() {
        return relations;
    }

    /** For each cell, the relations it takes part in (indexes into relations()). */
    public int[][] relationsByCell() {
        int[] counts = new int[size()];
        for (int[] r : relations) for (int c : r) counts[c]++;
        int[][] out = new int[size()][];
        for (int i = 0; i < out.length; i++) out[i] = new int[counts[i]];
        int[] fill = new int[size()];
        for (int ri = 0; ri < relations.size(); ri++) {
            for (int c : relations.get(ri)) out[c][fill[c]++] = ri;
        }
        return out;
    }
}
