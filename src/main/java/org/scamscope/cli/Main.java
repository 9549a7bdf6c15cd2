package org.scamscope.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.Messages;
import org.scamscope.ScamscopeException;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.Job;
import org.scamscope.pipeline.RunLog;
import org.scamscope.pipeline.RunSummary;
import org.scamscope.pipeline.Warehouse;
import org.scamscope.spark.SparkSessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line: parses, loads the configuration, runs the job and prints its summary. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        SparkSession.getActiveSession().foreach(s -> { s.stop(); return null; });
        System.exit(code);
    }

    /** Runs a command and returns its exit code; never calls System.exit, so tests can call it. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out);
        } catch (ScamscopeException e) {
            err.println("scamscope: " + e.getMessage());
            return e.exitCode();
        } catch (Exception | org.apache.hadoop.fs.FSError e) { // also Spark's checked exceptions, which Scala code throws undeclared
            return unexpected(e, err);
        }
    }

    /** Exit 1: a full disk in one line; anything else with its stack trace, for a bug report. */
    static int unexpected(Throwable e, PrintStream err) {
        String full = Messages.noSpaceLeft(e);
        if (full != null) {
            err.println("scamscope: " + full);
        } else {
            err.println("scamscope: unexpected error: " + e.getClass().getSimpleName() + ": " + Messages.firstLine(e.getMessage()));
            e.printStackTrace(err);
        }
        return ExitCodes.UNEXPECTED;
    }

    private static int dispatch(String[] args, PrintStream out) {
        Options options = options();
        if (args.length == 0) throw ExitCodes.usage("no command given; 'scamscope help' lists the commands");
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || (command.equals("help") && args.length == 1)) {
            Commands.help(out);
            return ExitCodes.OK;
        }
        if (command.equals("help")) {
            if (args.length > 2) throw Commands.usageError("help", "help takes one command");
            Commands.help(args[1], out);
            return ExitCodes.OK;
        }
        if (command.equals("--version")) {
            out.println("scamscope " + version());
            return ExitCodes.OK;
        }
        Commands.get(command);
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
        } catch (UnrecognizedOptionException e) {
            String flag = e.getOption().replaceFirst("^-+", "").replaceFirst("=.*", "");
            throw Commands.usageError(command, "unknown flag " + e.getOption()
                    + Commands.didYouMean(flag, Commands.get(command).options(), "--"));
        } catch (ParseException e) {
            throw Commands.usageError(command, e.getMessage());
        }
        if (cl.hasOption("help")) {
            Commands.help(command, out);
            return ExitCodes.OK;
        }
        if (cl.hasOption("version") && cl.getOptionValue("version") == null) {
            out.println("scamscope " + version());
            return ExitCodes.OK;
        }
        Commands.checkFlags(command, cl);
        List<String> words = cl.getArgList();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("input", cl.getOptionValue("input"));
        overrides.put("warehouse", cl.getOptionValue("warehouse"));
        Path configFile = Path.of(cl.hasOption("config") ? cl.getOptionValue("config") : JobConfig.defaultFile().toString());
        switch (command) {
            case "run", "aggregate" -> {
                if (!words.isEmpty()) throw Commands.usageError(command, "unexpected argument '" + words.get(0) + "'");
                JobConfig config = JobConfig.load(configFile, overrides);
                if (command.equals("run")) Job.checkInput(config.input());
                config.warehouse(); // a location the job cannot use is refused before Spark starts
                Job job = new Job(() -> spark(cl, config), config);
                RunSummary summary = job.summary();
                summary.arguments = List.of(args);
                try {
                    if (command.equals("run")) job.run(new Job.Options(cl.hasOption("full"), cl.hasOption("prune")));
                    else job.aggregateOnly();
                    summary.outcome = "ok";
                    // What readers see by default: the versions this run left, not those of a later run still writing.
                    summary.left.putAll(RunLog.versionsLeft(new Warehouse(config.warehouse())));
                } catch (ScamscopeException e) {
                    summary.outcome = "failed";
                    summary.exitCode = e.exitCode();
                    summary.error = e.getMessage();
                    throw e;
                } catch (Exception | org.apache.hadoop.fs.FSError e) { // also Spark's checked exceptions
                    summary.outcome = "failed";
                    summary.exitCode = ExitCodes.UNEXPECTED;
                    String full = Messages.noSpaceLeft(e);
                    summary.error = full != null ? full : e.getClass().getSimpleName() + ": " + Messages.firstLine(e.getMessage());
                    throw e;
                } finally {
                    summary.ended = java.time.Instant.now();
                    // Also on failure: what was read, quarantined and written before it stopped.
                    summary.print(out);
                    record(config, summary, cl.getOptionValue("json-summary"));
                }
                return ExitCodes.OK;
            }
            case "sources" -> {
                if (words.size() != 2 || !words.get(0).equals("check")) {
                    throw Commands.usageError("sources", "sources takes 'check FILE'");
                }
                JobConfig config = JobConfig.load(configFile, overrides);
                return SourceCheck.run(() -> spark(cl, config), config, Path.of(words.get(1)), out);
            }
            case "dry-run" -> {
                JobConfig config = JobConfig.load(configFile, overrides);
                return DryRunCommand.run(words, config, () -> spark(cl, config), out);
            }
            case "maintain" -> {
                overrides.put(org.scamscope.ops.Maintenance.RETENTION_SETTING, cl.getOptionValue("retention-hours"));
                JobConfig config = JobConfig.load(configFile, overrides);
                return MaintainCommand.run(words, cl, config, () -> spark(cl, config), out);
            }
            case "audit" -> {
                JobConfig config = JobConfig.load(configFile, overrides);
                return AuditCommand.run(words, config, () -> spark(cl, config), out);
            }
            case "release" -> {
                JobConfig config = JobConfig.load(configFile, overrides);
                return ReleaseCommand.run(words, cl.getOptionValue("out"), config, () -> spark(cl, config), out);
            }
            case "history" -> {
                JobConfig config = JobConfig.load(configFile, overrides);
                return HistoryCommand.run(words, cl, config, out);
            }
            case "status" -> {
                return StatusCommand.run(words, JobConfig.load(configFile, overrides), out);
            }
            case "tables" -> {
                return TablesCommand.run(words, JobConfig.load(configFile, overrides), out);
            }
            case "show" -> {
                JobConfig config = JobConfig.load(configFile, overrides);
                return ShowCommand.run(words, cl, config, out);
            }
            case "serve" -> {
                JobConfig config = JobConfig.load(configFile, overrides);
                return ServeCommand.run(words, cl, config, extra -> spark(cl, config, extra), out);
            }
            case "generate" -> {
                return GenerateCommand.run(words, cl, JobConfig.load(configFile, overrides), out);
            }
            default -> throw new IllegalStateException("command " + command + " of commands.json has no case here");
        }
    }

    /** ops/runs gets the run when the warehouse exists (a run stopped before writing leaves none); the JSON file always. */
    private static void record(JobConfig config, RunSummary summary, String jsonFile) {
        Warehouse warehouse = new Warehouse(config.warehouse());
        if (isFolder(warehouse.root())) {
            try {
                RunLog.append(warehouse, summary);
            } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala code throws unchecked
                System.err.println("scamscope: could not append the run to " + warehouse.ops("runs") + ": " + Messages.firstLine(e.getMessage()));
            }
        }
        if (jsonFile != null) {
            try {
                RunLog.writeJson(summary, Path.of(jsonFile));
            } catch (java.io.IOException e) {
                System.err.println("scamscope: could not write the JSON summary " + jsonFile + ": " + e.getMessage());
            }
        }
    }

    private static boolean isFolder(org.scamscope.storage.Location l) {
        try {
            return l.isDirectory();
        } catch (java.io.UncheckedIOException e) {
            System.err.println("scamscope: " + e.getMessage());
            return false;
        }
    }

    private static SparkSession spark(CommandLine cl, JobConfig config) {
        return spark(cl, config, Map.of());
    }

    /** The configuration's Spark settings with a command's own (extra) on top. */
    private static SparkSession spark(CommandLine cl, JobConfig config, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>(config.sparkSettings());
        settings.putAll(extra);
        return SparkSessions.create(cl.getOptionValue("master"), config.get("master", null), settings);
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("config").hasArg().argName("FILE")
                .desc("configuration file (default conf/scamscope.properties)").get());
        o.addOption(Option.builder().longOpt("input").hasArg().argName("DIR")
                .desc("input folder with one sub-folder per dataset (default: the configuration's, data/sample)").get());
        o.addOption(Option.builder().longOpt("warehouse").hasArg().argName("DIR")
                .desc("warehouse root for the Delta tables (default: the configuration's, ./warehouse)").get());
        o.addOption(Option.builder().longOpt("master").hasArg().argName("URL")
                .desc("Spark master; default: the one spark-submit set, else local[*]").get());
        o.addOption(Option.builder().longOpt("full")
                .desc("take every input file again and rebuild silver (default: only new and changed files)").get());
        o.addOption(Option.builder().longOpt("prune")
                .desc("remove the rows of files that are no longer in the input").get());
        o.addOption(Option.builder().longOpt("json-summary").hasArg().argName("FILE")
                .desc("also write the run's summary as JSON to FILE, for schedulers").get());
        o.addOption(Option.builder().longOpt("retention-hours").hasArg().argName("H")
                .desc("maintain: VACUUM keeps files unused for up to H hours (default: the configuration's maintain.vacuum_retention_hours, 168)").get());
        o.addOption(Option.builder().longOpt("force-retention")
                .desc("maintain: allow a retention below Delta's safety default of 168 hours").get());
        o.addOption(Option.builder().longOpt("where").hasArg().argName("EXPR")
                .desc("show: only the rows where EXPR holds: column = != < <= > >= literal, IS [NOT] NULL, [NOT] IN (...), "
                        + "[NOT] LIKE '...', with AND, OR, NOT and ( )").get());
        o.addOption(Option.builder().longOpt("columns").hasArg().argName("A,B")
                .desc("show: only these columns, in this order").get());
        o.addOption(Option.builder().longOpt("latest")
                .desc("show: the newest version of the table, not the one the last successful run left").get());
        o.addOption(Option.builder().longOpt("vertical")
                .desc("show: one line a column, for wide rows").get());
        o.addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                .desc("show: at most N rows (default 20); history: the last N versions").get());
        o.addOption(Option.builder().longOpt("port").hasArg().argName("N")
                .desc("serve: the port on 127.0.0.1 Spark Connect listens on (default 15002)").get());
        o.addOption(Option.builder().longOpt("stop")
                .desc("serve: stop the server serving the warehouse (SIGTERM; SIGKILL after 60 s)").get());
        o.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("show: text (boxed, the default), csv (every row unless --limit, for a spreadsheet; "
                        + "cells starting with = + - @ get a leading ') or json (one object a line, every row unless --limit)").get());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("generate: the folder to write the datasets to").get());
        o.addOption(Option.builder().longOpt("victims").hasArg().argName("N")
                .desc("generate: rows of the victims dataset (the others scale with it)").get());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("generate: the random seed (default 1); the same seed gives the same files").get());
        o.addOption(Option.builder().longOpt("rows-per-file").hasArg().argName("N")
                .desc("generate: at most N rows a file (default " + org.scamscope.generate.Generator.DEFAULT_ROWS_PER_FILE + ")").get());
        o.addOption(Option.builder().longOpt("datasets").hasArg().argName("LIST")
                .desc("generate: only these datasets, comma-separated (default all four)").get());
        o.addOption(Option.builder().longOpt("help").desc("print this help").get());
        // Alone: the program's version; with a number, after show: the table's version N (Delta's 'VERSION AS OF').
        o.addOption(Option.builder().longOpt("version").optionalArg(true).numberOfArgs(1).argName("N")
                .desc("print the program's version; show TABLE --version N: the table as of its version N").get());
        return o;
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/scamscope-version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
