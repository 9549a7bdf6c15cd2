package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scamscope.ExitCodes;
import org.scamscope.delta.KernelTable;
import org.scamscope.storage.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;


/**
 * ops/ingested_files: which input files the warehouse holds, with their size, modification time
 * and content checksum, so a run takes only files it has not ingested or whose content changed.
 * The entry "_settings" fingerprints the reference data and the rules and mappings: when it
 * changes, every file is taken again, since the same input would give other silver rows. The
 * entry "_gold" names the silver versions the gold tables were last built from, so a run that finds
 * gold behind silver (an earlier run was killed while writing it) builds it again.
 */
public final class IngestLedger {
    public static final String SETTINGS = "_settings";
    public static final String GOLD = "_gold";
    private static final io.delta.kernel.types.StructType KERNEL_SCHEMA = new io.delta.kernel.types.StructType()
            .add("dataset", io.delta.kernel.types.StringType.STRING)
            .add("path", io.delta.kernel.types.StringType.STRING)
            .add("size", io.delta.kernel.types.LongType.LONG)
            .add("modified", io.delta.kernel.types.TimestampType.TIMESTAMP)
            .add("checksum", io.delta.kernel.types.StringType.STRING)
            .add("run_id", io.delta.kernel.types.StringType.STRING);
    private static final StructType SCHEMA = new StructType()
            .add("dataset", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false)
            .add("size", DataTypes.LongType, false)
            .add("modified", DataTypes.TimestampType, false)
            .add("checksum", DataTypes.StringType, false)
            .add("run_id", DataTypes.StringType, false);

    private final String path;
    /** "dataset|path" -> the whole entry, as the warehouse holds it: its checksum decides, and each write keeps the rest */
    private final Map<String, Row> entries = new TreeMap<>();

    public record FileState(String dataset, String path, long size, long modified, String checksum) {
        String id() {
            return dataset + "|" + path;
        }
    }

    private IngestLedger(String path) {
        this.path = path;
    }

    /** The ledger of an empty warehouse, read from nowhere: for evaluating an input without a warehouse. */
    static IngestLedger empty() {
        return new IngestLedger(null);
    }

    /**
     * The warehouse's ledger, read with Delta Kernel: a run decides what it takes, and that nothing
     * is new, before it starts Spark.
     */
    public static IngestLedger read(Warehouse warehouse) {
        IngestLedger ledger = new IngestLedger(warehouse.ops("ingested_files"));
        KernelTable.openIfPresent("ops/ingested_files", ledger.path).ifPresent(t -> t.scan(KERNEL_SCHEMA, null, r -> {
            String id = r.getString(0) + "|" + r.getString(1);
            ledger.entries.put(id, RowFactory.create(r.getString(0), r.getString(1), r.getLong(2), timestamp(r.getLong(3)), r.getString(4),
                    r.getString(5)));
        }));
        return ledger;
    }

    public static FileState state(String dataset, Location file, String relative) {
        try {
            return new FileState(dataset, relative, file.size(), file.modified(), checksum(List.of(file)));
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read input file " + file + ": " + e.getMessage());
        }
    }

    /** SHA-256 over the local files' contents, in the order given. */
    public static String checksumOf(List<Path> files) {
        return checksum(files.stream().map(Location::local).toList());
    }

    /** SHA-256 over the files' contents, in the order given. */
    public static String checksum(List<Location> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Location f : files) {
                try (InputStream in = f.open()) {
                    for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read " + files + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** True when the file is not in the warehouse or its content differs. */
    public boolean isNewOrChanged(FileState f) {
        return !f.checksum().equals(checksum(f.id()));
    }

    public boolean isKnown(FileState f) {
        return entries.containsKey(f.id());
    }

    /** Files the warehouse holds for the dataset that are not among the given ones. */
    public List<String> missing(String dataset, Set<String> present) {
        List<String> out = new ArrayList<>();
        for (String id : entries.keySet()) {
            String[] p = id.split("\\|", 2);
            if (p[0].equals(dataset) && !present.contains(p[1])) out.add(p[1]);
        }
        return out;
    }

    public String settings() {
        return checksum(SETTINGS + "|" + SETTINGS);
    }

    /**
     * What each gold table was last built from, by table name (see {@link #recordGold}); a table
     * with no entry was never built, or not since the last full run.
     */
    public Map<String, String> goldSources() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((id, r) -> {
            if (id.startsWith(GOLD + "|")) out.put(id.substring(GOLD.length() + 1), r.getString(4));
        });
        return out;
    }

    /** Records, once the gold tables are written, what each was built from; entries of other names go. */
    public void recordGold(SparkSession spark, Map<String, String> sources, String runId) {
        List<Row> rows = new ArrayList<>();
        sources.forEach((table, source) -> rows.add(RowFactory.create(GOLD, table, 0L, new Timestamp(0), source, runId)));
        replace(spark, rows, id -> id.startsWith(GOLD + "|"));
    }

    /**
     * Records the files taken by this run and forgets the removed ones (after silver was written:
     * a run killed before this takes the same files again, and writes the same rows).
     */
    public void record(SparkSession spark, List<FileState> taken, Map<String, List<String>> removed, String settingsChecksum,
                       String runId, boolean full) {
        List<Row> rows = new ArrayList<>();
        Set<String> replaced = new java.util.HashSet<>();
        for (FileState f : taken) {
            rows.add(RowFactory.create(f.dataset(), f.path(), f.size(), new Timestamp(f.modified()), f.checksum(), runId));
            replaced.add(f.id());
        }
        rows.add(RowFactory.create(SETTINGS, SETTINGS, 0L, new Timestamp(0), settingsChecksum, runId));
        replaced.add(SETTINGS + "|" + SETTINGS);
        removed.forEach((dataset, paths) -> paths.forEach(p -> replaced.add(dataset + "|" + p)));
        // A full run took every file there is, and gold is built again after it: nothing else stays.
        replace(spark, rows, full ? id -> true : replaced::contains);
    }

    /**
     * The ledger with the entries where replaced holds taken out and rows put in, written in one commit.
     * The ledger is small (one row per input file) and read whole at the start, so it is written whole:
     * one write of a few rows, where a replaceWhere or a MERGE first looks for the rows it replaces (3 Spark
     * jobs against 5 for the replaceWhere, counted on the sample).
     */
    private void replace(SparkSession spark, List<Row> rows, java.util.function.Predicate<String> replaced) {
        Map<String, Row> next = new TreeMap<>(entries);
        next.keySet().removeIf(replaced);
        for (Row r : rows) next.put(r.getString(0) + "|" + r.getString(1), r);
        spark.createDataFrame(new ArrayList<>(next.values()), SCHEMA).coalesce(1).write().format("delta").mode("overwrite").save(path);
        entries.clear();
        entries.putAll(next);
    }

    /** The checksum (for settings and gold, what they were built from) of an entry, null when there is none. */
    private String checksum(String id) {
        Row r = entries.get(id);
        return r == null ? null : r.getString(4);
    }

    /** Kernel gives a timestamp as microseconds since the epoch. */
    private static Timestamp timestamp(long micros) {
        Timestamp t = new Timestamp(Math.floorDiv(micros, 1000L));
        t.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
        return t;
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
