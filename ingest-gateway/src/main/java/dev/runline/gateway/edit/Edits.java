package dev.runline.gateway.edit;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.attachment.UnitAttachmentClaims;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Blocking;
import dev.runline.schemas.Genealogy;
import dev.runline.schemas.event.ChildAddition;
import dev.runline.schemas.event.ChildRemoval;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunsDeletion;
import dev.runline.schemas.event.UnitUpdate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries out the edit routes: checks the edit against what is stored (a plain mistake is answered at once),
 * publishes it ordered with its unit's runs, and answers with the outcome the processor recorded. The processor
 * checks again when it applies the edit, because runs and edits accepted before it may have changed the units.
 */
@Component
public class Edits {

    private final Jdbi jdbi;
    private final EditPublisher publisher;
    private final EditProperties properties;
    private final GatewayProperties gateway;
    private final UnitAttachmentClaims unitAttachments;
    private final EditAnswers answers;
    private final ObjectMapper json;
    private final Clock clock;

    public Edits(Jdbi jdbi, EditPublisher publisher, EditProperties properties, GatewayProperties gateway,
            UnitAttachmentClaims unitAttachments, ObjectMapper json) {
        this.unitAttachments = unitAttachments;
        this.jdbi = jdbi;
        this.publisher = publisher;
        this.properties = properties;
        this.gateway = gateway;
        this.answers = new EditAnswers(json);
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /** Deletes the caller's runs among {@code runIds}: one edit per unit, answered with every id deleted. */
    public Mono<JsonNode> deleteRuns(Caller caller, List<UUID> runIds) {
        return read(dao -> dao.runs(caller.organizationId(), runIds.toArray(UUID[]::new))).flatMap(stored -> {
            if (stored.isEmpty()) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No run with " + (runIds.size() == 1 ? "this id" : "these ids")
                        + " is stored in this organization (a run just acknowledged may still be being stored:"
                        + " see GET /api/v2/runs/{id}/status)");
            }
            Map<String, List<EditDao.RunOfUnit>> byUnit = new LinkedHashMap<>();
            stored.forEach(run -> byUnit.computeIfAbsent(run.serialNumber().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(run));
            return Flux.fromIterable(byUnit.values())
                    .concatMap(runs -> apply(caller, runs.getFirst().serialNumber(),
                            new RunsDeletion(runs.stream().map(EditDao.RunOfUnit::id).toList())))
                    .collectList()
                    .map(this::deletedIds);
        });
    }

    public Mono<JsonNode> updateUnit(Caller caller, EditRequests.UnitChange change) {
        UnitUpdate update = change.fields();
        return read(dao -> {
            EditDao.UnitRef unit = unit(dao, caller, update.getSerialNumber());
            String newSerial = update.getNewSerialNumber();
            if (newSerial != null && !newSerial.equalsIgnoreCase(unit.serialNumber())
                    && dao.unit(caller.organizationId(), newSerial).isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, "Unit " + newSerial + " already exists in this organization");
            }
            return unit;
        }).flatMap(unit -> {
            if (change.changesNothing()) {
                return Mono.just(idOf(unit.id()));
            }
            return Blocking.call(() -> unitAttachments.claim(caller.organizationId(), unit.id(), change.uploadIds()))
                    .flatMap(claimed -> {
                        update.setAttachments(claimed.attachments());
                        return apply(caller, unit.serialNumber(), update,
                                unitAttachments.release(unit.id(), claimed.newlyClaimed()));
                    });
        });
    }

    public Mono<JsonNode> addChild(Caller caller, String parentSerial, String childSerial) {
        return read(dao -> {
            EditDao.UnitRef parent = unit(dao, caller, parentSerial);
            EditDao.UnitRef child = unit(dao, caller, childSerial);
            String cycle = Genealogy.cycle(parent.id(), parent.serialNumber(), child.id(), child.serialNumber(),
                    dao.ancestors(parent.id()));
            if (cycle != null) {
                throw new ApiException(ErrorCode.BAD_REQUEST, cycle);
            }
            return parent;
        }).flatMap(parent -> apply(caller, parent.serialNumber(), new ChildAddition(parentSerial, childSerial)));
    }

    public Mono<JsonNode> removeChild(Caller caller, String parentSerial, String childSerial) {
        return read(dao -> {
            EditDao.UnitRef parent = unit(dao, caller, parentSerial);
            EditDao.UnitRef child = unit(dao, caller, childSerial);
            if (!parent.id().equals(child.parentUnitId())) {
                throw new ApiException(ErrorCode.NOT_FOUND,
                        "Unit " + child.serialNumber() + " is not a sub-unit of " + parent.serialNumber());
            }
            return parent;
        }).flatMap(parent -> apply(caller, parent.serialNumber(), new ChildRemoval(parentSerial, childSerial)));
    }

    private Mono<JsonNode> apply(Caller caller, String serialNumber, Object change) {
        return apply(caller, serialNumber, change, Mono.empty());
    }

    /**
     * @param undo what to release when the edit surely changed nothing: the broker did not take it, or the
     *             processor refused it (an edit still pending past the wait will be applied: nothing is undone)
     */
    private Mono<JsonNode> apply(Caller caller, String serialNumber, Object change, Mono<Void> undo) {
        EditRequested edit = EditRequested.newBuilder()
                .setEditId(UUID.randomUUID())
                .setOrganizationId(caller.organizationId())
                .setKeyId(caller.keyId())
                .setRequestedAt(clock.instant().truncatedTo(ChronoUnit.MICROS))
                .setChange(change)
                .build();
        return publisher.publish(edit, serialNumber)
                .onErrorResume(failed -> undo.then(Mono.error(failed)))
                .then(outcome(edit))
                .flatMap(recorded -> (recorded.applied() ? Mono.<Void>empty() : undo)
                        .then(Mono.fromCallable(() -> answers.answer(recorded))));
    }

    /** The processor's recorded outcome, looked for every poll interval (no thread waits meanwhile). */
    private Mono<RecordedEdit> outcome(EditRequested edit) {
        return read(dao -> dao.outcome(edit.getEditId(), edit.getOrganizationId()).orElse(null))
                .repeatWhenEmpty(repeats -> repeats.delayElements(properties.pollInterval()))
                .timeout(properties.applyWait())
                .onErrorMap(TimeoutException.class, e -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "Edit " + edit.getEditId() + " was accepted but the processor has not applied it within "
                                + properties.applyWait().toSeconds() + " s; it will be applied in order with the"
                                + " unit's runs. Read the unit or run back before retrying.",
                        List.of(), gateway.retryAfter()));
    }

    private JsonNode deletedIds(List<JsonNode> results) {
        ObjectNode answer = json.createObjectNode();
        var ids = answer.putArray("id");
        results.forEach(result -> result.path("id").forEach(ids::add));
        return answer;
    }

    private JsonNode idOf(UUID id) {
        return json.createObjectNode().put("id", id.toString());
    }

    private static EditDao.UnitRef unit(EditDao dao, Caller caller, String serialNumber) {
        return dao.unit(caller.organizationId(), serialNumber).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                "No unit " + serialNumber + " in this organization"));
    }

    private <T> Mono<T> read(Function<EditDao, T> query) {
        return Blocking.call(() -> jdbi.withExtension(EditDao.class, query::apply));
    }
}
