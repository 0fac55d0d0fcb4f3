package dev.runline.gateway.run;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.publish.RunPublisher;
import dev.runline.gateway.reference.PartNumbers;
import dev.runline.gateway.reference.ReferenceData;
import dev.runline.schemas.event.ApiVersion;
import dev.runline.schemas.event.Run;
import dev.runline.schemas.event.RunAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The create-run flow after authentication: read and validate the body, check it against the caller's
 * organization (role, procedure, station link, part number), publish, and return the final run id.
 */
@Service
public class RunIntake {

    private final V2RunReader v2Reader;
    private final ReferenceData reference;
    private final RunPublisher publisher;
    private final Clock clock;
    private final Counter accepted;

    public RunIntake(RunLimits limits, ReferenceData reference, RunPublisher publisher, Clock clock, MeterRegistry meters) {
        this.v2Reader = new V2RunReader(limits);
        this.reference = reference;
        this.publisher = publisher;
        this.clock = clock;
        this.accepted = Counter.builder("runline.gateway.runs.accepted")
                .description("Runs acknowledged by the broker and answered 200").register(meters);
    }

    public Mono<UUID> acceptV2(Caller caller, JsonNode body, String idempotencyKey) {
        if (!caller.mayCreateRuns()) {
            return Mono.error(new ApiException(ErrorCode.FORBIDDEN, "This key's role may not create runs"));
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReadResult result = v2Reader.read(body, receivedAt);
        if (!result.isValid()) {
            return Mono.error(ApiException.badRequest(result.issues()));
        }
        return checked(caller, result.run())
                .flatMap(run -> {
                    RunAccepted event = RunAccepted.newBuilder()
                            .setRunId(UUID.randomUUID())
                            .setOrganizationId(caller.organizationId())
                            .setSubmittedBy(caller.asSubmitter())
                            .setReceivedAt(receivedAt)
                            .setIdempotencyKey(idempotencyKey)
                            .setApiVersion(ApiVersion.V2)
                            .setRun(run)
                            .build();
                    return publisher.publish(event).thenReturn(event.getRunId());
                })
                .doOnNext(id -> accepted.increment());
    }

    private Mono<Run> checked(Caller caller, Run run) {
        UUID procedureId = run.getProcedureId();
        Mono<Run> checks = reference.procedureExists(caller.organizationId(), procedureId)
                .flatMap(exists -> exists
                        ? Mono.just(run)
                        : Mono.error(new ApiException(ErrorCode.NOT_FOUND, "Procedure " + procedureId + " does not exist")));
        if (caller.isStation()) {
            checks = checks.flatMap(r -> reference.stationLinked(caller.stationId(), procedureId)
                    .flatMap(linked -> linked
                            ? Mono.just(r)
                            : Mono.error(new ApiException(ErrorCode.FORBIDDEN,
                                    "This station is not linked to procedure " + procedureId))));
        }
        return checks.flatMap(r -> r.getPartNumber() != null ? Mono.just(r) : withExtractedPart(caller, r));
    }

    private Mono<Run> withExtractedPart(Caller caller, Run run) {
        return reference.serialPartRegex(caller.organizationId()).flatMap(regex ->
                switch (PartNumbers.extract(regex.orElse(null), run.getSerialNumber())) {
                    case PartNumbers.Extracted extracted -> {
                        Run withPart = Run.newBuilder(run).setPartNumber(extracted.partNumber()).build();
                        yield Mono.just(withPart);
                    }
                    case PartNumbers.NoRegex ignored -> Mono.error(new ApiException(ErrorCode.BAD_REQUEST,
                            "part_number is required: the organization has no serial -> part number pattern",
                            java.util.List.of(new Issue(java.util.List.of("part_number"), "is required")), null));
                    case PartNumbers.NoMatch noMatch -> Mono.error(new ApiException(ErrorCode.UNPROCESSABLE_CONTENT,
                            "serial_number does not match the organization's part number pattern " + noMatch.regex(),
                            java.util.List.of(new Issue(java.util.List.of("serial_number"), "does not match " + noMatch.regex())),
                            null));
                });
    }
}
