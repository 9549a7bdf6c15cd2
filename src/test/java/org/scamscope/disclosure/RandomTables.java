package org.scamscope.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random tables shaped like the gold ones, for tests that compare two routes: for each of two
 * years, a world of 2 sub-regions of 3 countries of 3 subdivisions, each row a total and three
 * parts (total = parts), and each column summed up the hierarchy. Parts are small, often 0.
 */
final class RandomTables {
    private static final int PARTS = 3;

    private RandomTables() {}

    static CellModel of(long seed) {
        Random random = new Random(seed);
        CellModel m = new CellModel();
        for (int year = 0; year < 2; year++) {
            List<int[]> subregions = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                List<int[]> countries = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    List<int[]> subdivisions = new ArrayList<>();
                    for (int d = 0; d < 3; d++) {
                        long[] parts = new long[PARTS];
                        for (int p = 0; p < PARTS; p++) parts[p] = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
                        subdivisions.add(row(m, year + "/" + s + "/" + c + "/" + d, parts));
                    }
                    countries.add(parent(m, year + "/" + s + "/" + c, subdivisions));
                }
                subregions.add(parent(m, year + "/" + s, countries));
            }
            parent(m, year + "/world", subregions);
        }
        return m;
    }

    /** A row of parts and its total; returns its cells, total first. */
    private static int[] row(CellModel m, String place, long[] parts) {
        long total = 0;
        for (long p : parts) total += p;
        int[] cells = new int[PARTS + 1];
        cells[0] = m.cell(id(place, "total"), total, 0, false);
        for (int p = 0; p < PARTS; p++) cells[p + 1] = m.cell(id(place, "part" + p), parts[p], 0, false);
        m.relation(true, cells[0], java.util.Arrays.copyOfRange(cells, 1, cells.length));
        return cells;
    }

    /** The row of a place that sums its children, column by column. */
    private static int[] parent(CellModel m, String place, List<int[]> children) {
        long[] parts = new long[PARTS];
        for (int[] child : children) for (int p = 0; p < PARTS; p++) parts[p] += m.value(child[p + 1]);
        int[] cells = row(m, place, parts);
        for (int col = 0; col <= PARTS; col++) {
            int[] kids = new int[children.size()];
            for (int i = 0; i < kids.length; i++) kids[i] = children.get(i)[col];
            m.relation(cells[col], kids);
        }
        return cells;
    }

    private static CellModel.CellId id(String place, String column) {
        return new CellModel.CellId("random", List.of(place), column);
    }

    /** The hidden cells, by id. */
    static List<String> hidden(CellModel m) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < m.size(); c++) if (m.hidden(c)) out.add(m.id(c).toString());
        return out;
    }
}
