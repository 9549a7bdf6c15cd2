package org.scamscope.cli;

import org.apache.commons.cli.CommandLine;
import org.scamscope.ExitCodes;

import java.util.List;

/** Checks of the arguments the table commands share. */
final class CommandArgs {
    private CommandArgs() {}

    /** The one word after the command (the table), else a usage error showing usage. */
    static String table(List<String> words, String usage) {
        if (words.size() != 1) {
            throw ExitCodes.usage((words.isEmpty() ? "no table given" : "unexpected argument '" + words.get(1) + "'")
                    + "; usage: " + usage);
        }
        return words.get(0);
    }

    /** The option's value as a whole number of at least min, or fallback when it is absent. */
    static Long number(CommandLine cl, String option, long min, Long fallback) {
        String v = cl.getOptionValue(option);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ExitCodes.usage("--" + option + " must be a whole number of " + min + " or more, got '" + v + "'");
    }
}
