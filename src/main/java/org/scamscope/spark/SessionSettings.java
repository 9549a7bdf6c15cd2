package org.scamscope.spark;

import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings changed for a while and then put back as they were. A key that was not set is
 * unset again rather than set to what getOption reports, which for a registered setting is its
 * default: the session would then hold a value it was never given.
 *
 * <p>Runs in one JVM share its session (the tests' classes run two at a time, a server may run two
 * jobs), so holds of one key overlap. They share it: the first hold records what the session had,
 * and only the last to end puts that back. Putting back what each hold found instead would undo a
 * hold that is still running (its MERGE would then copy its source after all), and leave the
 * session with a held value for good when the holds end out of order. Of two holds asking different
 * values of one key, the later one's value stays until the last ends; in this job the holds of a key
 * all ask the same (a MERGE's "none", a small input's settings).
 */
public final class SessionSettings implements AutoCloseable {
    /** Each session's keys that are held now: what the session had before the first hold, and how many hold them. */
    private static final Map<SparkSession, Map<String, Held>> HELD = new IdentityHashMap<>();

    private static final class Held {
        /** null for a key that was not set. */
        final String before;
        int holds;

        Held(String before) {
            this.before = before;
        }
    }

    private final SparkSession spark;
    private final Map<String, String> settings;
    private boolean restored;

    private SessionSettings(SparkSession spark, Map<String, String> settings) {
        this.spark = spark;
        this.settings = new LinkedHashMap<>(settings);
    }

    /** Sets the settings on the session; close() puts back what was there, once no other hold of the key is open. */
    public static SessionSettings set(SparkSession spark, Map<String, String> settings) {
        synchronized (HELD) {
            Map<String, Held> held = HELD.computeIfAbsent(spark, s -> new HashMap<>());
            settings.forEach((k, v) -> {
                Held h = held.computeIfAbsent(k, key -> new Held(spark.conf().contains(key) ? spark.conf().get(key) : null));
                h.holds++;
                spark.conf().set(k, v);
            });
            return new SessionSettings(spark, settings);
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (restored) return;
            restored = true;
            Map<String, Held> held = HELD.get(spark);
            for (String k : settings.keySet()) {
                Held h = held.get(k);
                if (--h.holds > 0) continue;
                held.remove(k);
                if (h.before == null) spark.conf().unset(k);
                else spark.conf().set(k, h.before);
            }
            if (held.isEmpty()) HELD.remove(spark);
        }
    }
}
