package org.scamscope.contract;

import java.util.List;

/**
 * A data rule: a row passes when the SQL boolean expression is TRUE (as in a WHERE clause: NULL
 * does not pass, so optional columns say "x IS NULL OR ...").
 *
 * @param columns the columns the rule is about, named in the message
 * @param check also declared as a Delta CHECK constraint on the silver table
 */
public record Rule(String name, String expression, Action action, String message, List<String> columns, boolean check) {

    public enum Action { QUARANTINE, FAIL, WARN }

    public static Rule quarantine(String name, String expression, String message, String... columns) {
        return new Rule(name, expression, Action.QUARANTINE, message, List.of(columns), false);
    }
}
