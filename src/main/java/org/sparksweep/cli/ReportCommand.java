package org.sparksweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparksweep.report.HtmlReport;
import org.sparksweep.report.ReportReader;
import org.sparksweep.report.SweepReport;
import org.sparksweep.store.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML report of a sweep (leaderboard, charts, failures, provenance) that works offline.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--output", description = "leaderboard root, a path or Hadoop FileSystem URI (default: ./sweeps, or the --spec's output)")
    String output;

    @Option(names = "--spec", description = "take the leaderboard root from this spec's output")
    Path spec;

    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--sweep", description = "the sweep to report (default: the only sweep under the leaderboard root)")
    String sweep;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the HTML file to write, e.g. report.html")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SweepStore store;
        try {
            store = QueryOptions.storeOf(output, spec);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        try (Sessions.Handle session = sparkOptions.open("sparksweep report")) {
            SweepReport report;
            try {
                report = ReportReader.read(session.spark(), store, sweep);
            } catch (IllegalArgumentException e) {
                err.println("report: " + e.getMessage());
                return Main.BAD_INPUT;
            } catch (IOException e) {
                err.println("report: cannot read the leaderboard under " + store.root() + ": " + e.getMessage());
                return Main.ERROR;
            }
            Path target = file.toAbsolutePath();
            try {
                if (target.getParent() != null) Files.createDirectories(target.getParent());
                Files.writeString(target, HtmlReport.render(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("report: cannot write " + target + ": " + e.getMessage() + " (choose another -o file)");
                return Main.ERROR;
            }
            out.println("report of sweep " + report.sweep() + " (" + report.rows().size() + " of " + report.totalTrials() + " trials): " + target);
            out.flush();
            return Main.OK;
        }
    }
}
