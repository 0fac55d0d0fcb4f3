package dev.runline.gateway.provision.organization;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.reference.ReferenceData;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/** The caller's organization settings. Blocking (JDBC): call off the event loop. */
@Service
public class Organizations {

    private final OrganizationDao organizations;
    private final ReferenceData reference;

    public Organizations(Jdbi jdbi, ReferenceData reference) {
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.reference = reference;
    }

    public Organization get(Caller caller) {
        return organizations.find(caller.organizationId())
                .orElseThrow(() -> Fields.notFound("The organization of this key no longer exists", "organization"));
    }

    public Organization change(Caller caller, OrganizationChange change) {
        if (change.serialPartRegexGiven()) {
            organizations.setSerialPartRegex(caller.organizationId(), change.serialPartRegex());
            reference.forgetSerialPartRegex(caller.organizationId());
        }
        return get(caller);
    }
}
