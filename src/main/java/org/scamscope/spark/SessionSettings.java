package org.scamscope.spark;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings changed for a while and then put back as they were. A key that was not set is
 * unset again rather than set to what getOption reports, which for a registered setting is its
 * default: the session would then hold a value it was never given.
 */
public final class SessionSettings implements AutoCloseable {
    private final RuntimeConfig conf;
    /** Each key's value before, null for a key that was not set. */
    private final Map<String, String> before = new LinkedHashMap<>();
    private boolean restored;

    private SessionSettings(RuntimeConfig conf) {
        this.conf = conf;
    }

    /** Sets the settings on the session; close() puts back what was there. */
    public static SessionSettings set(SparkSession spark, Map<String, String> settings) {
        SessionSettings s = new SessionSettings(spark.conf());
        settings.forEach((k, v) -> {
            s.before.put(k, s.conf.contains(k) ? s.conf.get(k) : null);
            s.conf.set(k, v);
        });
        return s;
    }

    @Override
    public void close() {
        if (restored) return;
        restored = true;
        before.forEach((k, v) -> {
            if (v == null) conf.unset(k);
            else conf.set(k, v);
        });
    }
}
