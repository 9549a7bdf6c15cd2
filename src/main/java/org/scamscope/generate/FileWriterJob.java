package org.scamscope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one file of a dataset, row by row, so memory stays bounded whatever the size: a clean
 * row, or a bad one of a kind drawn with its share. A duplicate repeats one of the last clean
 * rows of the same file (the copy comes later, so it is the earlier row that the job quarantines).
 */
final class FileWriterJob {
    private static final int RECENT = 32;

    private FileWriterJob() {}

    static FileTally write(DatasetGenerator g, Path out, int index, long firstRow, long rows, long seed, boolean parquet) {
        String rel = g.name() + "/" + g.fileName(index, seed) + (parquet ? ".parquet" : ".csv");
        Path file = out.resolve(rel);
        Rnd r = new Rnd(Rnd.fileSeed(seed, g.name(), index));
        FileRows source = g.open(index, seed, firstRow);
        List<Defect> defects = g.defects().stream().filter(d -> !parquet || !d.csvOnly()).toList();
        Map<String, Long> bad = new TreeMap<>();
        List<String[]> recent = new ArrayList<>(RECENT);
        try {
            Files.createDirectories(file.getParent());
            try (RowSink sink = parquet ? new ParquetSink(file, g.fields()) : new CsvSink(file, g.fields())) {
                for (long i = 0; i < rows; i++) {
                    String defect = draw(r, defects);
                    if (Defect.DUPLICATE.equals(defect) && recent.isEmpty()) defect = null;
                    if (Defect.DUPLICATE.equals(defect)) {
                        sink.write(source.copy(r, recent.get(r.below(recent.size()))));
                    } else if (Defect.MALFORMED.equals(defect)) {
                        sink.writeMalformed(source.next(r, null));
                    } else {
                        String[] row = source.next(r, defect);
                        sink.write(row);
                        if (defect == null) remember(recent, row, r);
                    }
                    if (defect != null) bad.merge(defect, 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new FileTally(g.name(), rel, parquet ? "parquet" : "csv", rows, bad);
    }

    private static String draw(Rnd r, List<Defect> defects) {
        double u = r.uniform();
        for (Defect d : defects) {
            if (u < d.share()) return d.rule();
            u -= d.share();
        }
        return null;
    }

    private static void remember(List<String[]> recent, String[] row, Rnd r) {
        if (recent.size() < RECENT) recent.add(row);
        else recent.set(r.below(RECENT), row);
    }
}
