package org.scamscope.disclosure;

import java.util.List;

/** Hand-made cell models: cells named by one string, relations written as parent = children. */
final class CellModels {
    private final CellModel model = new CellModel();

    static CellModels create() {
        return new CellModels();
    }

    static CellModel.CellId id(String name) {
        return new CellModel.CellId("t", List.of(name), "n");
    }

    /** A cell with its true value, at least 1 (a row that exists counts someone). */
    CellModels cell(String name, long value) {
        model.cell(id(name), value, 1, false);
        return this;
    }

    /** A cell that may be 0. */
    CellModels cellFromZero(String name, long value) {
        model.cell(id(name), value, 0, false);
        return this;
    }

    /** A published table's cell that is hidden: its value is not known. */
    CellModels hiddenCell(String name) {
        model.cell(id(name), -1, 1, true);
        return this;
    }

    CellModels sum(String parent, String... children) {
        int[] c = new int[children.length];
        for (int i = 0; i < c.length; i++) c[i] = index(children[i]);
        model.relation(index(parent), c);
        return this;
    }

    CellModels rowSum(String parent, String... children) {
        int[] c = new int[children.length];
        for (int i = 0; i < c.length; i++) c[i] = index(children[i]);
        model.relation(true, index(parent), c);
        return this;
    }

    int index(String name) {
        int i = model.find(id(name));
        if (i < 0) throw new IllegalArgumentException("no cell " + name);
        return i;
    }

    CellModel model() {
        return model;
    }

    /** The names of the hidden cells, in the order declared. */
    List<String> hidden() {
        return java.util.stream.IntStream.range(0, model.size()).filter(model::hidden)
                .mapToObj(i -> (String) model.id(i).key().get(0)).toList();
    }
}
