package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetters;
import dev.runline.schemas.RunEventCodec;
import dev.runline.schemas.UndecodableEventException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Shows one dead letter: every field, the headers a replay carries, and the run it holds.")
final class ShowCommand implements Callable<Integer> {

    private static final int HEX_PREVIEW_BYTES = 64;

    @ParentCommand
    private DeadLettersCommand tool;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<id>", description = "The dead letter's id, or its first characters (as list shows).")
    private String id;

    @Override
    public Integer call() {
        DeadLetter dl = tool.find(id);
        PrintWriter out = spec.commandLine().getOut();
        field(out, "Id", dl.id());
        field(out, "State", dl.state() + (dl.stateChangedAt() == null ? "" : " since " + dl.stateChangedAt()));
        field(out, "Dead-lettered at", dl.deadLetteredAt());
        field(out, "Error code", dl.errorCode());
        field(out, "Stage", dl.stage());
        field(out, "Attempts", dl.attempts());
        field(out, "Exception", dl.exceptionClass());
        field(out, "Message", dl.errorMessage());
        field(out, "Run", dl.runId());
        field(out, "Organization", dl.organizationId());
        field(out, "Procedure", dl.procedureId());
        field(out, "Original record", "%s partition %s offset %s, at %s".formatted(dl.originalTopic(),
                dl.originalPartition(), dl.originalOffset(), dl.originalTimestamp()));
        field(out, "Dead letter", "%s partition %d offset %d".formatted(dl.topic(), dl.partition(), dl.offset()));
        field(out, "Key", dl.recordKey());
        out.println("Replay headers:");
        for (Header header : DeadLetters.replayHeaders(dl)) {
            out.println("  " + header.key() + ": "
                    + (header.value() == null ? "(null)" : new String(header.value(), StandardCharsets.UTF_8)));
        }
        out.println("Run event:");
        out.println("  " + describeValue(dl.recordValue()));
        out.flush();
        return 0;
    }

    /** The run as JSON when it decodes; otherwise enough of the bytes to recognise what they are. */
    static String describeValue(byte[] value) {
        if (value == null) {
            return "(no value)";
        }
        try {
            return new RunEventCodec().decode(value).toString();
        } catch (UndecodableEventException e) {
            return "not a decodable run event (%s); %d bytes: %s".formatted(e.getMessage(), value.length,
                    Texts.hexPreview(value, HEX_PREVIEW_BYTES));
        }
    }

    private static void field(PrintWriter out, String name, Object value) {
        out.printf("%-18s %s%n", name + ":", value == null ? "-" : value);
    }
}
