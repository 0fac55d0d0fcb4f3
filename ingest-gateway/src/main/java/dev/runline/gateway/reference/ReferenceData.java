package dev.runline.gateway.reference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.runline.gateway.GatewayProperties;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cached reads of the reference data behind the gateway's synchronous checks. A change (new procedure,
 * new link, new regex) is seen within {@code runline.gateway.reference-cache-ttl}; a change made through
 * this instance's provisioning routes is seen by this instance at once, because they call the
 * {@code forget...} methods after their transaction committed (other instances still wait for the TTL).
 */
@Component
public class ReferenceData {

    private final ReferenceDao dao;
    private final Cache<Object, Object> cache;

    public ReferenceData(Jdbi jdbi, GatewayProperties properties) {
        this.dao = jdbi.onDemand(ReferenceDao.class);
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.referenceCacheTtl())
                .maximumSize(properties.referenceCacheSize())
                .build();
    }

    private record ProcedureKey(UUID organizationId, UUID procedureId) {}

    private record LinkKey(UUID stationId, UUID procedureId) {}

    private record RegexKey(UUID organizationId) {}

    private record IdentifierKey(UUID organizationId, String foldedIdentifier) {}

    private record MemberKey(UUID organizationId, String foldedEmail) {}

    public Mono<Boolean> procedureExists(UUID organizationId, UUID procedureId) {
        return cached(new ProcedureKey(organizationId, procedureId), () -> dao.procedureExists(organizationId, procedureId));
    }

    /** The procedure a v1 run names by its short identifier (e.g. FVT1), matched case-insensitively. */
    public Mono<Optional<UUID>> procedureByIdentifier(UUID organizationId, String identifier) {
        String folded = identifier.toLowerCase(java.util.Locale.ROOT);
        return cached(new IdentifierKey(organizationId, folded), () -> dao.procedureByIdentifier(organizationId, identifier));
    }

    /** Whether an email names a member of the organization (v1 {@code operated_by}). */
    public Mono<Boolean> memberExists(UUID organizationId, String email) {
        String folded = email.toLowerCase(java.util.Locale.ROOT);
        return cached(new MemberKey(organizationId, folded), () -> dao.memberExists(organizationId, email));
    }

    public Mono<Boolean> stationLinked(UUID stationId, UUID procedureId) {
        return cached(new LinkKey(stationId, procedureId), () -> dao.stationLinked(stationId, procedureId));
    }

    /** The organization's serial -> part number pattern, if it has one. */
    public Mono<Optional<Pattern>> serialPartRegex(UUID organizationId) {
        return cached(new RegexKey(organizationId), () -> dao.serialPartRegex(organizationId).map(Pattern::compile));
    }

    /**
     * After a procedure was created: whether its id exists, and which procedure its identifier names (a v1
     * run may have asked for the identifier before it existed, and that "none" is cached).
     */
    public void forgetProcedure(UUID organizationId, UUID procedureId, String identifier) {
        cache.invalidate(new ProcedureKey(organizationId, procedureId));
        cache.invalidate(new IdentifierKey(organizationId, identifier.toLowerCase(java.util.Locale.ROOT)));
    }

    /** After a station was linked to a procedure or unlinked from it. */
    public void forgetLink(UUID stationId, UUID procedureId) {
        cache.invalidate(new LinkKey(stationId, procedureId));
    }

    /** After a member was added: a v1 run naming their email may have been refused (404) and that cached. */
    public void forgetMember(UUID organizationId, String email) {
        cache.invalidate(new MemberKey(organizationId, email.toLowerCase(java.util.Locale.ROOT)));
    }

    /** After the organization's serial -> part number pattern changed. */
    public void forgetSerialPartRegex(UUID organizationId) {
        cache.invalidate(new RegexKey(organizationId));
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<T> cached(Object key, Callable<T> load) {
        Object hit = cache.getIfPresent(key);
        if (hit != null) {
            return Mono.just((T) hit);
        }
        // JDBC blocks: keep it off the event loop.
        return Mono.fromCallable(() -> (T) cache.get(key, ignored -> call(load)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Object call(Callable<?> load) {
        try {
            return load.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
