package org.scamscope.pipeline;

import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.table.PersonKey;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting a run uses, read and checked before the first byte is written: from the
 * configuration (and flags), else from conf/pipeline.json.
 *
 * @param maxShare the largest share of quarantined rows each dataset may have
 * @param currentYear the year compounds still operating are counted to
 * @param complements false only in tests: gold without complementary suppression, which the audit refuses
 * @param smallInputMb an input folder of at most this many MiB runs with Spark's code generation and
 *                     adaptive execution off (see Job.SMALL_INPUT); files taken of at most this many, until silver is written
 * @param fieldMaxChars a source field longer than this quarantines its row as field_too_long, unparsed
 */
public record RunSettings(Path reference, Map<String, Double> maxShare, Duration lease, String keyVariable, boolean goldEnabled,
                          int k, int currentYear, boolean complements, double smallInputMb, int fieldMaxChars) {
    public static RunSettings of(JobConfig config, Pipeline pipeline) {
        Map<String, Double> maxShare = new LinkedHashMap<>();
        for (String t : pipeline.silverByName().keySet()) maxShare.put(t, share(config, pipeline, "quarantine.max_share", t));
        return new RunSettings(
                config.confPath("reference"),
                Map.copyOf(maxShare),
                Duration.ofSeconds(config.getInt("lock.lease_seconds", 300)),
                pipeline.setting(config, "pseudonym.key.env", null, PersonKey.DEFAULT_ENV),
                Boolean.parseBoolean(config.get("gold.enabled", "true")),
                pipeline.k(config),
                config.getInt("gold.current_year", java.time.Year.now(ZoneOffset.UTC).getValue()),
                Boolean.parseBoolean(config.get(GoldStage.COMPLEMENTS_SETTING, "true")),
                config.getNonNegative("small_input.max_mb", 64),
                positive(config.getInt("field.max_chars", org.scamscope.source.SourceReader.FIELD_MAX_CHARS), "field.max_chars"));
    }

    /** The most bytes an input gets SMALL_INPUT's settings for. */
    public long smallInputBytes() {
        return (long) (smallInputMb * 1024 * 1024);
    }

    /** small_input.max_mb as a user writes it: 64, not 64.0. */
    public String smallInputSetting() {
        return "small_input.max_mb=" + java.math.BigDecimal.valueOf(smallInputMb).stripTrailingZeros().toPlainString();
    }

    private static int positive(int v, String key) {
        if (v < 1) throw ExitCodes.usage("setting '" + key + "' must be a positive whole number, got " + v);
        return v;
    }

    private static double share(JobConfig config, Pipeline pipeline, String key, String table) {
        String v = pipeline.setting(config, key, table, "0.1");
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0 || d > 1) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ExitCodes.usage("setting '" + key + "' must be a share between 0 and 1, got '" + v + "' (for " + table + ")");
        }
    }
}
