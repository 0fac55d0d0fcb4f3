package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "replay", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = {"Publishes open dead letters back to the topic they came from (key, value, headers and the "
                + "attempt count), and marks each replayed once the broker acknowledged it.",
            "A replayed run that was stored meanwhile is not stored twice; one that fails again comes back as a new "
                + "dead letter with one more attempt."})
final class ReplayCommand extends BulkActionCommand {

    @Option(names = "--all", description = "Every open dead letter.")
    private boolean all;

    @Option(names = "--rate", paramLabel = "<per-second>", defaultValue = "50",
            description = "At most this many replays per second, to spare the processor (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Override
    String verb() {
        return "replay";
    }

    @Override
    String pastTense() {
        return "replayed";
    }

    @Override
    String destination(List<DeadLetter> open) {
        String topics = open.stream().map(DeadLetter::originalTopic).distinct().sorted()
                .collect(Collectors.joining(", "));
        return topics.isEmpty() ? "" : " to " + topics;
    }

    @Override
    boolean offersAll() {
        return true;
    }

    @Override
    boolean all() {
        return all;
    }

    @Override
    void validate() {
        if (!(rate > 0)) {
            throw new ParameterException(spec.commandLine(), "--rate must be positive, was " + rate);
        }
    }

    @Override
    DeadLetterActions.Outcome perform(List<DeadLetter> open, DeadLetterActions actions) throws InterruptedException {
        try (ReplayPublisher publisher = ReplayPublisher.connect(tool.bootstrapServers())) {
            return actions.replay(open, publisher, new Pacer(rate));
        }
    }
}
