package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetterDao;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Counts dead letters per state and error code.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    private DeadLettersCommand tool;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<DeadLetterDao.Count> counts = tool.dao().counts();
        Map<String, Long> perState = new TreeMap<>();
        Table table = new Table("STATE", "CODE", "COUNT");
        for (DeadLetterDao.Count count : counts) {
            table.row(count.state(), count.errorCode(), count.count());
            perState.merge(count.state(), count.count(), Long::sum);
        }
        PrintWriter out = spec.commandLine().getOut();
        table.print(out);
        out.println();
        perState.forEach((state, total) -> out.println(state + ": " + total));
        out.println("total: " + perState.values().stream().mapToLong(Long::longValue).sum());
        out.flush();
        return 0;
    }
}
