package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetterDao;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "The audit trail: who replayed or discarded which dead letter, when, why, and where a replay went.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    private DeadLettersCommand tool;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<id>", arity = "0..1",
            description = "Only this dead letter (id or its first characters); all when absent.")
    private String id;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "1000",
            description = "At most this many actions, oldest first (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        UUID deadLetterId = id == null ? null : tool.find(id).id();
        List<DeadLetterDao.Action> actions = tool.dao().actions(deadLetterId, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (!actions.isEmpty()) {
            Table table = new Table("ACTED AT", "DEAD LETTER", "ACTION", "ACTOR", "REASON", "REPLAYED TO");
            for (DeadLetterDao.Action action : actions) {
                table.row(Texts.time(action.actedAt()), Texts.shortId(action.deadLetterId()), action.action(),
                        action.actor(), action.reason(), replayPosition(action));
            }
            table.print(out);
        }
        out.println(actions.size() + (actions.size() == 1 ? " action" : " actions"));
        out.flush();
        return 0;
    }

    private static String replayPosition(DeadLetterDao.Action action) {
        return action.replayTopic() == null ? null
                : "%s-%d@%d".formatted(action.replayTopic(), action.replayPartition(), action.replayOffset());
    }
}
