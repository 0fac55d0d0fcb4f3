package dev.runline.gateway.provision.key;

import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.provision.Fields;
import dev.runline.gateway.provision.member.MemberDao;
import dev.runline.gateway.provision.station.StationDao;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/**
 * Creating, listing and revoking API keys. Blocking (JDBC): call off the event loop.
 *
 * <p>A new key works at once (no gateway has looked it up yet, so none has cached it). A revoked key is
 * refused at once by this instance, and by the others once their key caches let go of it: within
 * {@code runline.gateway.reference-cache-ttl} (5 s by default).
 */
@Service
public class Keys {

    private final Jdbi jdbi;
    private final KeyDao keys;
    private final Clock clock;

    private final ApiKeyAuthenticator authenticator;

    public Keys(Jdbi jdbi, Clock clock, ApiKeyAuthenticator authenticator) {
        this.jdbi = jdbi;
        this.keys = jdbi.onDemand(KeyDao.class);
        this.clock = clock;
        this.authenticator = authenticator;
    }

    /** 404 when the user or station named is not the organization's. */
    public CreatedKey create(Caller caller, NewKey request) {
        UUID organizationId = caller.organizationId();
        UUID userId = request.userId() == null && request.stationId() == null ? caller.userId() : request.userId();
        UUID stationId = request.stationId();
        ApiKeySecrets.NewApiKey secret = ApiKeySecrets.generate();
        UUID id = UUID.randomUUID();
        jdbi.useTransaction(handle -> {
            if (userId != null && !handle.attach(MemberDao.class).exists(organizationId, userId)) {
                throw Fields.notFound("Member " + userId + " does not exist", "user_id");
            }
            if (stationId != null && !handle.attach(StationDao.class).exists(organizationId, stationId)) {
                throw Fields.notFound("Station " + stationId + " does not exist", "station_id");
            }
            handle.attach(KeyDao.class).insert(id, organizationId, userId, stationId, request.name(), secret.prefix(),
                    secret.sha256(), request.expiresAt());
        });
        return new CreatedKey(id, secret.secret(), secret.prefix(), request.name(), userId, stationId, request.expiresAt());
    }

    public List<ListedKey> list(Caller caller) {
        return keys.list(caller.organizationId());
    }

    /** Idempotent: a revoked key stays revoked at its first revocation time. 404 for a key not the organization's. */
    public ListedKey revoke(Caller caller, UUID keyId) {
        if (keys.revoke(caller.organizationId(), keyId, clock.instant()) == 1) {
            authenticator.forgetCachedKeys();
        }
        return keys.find(caller.organizationId(), keyId)
                .orElseThrow(() -> Fields.notFound("API key " + keyId + " does not exist", "id"));
    }
}
