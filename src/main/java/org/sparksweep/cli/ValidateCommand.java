package org.sparksweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sparksweep.search.Strategies;
import org.sparksweep.spec.SpecException;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks a spec without running anything and prints the resolved search space and its size.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "sweep spec (.yaml, .yml or .json)")
    Path specFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        SweepSpec spec;
        try {
            spec = SpecReader.read(specFile);
        } catch (SpecException e) {
            command.commandLine().getErr().println(e.getMessage());
            return Main.BAD_INPUT;
        }
        out.println(specFile + ": valid");
        out.println("sweep:     " + spec.name() + " (spec hash " + spec.specHash() + ")");
        out.println("trainer:   " + spec.model().trainer() + " " + spec.model().settings());
        out.println("data:      " + (spec.data() == null ? "none" : spec.data().source() + " " + spec.data().options()
                + ", " + spec.data().describeSplit()));
        out.println("objective: " + spec.objective().direction().label() + " " + spec.objective().metric());
        out.println("search:    " + Strategies.get(spec.search().strategy()).plan(spec.search(), spec.space()));
        out.println("space:     " + spec.space().parameters().size() + " parameters"
                + spec.space().gridSize().stream().mapToObj(n -> ", " + n + " grid points").findFirst().orElse(", continuous"));
        for (String line : spec.space().describe()) out.println("  " + line);
        out.println("output:    " + spec.output());
        return Main.OK;
    }
}
