package dev.runline.gateway.run;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.auth.Permission;
import dev.runline.gateway.auth.Permissions;
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
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The create-run flow after authentication, the same for both API versions: read and validate the body
 * into the run event, check it against the caller's organization (role, procedure, station link,
 * operator for v1, part number), publish, and return the final run id.
 */
@Service
public class RunIntake {

    private final V1RunReader v1Reader;
    private final V2RunReader v2Reader;
    private final ReferenceData reference;
    private final RunPublisher publisher;
    private final Clock clock;
    private final Counter accepted;

    private final IdempotencyKeys idempotencyKeys;

    public RunIntake(RunLimits limits, ReferenceData reference, IdempotencyKeys idempotencyKeys, RunPublisher publisher,
            Clock clock, MeterRegistry meters) {
        this.idempotencyKeys = idempotencyKeys;
        this.v1Reader = new V1RunReader(limits);
        this.v2Reader = new V2RunReader(limits);
        this.reference = reference;
        this.publisher = publisher;
        this.clock = clock;
        this.accepted = Counter.builder("runline.gateway.runs.accepted")
                .description("Runs acknowledged by the broker and answered 200").register(meters);
    }

    /**
     * @param body    the body as a JSON tree
     * @param raw     the body as sent, which identifies the request for its Idempotency-Key
     */
    public Mono<UUID> accept(ApiVersion version, Caller caller, JsonNode body, byte[] raw, String idempotencyKey) {
        if (!Permissions.allows(caller, Permission.CREATE_RUNS)) {
            return Mono.error(new ApiException(ErrorCode.FORBIDDEN, "This key's role may not create runs"));
        }
        Instant receivedAt = receivedAt();
        ReadResult result = version == ApiVersion.V1 ? v1Reader.read(body, receivedAt) : v2Reader.read(body, receivedAt);
        return checked(caller, version, result)
                .zipWhen(run -> idempotencyKeys.runIdFor(caller.organizationId(), idempotencyKey, version.name(), raw))
                .flatMap(runAndId -> publish(caller, version, receivedAt, idempotencyKey, runAndId.getT1(), runAndId.getT2()));
    }

    /** Now, as every run's {@code received_at} is written: to the microsecond. */
    public Instant receivedAt() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The checks against the caller's organization that every run passes, whatever it was read from (a create-run
     * body, an imported record): valid, procedure, station link, operator for v1, part number.
     */
    public Mono<Run.Builder> checked(Caller caller, ApiVersion version, ReadResult result) {
        if (!Permissions.allows(caller, Permission.CREATE_RUNS)) {
            return Mono.error(new ApiException(ErrorCode.FORBIDDEN, "This key's role may not create runs"));
        }
        if (!result.isValid()) {
            return Mono.error(ApiException.badRequest(result.issues(), result.issuesFound()));
        }
        return procedure(caller, result)
                .flatMap(run -> stationLinked(caller, run))
                .flatMap(run -> version == ApiVersion.V1 ? operatorIsMember(caller, run) : Mono.just(run))
                .flatMap(run -> run.getPartNumber() != null ? Mono.just(run) : withExtractedPart(caller, run, result.unitPaths()));
    }

    /** Publishes a checked run under its final id, which the station is answered once the broker acknowledged. */
    public Mono<UUID> publish(Caller caller, ApiVersion version, Instant receivedAt, String idempotencyKey,
            Run.Builder run, UUID runId) {
        RunAccepted event = RunAccepted.newBuilder()
                .setRunId(runId)
                .setOrganizationId(caller.organizationId())
                .setSubmittedBy(caller.asSubmitter())
                .setReceivedAt(receivedAt)
                .setIdempotencyKey(idempotencyKey)
                .setApiVersion(version)
                .setRun(run.build())
                .build();
        return publisher.publish(event).thenReturn(event.getRunId()).doOnNext(id -> accepted.increment());
    }

    /** The procedure must exist in the caller's organization; a v1 run may name it by its identifier. */
    private Mono<Run.Builder> procedure(Caller caller, ReadResult result) {
        Run.Builder run = result.run();
        if (result.procedureIdentifier() != null) {
            String identifier = result.procedureIdentifier();
            return reference.procedureByIdentifier(caller.organizationId(), identifier)
                    .flatMap(id -> id.map(found -> Mono.just(run.setProcedureId(found)))
                            .orElseGet(() -> Mono.error(notFound("Procedure " + identifier + " does not exist", "procedure_id"))));
        }
        UUID procedureId = run.getProcedureId();
        return reference.procedureExists(caller.organizationId(), procedureId)
                .flatMap(exists -> exists
                        ? Mono.just(run)
                        : Mono.error(notFound("Procedure " + procedureId + " does not exist", "procedure_id")));
    }

    private Mono<Run.Builder> stationLinked(Caller caller, Run.Builder run) {
        if (!caller.isStation()) {
            return Mono.just(run);
        }
        return reference.stationLinked(caller.stationId(), run.getProcedureId())
                .flatMap(linked -> linked
                        ? Mono.just(run)
                        : Mono.error(new ApiException(ErrorCode.FORBIDDEN,
                                "This station is not linked to procedure " + run.getProcedureId())));
    }

    /** v1 only (as upstream): an operator who is not a member is an error, not silently dropped. */
    private Mono<Run.Builder> operatorIsMember(Caller caller, Run.Builder run) {
        if (run.getOperatedBy() == null) {
            return Mono.just(run);
        }
        return reference.memberExists(caller.organizationId(), run.getOperatedBy())
                .flatMap(member -> member
                        ? Mono.just(run)
                        : Mono.error(notFound("No member of this organization has the email " + run.getOperatedBy(),
                                "operated_by")));
    }

    /** The issue points where the request put the unit's keys (v1: maybe inside {@code unit_under_test}). */
    private Mono<Run.Builder> withExtractedPart(Caller caller, Run.Builder run, UnitPaths paths) {
        return reference.serialPartRegex(caller.organizationId()).flatMap(regex ->
                switch (PartNumbers.extract(regex.orElse(null), run.getSerialNumber())) {
                    case PartNumbers.Extracted extracted -> Mono.just(run.setPartNumber(extracted.partNumber()));
                    case PartNumbers.NoRegex ignored -> Mono.error(new ApiException(ErrorCode.BAD_REQUEST,
                            "part_number is required: the organization has no serial -> part number pattern",
                            List.of(new Issue(paths.partNumber(), "is required")), null));
                    case PartNumbers.NoMatch noMatch -> Mono.error(new ApiException(ErrorCode.UNPROCESSABLE_CONTENT,
                            "serial_number does not match the organization's part number pattern " + noMatch.regex(),
                            List.of(new Issue(paths.serialNumber(), "does not match " + noMatch.regex())), null));
                });
    }

    private static ApiException notFound(String message, String field) {
        return new ApiException(ErrorCode.NOT_FOUND, message, List.of(new Issue(List.of(field), message)), null);
    }
}
