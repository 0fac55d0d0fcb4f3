package dev.runline.gateway.provision.station;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stations of one organization and their links to procedures. */
@RegisterConstructorMapper(Station.class)
@RegisterConstructorMapper(CurrentStation.Header.class)
@RegisterConstructorMapper(ListedStation.Row.class)
@RegisterConstructorMapper(ListedStation.Link.class)
@RegisterConstructorMapper(CurrentStation.LinkedProcedure.class)
public interface StationDao {

    /** 0 when the organization already has a station of that name (case-insensitively). */
    @SqlUpdate("""
            INSERT INTO stations (id, organization_id, name) VALUES (:id, :organizationId, :name)
            ON CONFLICT DO NOTHING
            """)
    int insert(UUID id, UUID organizationId, String name);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM stations WHERE organization_id = :organizationId AND id = :id)
            """)
    boolean exists(UUID organizationId, UUID id);

    /** Idempotent: linking a linked pair changes nothing. */
    @SqlUpdate("""
            INSERT INTO station_procedures (station_id, procedure_id) VALUES (:stationId, :procedureId)
            ON CONFLICT DO NOTHING
            """)
    int link(UUID stationId, UUID procedureId);

    @SqlUpdate("""
            DELETE FROM station_procedures WHERE station_id = :stationId AND procedure_id = :procedureId
            """)
    int unlink(UUID stationId, UUID procedureId);

    /**
     * One page of the list, {@code limit} rows from {@code offset}, oldest first (a station created while a
     * client pages through goes at the end). {@code search} is a lower-case {@code LIKE} pattern or null;
     * {@code filtered} false ignores {@code procedureIds} (which then renders as {@code IN (null)}, never matched).
     */
    @SqlQuery("""
            SELECT s.id, s.name, s.created_at FROM stations s
            WHERE s.organization_id = :organizationId
              AND (CAST(:search AS text) IS NULL OR lower(s.name) LIKE :search ESCAPE '!')
              AND (NOT :filtered OR EXISTS (
                    SELECT 1 FROM station_procedures sp
                    WHERE sp.station_id = s.id AND sp.procedure_id IN (<procedureIds>)))
            ORDER BY s.created_at, s.id
            LIMIT :limit OFFSET :offset
            """)
    List<ListedStation.Row> page(UUID organizationId, String search, boolean filtered,
            @BindList(value = "procedureIds", onEmpty = BindList.EmptyHandling.NULL_STRING) List<UUID> procedureIds,
            int limit, int offset);

    /** The procedures linked to each of the stations, by name. */
    @SqlQuery("""
            SELECT sp.station_id, p.id, p.identifier, p.name
            FROM station_procedures sp
            JOIN procedures p ON p.id = sp.procedure_id
            WHERE p.organization_id = :organizationId AND sp.station_id IN (<stationIds>)
            ORDER BY lower(p.name), p.id
            """)
    List<ListedStation.Link> links(UUID organizationId, @BindList("stationIds") List<UUID> stationIds);

    @SqlQuery("""
            SELECT s.id, s.name, s.created_at,
                   array_remove(array_agg(sp.procedure_id ORDER BY sp.procedure_id), NULL) AS procedure_ids
            FROM stations s
            LEFT JOIN station_procedures sp ON sp.station_id = s.id
            WHERE s.organization_id = :organizationId AND s.id = :id
            GROUP BY s.id
            """)
    Optional<Station> find(UUID organizationId, UUID id);

    @SqlQuery("""
            SELECT s.id, s.name, o.name AS organization_name, k.prefix AS key_prefix
            FROM stations s
            JOIN organizations o ON o.id = s.organization_id
            LEFT JOIN api_keys k ON k.id = :keyId AND k.station_id = s.id
            WHERE s.organization_id = :organizationId AND s.id = :stationId
            """)
    Optional<CurrentStation.Header> header(UUID organizationId, UUID stationId, UUID keyId);

    /** Runs counted by their start time, which the runs index covers (upstream counts them by creation). */
    @SqlQuery("""
            SELECT p.id, p.identifier, p.name,
                   (SELECT count(*) FROM runs r
                    WHERE r.procedure_id = p.id AND r.station_id = :stationId AND r.started_at >= :since) AS runs_count
            FROM station_procedures sp
            JOIN procedures p ON p.id = sp.procedure_id
            WHERE sp.station_id = :stationId
            ORDER BY lower(p.name)
            """)
    List<CurrentStation.LinkedProcedure> linkedProcedures(UUID stationId, Instant since);
}
