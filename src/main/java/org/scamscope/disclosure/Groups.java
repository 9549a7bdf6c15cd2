package org.scamscope.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hidden cells split into independent groups: two hidden cells of one relation are in one group. */
final class Groups {
    private Groups() {}

    /** Each group's cells in ascending order; groups in the order of their first cell. */
    static List<int[]> of(CellModel model) {
        int[] parent = new int[model.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int[] rel : model.relations()) {
            int first = -1;
            for (int c : rel) {
                if (!model.hidden(c)) continue;
                if (first < 0) first = c;
                else union(parent, first, c);
            }
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int c = 0; c < model.size(); c++) {
            if (model.hidden(c)) byRoot.computeIfAbsent(find(parent, c), r -> new ArrayList<>()).add(c);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : byRoot.values()) out.add(g.stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    private static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
