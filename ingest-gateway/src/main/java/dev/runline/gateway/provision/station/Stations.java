package dev.runline.gateway.provision.station;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.provision.ListQuery;
import dev.runline.gateway.provision.Page;
import dev.runline.gateway.provision.procedure.ProcedureDao;
import dev.runline.gateway.reference.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/** Stations and their links to procedures. Blocking (JDBC): call off the event loop. */
@Service
public class Stations {

    /** The window of {@code runs_count} in the current station's procedures, as upstream. */
    private static final Duration RECENT_RUNS = Duration.ofDays(7);

    private final Jdbi jdbi;
    private final StationDao stations;
    private final ProcedureDao procedures;
    private final ReferenceData reference;
    private final Clock clock;

    public Stations(Jdbi jdbi, ReferenceData reference, Clock clock) {
        this.jdbi = jdbi;
        this.stations = jdbi.onDemand(StationDao.class);
        this.procedures = jdbi.onDemand(ProcedureDao.class);
        this.reference = reference;
        this.clock = clock;
    }

    /** 404 when the procedure to link is not the organization's; 409 when the name is taken. */
    public UUID create(Caller caller, NewStation request) {
        UUID organizationId = caller.organizationId();
        UUID procedureId = request.procedureId();
        UUID id = jdbi.inTransaction(handle -> {
            StationDao dao = handle.attach(StationDao.class);
            if (procedureId != null && !handle.attach(ProcedureDao.class).exists(organizationId, procedureId)) {
                throw Fields.notFound("Procedure " + procedureId + " does not exist", "procedure_id");
            }
            UUID station = UUID.randomUUID();
            if (dao.insert(station, organizationId, request.name()) == 0) {
                throw Fields.conflict("A station named " + request.name() + " already exists", "name");
            }
            if (procedureId != null) {
                dao.link(station, procedureId);
            }
            return station;
        });
        if (procedureId != null) {
            reference.forgetLink(id, procedureId);
        }
        return id;
    }

    /** One page of {@code GET /api/v2/stations}, oldest first, each with its linked procedures (two statements). */
    public Page<ListedStation> list(Caller caller, StationFilter filter, ListQuery.Window window) {
        UUID organizationId = caller.organizationId();
        Page<ListedStation.Row> page = Page.slice(stations.page(organizationId, filter.search(),
                !filter.procedureIds().isEmpty(), filter.procedureIds(), window.limit() + 1, window.offset()), window);
        Map<UUID, List<ListedStation.LinkedProcedure>> links = new HashMap<>();
        if (!page.data().isEmpty()) {
            List<UUID> ids = page.data().stream().map(ListedStation.Row::id).toList();
            for (ListedStation.Link link : stations.links(organizationId, ids)) {
                links.computeIfAbsent(link.stationId(), station -> new ArrayList<>()).add(link.procedure());
            }
        }
        List<ListedStation> listed = page.data().stream()
                .map(row -> ListedStation.of(row, links.getOrDefault(row.id(), List.of())))
                .toList();
        return new Page<>(listed, page.meta());
    }

    /** The calling station key's own station. */
    public CurrentStation current(Caller caller) {
        CurrentStation.Header header = stations.header(caller.organizationId(), caller.stationId(), caller.keyId())
                .orElseThrow(() -> Fields.notFound("The station of this key no longer exists", "station"));
        return CurrentStation.of(header, stations.linkedProcedures(header.id(), clock.instant().minus(RECENT_RUNS)));
    }

    /** Idempotent; the station as it is now. 404 when the station or the procedure is not the organization's. */
    public Station link(Caller caller, UUID stationId, UUID procedureId) {
        requireBoth(caller.organizationId(), stationId, procedureId);
        stations.link(stationId, procedureId);
        reference.forgetLink(stationId, procedureId);
        return find(caller, stationId);
    }

    /** Idempotent (unlinking a pair that is not linked changes nothing); the station as it is now. */
    public Station unlink(Caller caller, UUID stationId, UUID procedureId) {
        requireBoth(caller.organizationId(), stationId, procedureId);
        stations.unlink(stationId, procedureId);
        reference.forgetLink(stationId, procedureId);
        return find(caller, stationId);
    }

    private Station find(Caller caller, UUID stationId) {
        return stations.find(caller.organizationId(), stationId)
                .orElseThrow(() -> Fields.notFound("Station " + stationId + " does not exist", "id"));
    }

    private void requireBoth(UUID organizationId, UUID stationId, UUID procedureId) {
        if (!stations.exists(organizationId, stationId)) {
            throw Fields.notFound("Station " + stationId + " does not exist", "id");
        }
        if (!procedures.exists(organizationId, procedureId)) {
            throw Fields.notFound("Procedure " + procedureId + " does not exist", "procedure_id");
        }
    }
}
