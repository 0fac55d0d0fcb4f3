package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetterFilter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What replay and discard share: which dead letters (ids or filters, never everything by default), a dry
 * run, the confirmation, and the summary. Only open dead letters are acted on; the others are skipped.
 */
abstract class BulkActionCommand implements Callable<Integer> {

    @ParentCommand
    DeadLettersCommand tool;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<id>", arity = "0..*",
            description = "Dead letters by id or its first characters (as list shows); or use filters.")
    List<String> ids = new ArrayList<>();

    @Mixin
    FilterOptions filters;

    @Option(names = "--dry-run", description = "Show what would be done; change and publish nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
    boolean yes;

    /** "replay", "discard". */
    abstract String verb();

    /** "replayed", "discarded". */
    abstract String pastTense();

    /** Where the action goes, for the question and the dry run: " to runline.runs". */
    abstract String destination(List<DeadLetter> open);

    /** Whether the command offers --all (replay: every open dead letter). */
    boolean offersAll() {
        return false;
    }

    /** Whether --all was given. */
    boolean all() {
        return false;
    }

    /** Checks the command's own options, before anything is read or asked. */
    void validate() {}

    abstract DeadLetterActions.Outcome perform(List<DeadLetter> open, DeadLetterActions actions)
            throws InterruptedException;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        List<DeadLetter> selected = select();
        List<DeadLetter> open = selected.stream().filter(dl -> DeadLetter.OPEN.equals(dl.state())).toList();
        int notOpen = selected.size() - open.size();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String what = count(open.size()) + destination(open);
        if (dryRun) {
            ListCommand.print(open, out);
            out.printf("Dry run: would %s %s; %d skipped (not open). Nothing changed.%n", verb(), what, notOpen);
            out.flush();
            return 0;
        }
        if (open.isEmpty()) {
            out.printf("Nothing to %s: %d skipped (not open).%n", verb(), notOpen);
            out.flush();
            return 0;
        }
        if (!yes && !confirmed(what, err)) {
            return 1;
        }
        DeadLetterActions.Outcome outcome;
        try (Progress progress = Progress.of(tool.operator(), err, capitalized(verb()), open.size())) {
            outcome = perform(open, new DeadLetterActions(tool.handle(), tool.actorName(), progress::step));
        }
        report(outcome, notOpen, out, err);
        return outcome.failed() ? 1 : 0;
    }

    private List<DeadLetter> select() {
        if (!ids.isEmpty()) {
            if (filters.given() || all()) {
                throw new ParameterException(spec.commandLine(),
                        "Give ids or " + (all() ? "--all" : "filters") + ", not both");
            }
            return ids.stream().map(tool::find).toList();
        }
        if (all()) {
            if (filters.given()) {
                throw new ParameterException(spec.commandLine(), "--all takes no filters");
            }
            return tool.dao().find(DeadLetterFilter.open());
        }
        if (!filters.given()) {
            throw new ParameterException(spec.commandLine(),
                    "Which dead letters? Give ids or filters" + (offersAll() ? ", or --all" : "") + " (see list --help)");
        }
        return tool.dao().find(filters.toFilter(Integer.MAX_VALUE));
    }

    private boolean confirmed(String what, PrintWriter err) {
        if (!tool.operator().present()) {
            err.printf("Refusing to %s %s without confirmation: there is no terminal to ask on. "
                    + "Pass --yes to confirm, or --dry-run to preview.%n", verb(), what);
            err.flush();
            return false;
        }
        if (!tool.operator().confirms(capitalized(verb()) + " " + what + "?")) {
            err.println("Cancelled; nothing changed.");
            err.flush();
            return false;
        }
        return true;
    }

    private void report(DeadLetterActions.Outcome outcome, int notOpen, PrintWriter out, PrintWriter err) {
        for (DeadLetterActions.Failure failure : outcome.failures()) {
            DeadLetter failed = failure.deadLetter();
            err.printf("failed %s (run %s): %s%n", Texts.shortId(failed.id()), failed.runId(), failure.reason());
        }
        err.flush();
        String stopped = outcome.notAttempted() == 0 ? ""
                : ", not attempted %d (stopped: the broker or the database failed)".formatted(outcome.notAttempted());
        out.printf("%s %d, failed %d, skipped %d (not open)%s%n", capitalized(pastTense()), outcome.done(),
                outcome.failures().size(), notOpen + outcome.skipped(), stopped);
        out.flush();
    }

    private static String count(int n) {
        return n + (n == 1 ? " dead letter" : " dead letters");
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
