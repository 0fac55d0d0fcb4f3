package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = "Lists dead letters, oldest first (open ones unless --state says otherwise).")
final class ListCommand implements Callable<Integer> {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MESSAGE_WIDTH = 60;

    @ParentCommand
    private DeadLettersCommand tool;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FilterOptions filters;

    @Override
    public Integer call() {
        var filter = filters.toFilter(DEFAULT_LIMIT);
        List<DeadLetter> deadLetters = tool.dao().find(filter);
        PrintWriter out = spec.commandLine().getOut();
        print(deadLetters, out);
        out.println(deadLetters.size() + (deadLetters.size() == 1 ? " dead letter" : " dead letters")
                + (deadLetters.size() == filter.limit() ? " (limit reached: narrow the filters or raise --limit)" : ""));
        out.flush();
        return 0;
    }

    static void print(List<DeadLetter> deadLetters, PrintWriter out) {
        if (deadLetters.isEmpty()) {
            return;
        }
        Table table = new Table("ID", "DEAD-LETTERED AT", "CODE", "STAGE", "ATTEMPTS", "STATE", "RUN", "ORGANIZATION",
                "MESSAGE");
        for (DeadLetter dl : deadLetters) {
            table.row(Texts.shortId(dl.id()), Texts.time(dl.deadLetteredAt()), dl.errorCode(), dl.stage(), dl.attempts(),
                    dl.state(), dl.runId(), dl.organizationId(), Texts.truncate(dl.errorMessage(), MESSAGE_WIDTH));
        }
        table.print(out);
    }
}
