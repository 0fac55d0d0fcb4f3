package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "discard", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = "Closes open dead letters without replaying them, recording why in the audit trail.")
final class DiscardCommand extends BulkActionCommand {

    @Option(names = "--reason", paramLabel = "<text>", required = true,
            description = "Why they are discarded, kept in the audit trail.")
    private String reason;

    @Override
    String verb() {
        return "discard";
    }

    @Override
    String pastTense() {
        return "discarded";
    }

    @Override
    String destination(List<DeadLetter> open) {
        return "";
    }

    @Override
    DeadLetterActions.Outcome perform(List<DeadLetter> open, DeadLetterActions actions) {
        return actions.discard(open, reason.strip());
    }

    @Override
    void validate() {
        if (reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason must say why");
        }
    }
}
