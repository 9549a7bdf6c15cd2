package org.scamscope.source;

import org.scamscope.table.ColumnSpec;
import org.scamscope.table.Kind;
import org.scamscope.table.SilverTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How a file's header fits its mapping: which source column feeds each canonical one, or why the file is refused. */
final class FileLayout {
    private final Map<String, String> sourceOf = new LinkedHashMap<>();
    private final Set<String> header = new LinkedHashSet<>();
    private final SourceMapping mapping;
    private String refusal;

    private FileLayout(SourceMapping mapping) {
        this.mapping = mapping;
    }

    static FileLayout check(String[] columns, SourceMapping m) {
        FileLayout l = new FileLayout(m);
        for (String c : columns) if (!c.equals(SourceReader.MALFORMED) && !c.equals(SourceReader.SOURCE_ROW)) l.header.add(c);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : m.columns.entrySet()) {
            String found = e.getValue().stream().filter(l.header::contains).findFirst().orElse(null);
            if (found != null) l.sourceOf.put(e.getKey(), found);
            else if (e.getValue().stream().noneMatch(m.optional::contains) && !m.optional.contains(e.getKey())) {
                missing.add(String.join(" or ", e.getValue()));
            }
        }
        // One-hot flags: each list value needs one of its columns (releases spell some differently).
        for (Map<String, String> f : m.flags.values()) {
            Map<String, List<String>> byValue = new LinkedHashMap<>();
            f.forEach((column, value) -> byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(column));
            for (List<String> alts : byValue.values()) {
                if (alts.stream().noneMatch(l.header::contains) && alts.stream().noneMatch(m.optional::contains)) {
                    missing.add(String.join(" or ", alts));
                }
            }
        }
        Set<String> known = m.sourceColumns();
        List<String> unexpected = new ArrayList<>();
        for (String h : l.header) {
            if (!known.contains(h) && !m.ignore.contains(h)) unexpected.add(h);
        }
        if (l.header.isEmpty()) {
            l.refusal = "file has no header row";
        } else if (!missing.isEmpty() || !unexpected.isEmpty()) {
            l.refusal = "header does not fit source mapping '" + m.name + "': missing columns " + missing
                    + ", unexpected columns " + unexpected;
        }
        return l;
    }

    String refusal() {
        return refusal;
    }

    String sourceOf(String canonical) {
        return sourceOf.get(canonical);
    }

    String present(String sourceColumn) {
        return header.contains(sourceColumn) ? sourceColumn : null;
    }

    /** The source columns read, in header order. */
    List<String> used() {
        Set<String> all = new LinkedHashSet<>(sourceOf.values());
        for (Map<String, String> f : mapping.flags.values()) all.addAll(f.keySet());
        List<String> out = new ArrayList<>();
        for (String h : header) if (all.contains(h)) out.add(h);
        return out;
    }

    /** Source columns that feed a personal canonical column. */
    Set<String> personalColumns(SilverTable table) {
        Set<String> out = new LinkedHashSet<>();
        for (ColumnSpec c : table.columns()) {
            if (c.kind() == Kind.PERSONAL) {
                List<String> alts = mapping.columns.get(c.name());
                if (alts != null) for (String a : alts) if (header.contains(a)) out.add(a);
            }
        }
        return out;
    }
}
