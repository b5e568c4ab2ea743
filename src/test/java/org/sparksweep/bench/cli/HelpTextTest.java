package org.sparksweep.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparksweep.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli passes every description line through {@link String#format}: a bare percent sign ("95%
 * interval") makes it print a warning above the help and show the line unformatted. Every line of
 * every command's help, of the application and of the benchmarks, must format.
 */
class HelpTextTest {
    @Test
    void everyDescriptionOfEveryCommandFormats() {
        List<String> broken = new ArrayList<>();
        check(new CommandLine(new Main()), broken);
        check(new CommandLine(new BenchMain()), broken);
        assertEquals(List.of(), broken, "description lines with a bare % (write %% for a percent sign)");
    }

    private static void check(CommandLine command, List<String> broken) {
        CommandSpec spec = command.getCommandSpec();
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (OptionSpec option : spec.options()) lines.addAll(List.of(option.description()));
        for (PositionalParamSpec parameter : spec.positionalParameters()) lines.addAll(List.of(parameter.description()));
        for (String line : lines) {
            try {
                String.format(line);
            } catch (IllegalFormatException e) {
                broken.add(spec.qualifiedName() + ": " + line);
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) check(sub, broken);
    }
}
