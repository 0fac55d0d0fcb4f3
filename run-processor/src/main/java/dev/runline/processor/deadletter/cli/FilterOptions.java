package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetterFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Which dead letters a command is about: shared by list, replay and discard. */
final class FilterOptions {

    private static final Set<String> STATES = Set.of(DeadLetter.OPEN, DeadLetter.REPLAYED, DeadLetter.DISCARDED, "all");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private String state;

    @Option(names = "--code", paramLabel = "<code>", description = "Error code, e.g. NOT_FOUND or BAD_REQUEST.")
    private String code;

    @Option(names = "--organization", paramLabel = "<uuid>", description = "Organization id.")
    private UUID organizationId;

    @Option(names = "--procedure", paramLabel = "<uuid>", description = "Procedure id.")
    private UUID procedureId;

    @Option(names = "--run", paramLabel = "<uuid>", description = "Run id.")
    private UUID runId;

    @Option(names = "--since", paramLabel = "<time>", converter = TimeConverter.class,
            description = "Dead-lettered at or after: 2026-11-24 (midnight UTC) or 2026-11-24T08:00:00Z.")
    private Instant since;

    @Option(names = "--until", paramLabel = "<time>", converter = TimeConverter.class,
            description = "Dead-lettered before: same formats; --until 2026-11-25 includes all of the 24th.")
    private Instant until;

    @Option(names = "--limit", paramLabel = "<n>", description = "At most this many, oldest first.")
    private Integer limit;

    @Option(names = "--state", paramLabel = "<state>", description = "open, replayed, discarded or all (default: open).")
    void state(String state) {
        if (!STATES.contains(state)) {
            throw new ParameterException(command.commandLine(),
                    "Invalid value for option '--state': '" + state + "' (expected open, replayed, discarded or all)");
        }
        this.state = state;
    }

    /** Whether any filter was given: replay and discard never act on everything by default. */
    boolean given() {
        return Stream.of(state, code, organizationId, procedureId, runId, since, until, limit)
                .anyMatch(Objects::nonNull);
    }

    DeadLetterFilter toFilter(int defaultLimit) {
        if (limit != null && limit < 1) {
            throw new ParameterException(command.commandLine(), "--limit must be at least 1, was " + limit);
        }
        String byState = state == null ? DeadLetter.OPEN : "all".equals(state) ? null : state;
        return new DeadLetterFilter(byState, code, organizationId, procedureId, runId, since, until,
                limit == null ? defaultLimit : limit);
    }

    /** An instant, an offset date-time, or a date meaning its midnight UTC. */
    static final class TimeConverter implements ITypeConverter<Instant> {

        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException(
                            "'" + value + "' is neither a date (2026-11-24) nor a time (2026-11-24T08:00:00Z)");
                }
            }
        }
    }
}
