package org.scamscope.config;

import org.scamscope.ExitCodes;
import org.scamscope.storage.Location;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The job's settings: conf/scamscope.properties, then command-line overrides.
 * Paths of the project's own configuration (rules, sources, reference data) are relative to the
 * configuration file, so the job runs from any working directory; input and warehouse are
 * relative to the working directory, as a user types them.
 */
public final class JobConfig {
    /** conf/scamscope.properties of the installation the launcher names, else of the working directory. */
    public static Path defaultFile() {
        String home = System.getProperty("scamscope.home");
        Path rel = Path.of("conf", "scamscope.properties");
        return home == null ? rel : Path.of(home).resolve(rel);
    }

    private final Path file;
    private final Properties props;

    private JobConfig(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    public static JobConfig load(Path file, Map<String, String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw ExitCodes.usage("configuration file not found: " + file);
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw ExitCodes.usage("cannot read configuration file " + file + ": " + e.getMessage());
        }
        overrides.forEach((k, v) -> {
            if (v != null) props.setProperty(k, v);
        });
        JobConfig config = new JobConfig(file.toAbsolutePath().normalize(), props);
        // The driver lists, hashes and locks before Spark starts, with the Hadoop settings Spark would get.
        org.scamscope.spark.HadoopConf.useSparkSettings(config.sparkSettings());
        return config;
    }

    public Path file() {
        return file;
    }

    public String get(String key) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw ExitCodes.usage("configuration " + file + " lacks the setting '" + key + "'");
        }
        return v.trim();
    }

    public String get(String key, String fallback) {
        String v = props.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public double getShare(String key, double fallback) {
        String v = get(key, null);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || d > 1) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ExitCodes.usage("setting '" + key + "' must be a share between 0 and 1, got '" + v + "'");
        }
    }

    public int getInt(String key, int fallback) {
        String v = get(key, null);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ExitCodes.usage("setting '" + key + "' must be a whole number, got '" + v + "'");
        }
    }

    /** A number of zero or more (whole or with a decimal point), or the fallback when the key is not set. */
    public double getNonNegative(String key, double fallback) {
        String v = get(key, null);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= 0) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ExitCodes.usage("setting '" + key + "' must be a number of 0 or more, got '" + v + "'");
        }
    }

    public List<String> getList(String key) {
        List<String> out = new ArrayList<>();
        for (String s : get(key).split(",")) {
            if (!s.isBlank()) out.add(s.trim());
        }
        return out;
    }

    /** A path of the project's own configuration, relative to the configuration file. */
    public Path confPath(String key) {
        return file.getParent().resolve(get(key)).normalize();
    }

    /** The input folder: a local path, or the URL of a Hadoop file system (hdfs://, s3a://). */
    public Location input() {
        return Location.parse("input", get("input"));
    }

    /** The warehouse folder: a local path, or the URL of a Hadoop file system (hdfs://). */
    public Location warehouse() {
        return Location.parse("warehouse", get("warehouse"));
    }

    /** The warehouse, for a command that works on a local folder only (it reads or writes files beside the tables). */
    public Path localWarehouse(String command) {
        Location w = warehouse();
        if (w.local() == null) {
            throw ExitCodes.usage(command + " works on a warehouse in a local folder only, not on " + w
                    + " (README, 'Running on a cluster')");
        }
        return w.local();
    }

    /** Settings that start with "spark." go to the SparkSession as they are. */
    public Map<String, String> sparkSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith("spark.")) out.put(k, props.getProperty(k).trim());
        }
        return out;
    }
}
