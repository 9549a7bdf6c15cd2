package org.scamscope.table;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.scamscope.ExitCodes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.*;

/**
 * Replaces identifying fields with HMAC-SHA-256 over their normalised values. The secret comes
 * from the environment, never from the repository; it travels to executors inside the function,
 * not in the query plan, so it appears in no plan, log or event log.
 */
public final class PersonKey implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    public static final String COLUMN = "person_key";
    public static final String DEFAULT_ENV = "SCAMSCOPE_PSEUDONYM_KEY";
    private static final String SEPARATOR = "\u001f";

    private final byte[] secret;

    private PersonKey(byte[] secret) {
        this.secret = secret;
    }

    /** The key from the environment variable, or null when it is not set. */
    public static PersonKey fromEnvironment(String variable) {
        String v = System.getenv(variable);
        if (v == null || v.isEmpty()) return null;
        String weak = weakness(v);
        if (weak != null) {
            throw ExitCodes.usage("the pseudonymisation key in " + variable + " " + weak
                    + ": make one with openssl rand -hex 32 (README, 'Pseudonymisation key')");
        }
        return new PersonKey(v.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Why a secret is too weak to key the hashes, or null: under 16 characters, blank, or one character
     * repeated. Person keys of names and phone numbers are open to guessing under a guessable key. The
     * reason never quotes the secret.
     */
    static String weakness(String secret) {
        if (secret.codePointCount(0, secret.length()) < 16) return "is shorter than 16 characters";
        if (secret.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) return "is only white space";
        if (secret.codePoints().distinct().count() == 1) return "is one character repeated";
        return null;
    }

    public static PersonKey of(String secret) {
        return new PersonKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The keyed hash of the given personal columns, null when all of them are empty. */
    public Column over(List<Column> personal) {
        Column[] parts = personal.stream().map(c -> coalesce(c, lit(""))).toArray(Column[]::new);
        byte[] k = secret.clone();
        UserDefinedFunction f = udf((UDF1<String, String>) joined -> hmac(k, joined), DataTypes.StringType);
        Column joined = concat_ws(SEPARATOR, parts);
        return when(regexp_replace(joined, SEPARATOR, "").equalTo(""), lit(null).cast("string"))
                .otherwise(f.apply(joined));
    }

    /**
     * The keyed hash of a text exactly as written (no normalisation): a broken row's whole line, which
     * the quarantine may compare across runs but must not hold.
     */
    public String hashOfText(String text) {
        return text == null ? null : hmacHex(secret, text);
    }

    static String hmac(byte[] key, String joined) {
        return joined == null ? null : hmacHex(key, normalise(joined));
    }

    private static final Pattern SPACE_AND_PUNCTUATION = Pattern.compile("[\\s\\p{Punct}]+");

    /** One spelling per value: NFKC, lower case, no white space or ASCII punctuation ("+84 912-345" = "84912345"). */
    static String normalise(String s) {
        return SPACE_AND_PUNCTUATION.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * One Mac per thread and key, initialised once: looking the algorithm up and setting the key for
     * every row cost more than the hash itself. (Executors run tasks on several threads; a Mac is not
     * thread-safe.)
     */
    private static final ThreadLocal<java.util.Map<java.nio.ByteBuffer, Mac>> MACS = ThreadLocal.withInitial(java.util.HashMap::new);

    static String hmacHex(byte[] key, String message) {
        try {
            Mac mac = MACS.get().get(java.nio.ByteBuffer.wrap(key));
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                MACS.get().put(java.nio.ByteBuffer.wrap(key.clone()), mac);
            }
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
