package dev.runline.gateway.provision.member;

import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.reference.ReferenceData;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/**
 * An organization's members. Blocking (JDBC): call off the event loop. A role change reaches the keys of
 * that user at once on this instance, and on the others within {@code runline.gateway.reference-cache-ttl}:
 * their key caches hold the role they read.
 */
@Service
public class Members {

    private final Jdbi jdbi;
    private final MemberDao members;
    private final ReferenceData reference;

    private final ApiKeyAuthenticator authenticator;

    public Members(Jdbi jdbi, ReferenceData reference, ApiKeyAuthenticator authenticator) {
        this.jdbi = jdbi;
        this.members = jdbi.onDemand(MemberDao.class);
        this.reference = reference;
        this.authenticator = authenticator;
    }

    /** 409 when the email is already a member's. */
    public Member create(Caller caller, MemberRequests.NewMember request) {
        UUID id = UUID.randomUUID();
        if (members.insert(id, caller.organizationId(), request.email(), request.name(), request.role()) == 0) {
            throw Fields.conflict("A member with the email " + request.email() + " already exists", "email");
        }
        reference.forgetMember(caller.organizationId(), request.email());
        return members.find(caller.organizationId(), id).orElseThrow();
    }

    public List<Member> list(Caller caller) {
        return members.list(caller.organizationId());
    }

    /**
     * {@code GET /api/v2/users}: every member, oldest first, or with {@code current} only the calling key's
     * user. Not paginated, like {@code /members}: the v2 client reads a plain array.
     */
    public List<ListedUser> users(Caller caller, boolean current) {
        List<Member> listed = current
                ? members.find(caller.organizationId(), caller.userId()).stream().toList()
                : members.list(caller.organizationId());
        return listed.stream().map(ListedUser::of).toList();
    }

    /** 404 for a member not in the organization; 409 when it would leave the organization without an admin. */
    public Member changeRole(Caller caller, UUID memberId, MemberRequests.RoleChange change) {
        UUID organizationId = caller.organizationId();
        Member changed = jdbi.inTransaction(handle -> {
            MemberDao dao = handle.attach(MemberDao.class);
            dao.lockRoles(organizationId);
            if (dao.updateRole(organizationId, memberId, change.role()) == 0) {
                throw Fields.notFound("Member " + memberId + " does not exist", "id");
            }
            if (dao.countAdmins(organizationId) == 0) {
                // Rolled back with the transaction: nobody could manage members or keys any more.
                throw Fields.conflict("The organization must keep at least one admin", "role");
            }
            return dao.find(organizationId, memberId).orElseThrow();
        });
        authenticator.forgetCachedKeys();
        return changed;
    }
}
