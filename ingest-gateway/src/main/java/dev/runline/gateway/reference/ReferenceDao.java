package dev.runline.gateway.reference;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reference data the gateway checks synchronously, always scoped to the caller's organization. */
public interface ReferenceDao {

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM procedures WHERE id = :procedureId AND organization_id = :organizationId)
            """)
    boolean procedureExists(UUID organizationId, UUID procedureId);

    @SqlQuery("""
            SELECT id FROM procedures WHERE organization_id = :organizationId AND lower(identifier) = lower(:identifier)
            """)
    Optional<UUID> procedureByIdentifier(UUID organizationId, String identifier);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM users WHERE organization_id = :organizationId AND lower(email) = lower(:email))
            """)
    boolean memberExists(UUID organizationId, String email);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM station_procedures WHERE station_id = :stationId AND procedure_id = :procedureId)
            """)
    boolean stationLinked(UUID stationId, UUID procedureId);

    @SqlQuery("""
            SELECT serial_part_regex FROM organizations WHERE id = :organizationId
            """)
    Optional<String> serialPartRegex(UUID organizationId);
}
