package dev.runline.gateway.provision.organization;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The organization row of the caller. */
@RegisterConstructorMapper(Organization.class)
public interface OrganizationDao {

    @SqlQuery("""
            SELECT id, name, serial_part_regex, created_at FROM organizations WHERE id = :organizationId
            """)
    Optional<Organization> find(UUID organizationId);

    @SqlUpdate("""
            UPDATE organizations SET serial_part_regex = :regex WHERE id = :organizationId
            """)
    int setSerialPartRegex(UUID organizationId, String regex);
}
