package dev.runline.schemas.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How Runline's command-line tools report failures: an invalid command line as the mistake and where to
 * read more (a full usage text would push the mistake off the screen), exit 2; an expected failure
 * (database unreachable, unknown id, no schema) as one {@code error:} line rather than a stack trace, exit 1.
 */
public final class CliErrors {

    private CliErrors() {}

    public static CommandLine install(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler(CliErrors::invalidCommandLine);
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            failed.getErr().println("error: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
            failed.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    private static int invalidCommandLine(ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(error.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(error, err)) {
            err.println("See '" + failed.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }
}
