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

    public Mono<Boolean> procedureExists(UUID organizationId, UUID procedureId) {
        return cached(new ProcedureKey(organizationId, procedureId), () -> dao.procedureExists(organizationId, procedureId));
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
