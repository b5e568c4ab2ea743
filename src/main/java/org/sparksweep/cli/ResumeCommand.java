package org.sparksweep.cli;

import picocli.CommandLine.Command;

/** Resumes a sweep that stopped (crashed, killed, stopped by a budget): runs only the trials without a durable record. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resumes a stopped sweep: runs only the trials that have no record yet (refused when the spec's search changed).")
final class ResumeCommand extends RunCommand {
    @Override
    public Integer call() throws Exception {
        if (fresh) {
            command.commandLine().getErr().println("resume keeps the sweep's records; to start over use: sparksweep run --new SPEC");
            return Main.BAD_INPUT;
        }
        return execute(false, true);
    }
}
