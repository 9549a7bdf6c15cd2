package org.scamscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.scamscope.ExitCodes;
import org.scamscope.config.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands as declared in commands.json: their usage lines, their help, which flags each takes,
 * and the suggestion for a mistyped command or flag.
 */
final class Commands {
    static final int WIDTH = 100;
    static final String EXIT_CODES = "Exit codes: 0 ok, 1 unexpected error, 2 usage or configuration, 3 data quality, 4 locked, "
            + "5 audit failed";

    record Command(String name, String arguments, String summary, List<String> options, List<String> required) {}

    private static final Map<String, Command> COMMANDS = load();

    private Commands() {}

    private static Map<String, Command> load() {
        try (InputStream in = Commands.class.getResourceAsStream("commands.json")) {
            JsonNode root = Json.mapper().readTree(in);
            Map<String, Command> out = new LinkedHashMap<>();
            for (JsonNode c : root.get("commands")) {
                out.put(c.get("name").asText(), new Command(c.get("name").asText(), c.path("arguments").asText(""),
                        c.get("summary").asText(), strings(c.get("options")), strings(c.path("required"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Collection<String> names() {
        return COMMANDS.keySet();
    }

    /** The command, or a usage error with the nearest name. */
    static Command get(String name) {
        Command c = COMMANDS.get(name);
        if (c == null) {
            throw ExitCodes.usage("unknown command '" + name + "'" + didYouMean(name, COMMANDS.keySet(), "")
                    + "; 'scamscope help' lists the commands");
        }
        return c;
    }

    /** "scamscope show TABLE [--config FILE] ...", each flag with its argument's name. */
    static String usage(String name) {
        Command c = get(name);
        Options all = Main.options();
        StringBuilder b = new StringBuilder("scamscope ").append(name);
        if (!c.arguments().isEmpty()) b.append(' ').append(c.arguments());
        for (String o : c.options()) {
            Option opt = all.getOption(o);
            String flag = "--" + o + (opt.hasArg() ? " " + opt.getArgName() : "");
            b.append(' ').append(c.required().contains(o) ? flag : "[" + flag + "]");
        }
        return b.toString();
    }

    /** A usage error: the message, then the command's usage. */
    static org.scamscope.ScamscopeException usageError(String name, String message) {
        return ExitCodes.usage(message + "; usage: " + usage(name));
    }

    /** Every flag given must be one the command takes (--help everywhere, --version alone). */
    static void checkFlags(String name, org.apache.commons.cli.CommandLine cl) {
        Command c = get(name);
        for (Option o : cl.getOptions()) {
            String flag = o.getLongOpt();
            if (flag.equals("help") || c.options().contains(flag)) continue;
            throw usageError(name, "--" + flag + " is not a flag of '" + name + "'");
        }
    }

    /** The help of one command: usage, summary, its flags. */
    static void help(String name, PrintStream out) {
        Command c = get(name);
        out.println(wrap("usage: ", usage(name), ("usage: scamscope " + name + " ").length()));
        out.println(c.summary());
        if (!c.options().isEmpty()) {
            Options all = Main.options();
            Options mine = new Options();
            for (String o : c.options()) {
                // "show: only these columns" reads "only these columns" under show's own help
                Option opt = (Option) all.getOption(o).clone();
                opt.setDescription(opt.getDescription().replaceFirst("^" + java.util.regex.Pattern.quote(name) + ": ", ""));
                mine.addOption(opt);
            }
            PrintWriter w = new PrintWriter(out, true, StandardCharsets.UTF_8);
            out.println();
            HelpFormatter f = new HelpFormatter();
            f.setOptionComparator(null); // the order of commands.json
            f.printOptions(w, WIDTH, mine, 2, 4);
            w.flush();
        }
        out.println();
        out.println(wrap("", EXIT_CODES, "Exit codes: ".length()));
    }

    /** The general help: one line a command. */
    static void help(PrintStream out) {
        out.println("usage: scamscope COMMAND [flags]");
        out.println("       scamscope help COMMAND (or scamscope COMMAND --help): the command's usage and flags");
        out.println();
        out.println("Commands:");
        int width = COMMANDS.values().stream().mapToInt(c -> label(c).length()).max().orElse(0);
        for (Command c : COMMANDS.values()) {
            out.println(wrap(String.format("  %-" + width + "s  ", label(c)), c.summary(), width + 4));
        }
        out.println();
        out.println("  --version           the program's version");
        out.println();
        out.println(wrap("", EXIT_CODES, "Exit codes: ".length()));
    }

    private static String label(Command c) {
        return c.arguments().isEmpty() ? c.name() : c.name() + " " + c.arguments();
    }

    /** " (did you mean X?)" when one candidate is within two edits (or a third of the word's length) of word, else "". */
    static String didYouMean(String word, Collection<String> candidates, String prefix) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance.apply(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? " (did you mean " + prefix + best + "?)" : "";
    }

    /**
     * prefix as it is, then text wrapped at blanks to WIDTH columns, continuation lines indented by
     * indent; a bracketed flag ("[--limit N]") is never split.
     */
    static String wrap(String prefix, String text, int indent) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (char ch : text.toCharArray()) {
            if (ch == '[') depth++;
            if (ch == ']') depth--;
            if (ch == ' ' && depth == 0) {
                if (word.length() > 0) words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(ch);
            }
        }
        if (word.length() > 0) words.add(word.toString());
        StringBuilder out = new StringBuilder(prefix);
        int column = prefix.length();
        boolean lineEmpty = true;
        for (String w : words) {
            if (!lineEmpty && column + 1 + w.length() > WIDTH) {
                out.append('\n').append(" ".repeat(indent));
                column = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                column++;
            }
            out.append(w);
            column += w.length();
            lineEmpty = false;
        }
        return out.toString();
    }
}
