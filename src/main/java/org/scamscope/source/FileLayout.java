package org.scamscope.source;

import org.scamscope.contract.ColumnSpec;
import org.scamscope.contract.Kind;
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
    private boolean knowsNone;

    private FileLayout(SourceMapping mapping) {
        this.mapping = mapping;
    }

    /** @param columns the header as written, names in file order (a name may repeat) */
    static FileLayout check(List<String> columns, SourceMapping m, String format) {
        FileLayout l = new FileLayout(m);
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            l.header.add(columns.get(i));
            positions.computeIfAbsent(columns.get(i), c -> new ArrayList<>()).add(i + 1);
        }
        List<String> repeated = new ArrayList<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1) repeated.add("column " + name + " appears more than once (columns "
                    + String.join(" and ", at.stream().map(String::valueOf).toList()) + ")");
        });
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
        l.knowsNone = !l.header.isEmpty() && l.header.stream().noneMatch(h -> known.contains(h) || m.ignore.contains(h));
        if (l.header.isEmpty()) {
            l.refusal = "file has no header row";
        } else if (l.knowsNone) {
            // The names are not quoted: they may well be a row of data, names and phone numbers included.
            l.refusal = "no column of the " + (format.equals("csv") ? "first line" : "file") + " is one source mapping '" + m.name
                    + "' knows" + (format.equals("csv") ? ", so every line is counted as a row: the header row is missing, or the file "
                    + "is not comma-separated (set 'delimiter' in the mapping's csv options)" : "")
                    + "; the mapping needs " + String.join(", ", missing);
        } else if (!repeated.isEmpty()) {
            l.refusal = String.join("; ", repeated) + ": rename or remove the copies";
        } else if (!missing.isEmpty() || !unexpected.isEmpty()) {
            l.refusal = "header does not fit source mapping '" + m.name + "': missing columns " + missing
                    + ", unexpected columns " + unexpected;
        }
        return l;
    }

    String refusal() {
        return refusal;
    }

    /** Refused for this reason unless the header already refused the file. */
    FileLayout refuse(String why) {
        if (refusal == null) refusal = why;
        return this;
    }

    /** True when no column of the header is one the mapping reads or ignores: the header is likely a row. */
    boolean knowsNone() {
        return knowsNone;
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
