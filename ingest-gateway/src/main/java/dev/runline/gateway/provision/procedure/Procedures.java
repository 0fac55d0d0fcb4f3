package dev.runline.gateway.provision.procedure;

import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.provision.ListQuery;
import dev.runline.gateway.provision.Page;
import dev.runline.gateway.reference.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/** Creating and listing an organization's procedures. Blocking (JDBC): call off the event loop. */
@Service
public class Procedures {

    /** Derivation retries only when concurrent creates take the same identifier; a few is plenty. */
    private static final int ATTEMPTS = 5;
    /**
     * Runs listed with each procedure ({@code runs}, "recent runs" in the v2 client): enough for a trend at a
     * glance; upstream does not say how many it answers.
     */
    static final int RECENT_RUNS = 5;

    private final ProcedureDao dao;
    private final ReferenceData reference;

    public Procedures(Jdbi jdbi, ReferenceData reference) {
        this.dao = jdbi.onDemand(ProcedureDao.class);
        this.reference = reference;
    }

    /** 409 when the name (or the identifier sent) is already used in the organization. */
    public UUID create(Caller caller, NewProcedure request) {
        UUID organizationId = caller.organizationId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String identifier = request.identifier() != null ? request.identifier()
                    : ProcedureIdentifiers.derive(request.name(), dao.identifiersStartingWith(organizationId,
                            ProcedureIdentifiers.stem(request.name())));
            UUID id = UUID.randomUUID();
            if (dao.insert(id, organizationId, identifier, request.name()) == 1) {
                reference.forgetProcedure(organizationId, id, identifier);
                return id;
            }
            if (dao.nameTaken(organizationId, request.name())) {
                throw Fields.conflict("A procedure named " + request.name() + " already exists", "name");
            }
            if (request.identifier() != null) {
                throw Fields.conflict("A procedure with identifier " + identifier + " already exists", "identifier");
            }
            // A concurrent create took the identifier just derived: derive again.
        }
        throw new ApiException(ErrorCode.CONFLICT,
                "Could not derive a unique identifier for " + request.name() + "; send one in \"identifier\"");
    }

    /**
     * One page of {@code GET /api/v2/procedures}: the procedures matching the filters, oldest first, each
     * with its {@link #RECENT_RUNS} latest runs (two statements, whatever the page size).
     */
    public Page<ListedProcedure> list(Caller caller, ProcedureFilter filter, ListQuery.Window window) {
        UUID organizationId = caller.organizationId();
        Page<Procedure> page = Page.slice(dao.page(organizationId, filter.search(), filter.createdAfter(),
                filter.createdBefore(), window.limit() + 1, window.offset()), window);
        Map<UUID, List<ListedProcedure.Run>> runs = new HashMap<>();
        if (!page.data().isEmpty()) {
            List<UUID> ids = page.data().stream().map(Procedure::id).toList();
            for (ListedProcedure.RecentRun run : dao.recentRuns(organizationId, ids, RECENT_RUNS)) {
                runs.computeIfAbsent(run.procedureId(), procedure -> new ArrayList<>()).add(run.listed());
            }
        }
        List<ListedProcedure> listed = page.data().stream()
                .map(procedure -> ListedProcedure.of(procedure, runs.getOrDefault(procedure.id(), List.of())))
                .toList();
        return new Page<>(listed, page.meta());
    }
}
