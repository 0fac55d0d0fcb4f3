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
 * new link, new regex) is seen within {@code runline.gateway.reference-cache-ttl}.
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
