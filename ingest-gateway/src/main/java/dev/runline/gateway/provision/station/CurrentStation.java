package dev.runline.gateway.provision.station;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code GET /api/v2/stations/current} in upstream's shape, so that its v2 client reads it: the station,
 * the prefix of the key asking, and its linked procedures with the runs it created for each over the last
 * seven days. Runline has no live connection status nor teams: those are null.
 */
public record CurrentStation(
        UUID id,
        String name,
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("organization_slug") String organizationSlug,
        @JsonProperty("connection_status") String connectionStatus,
        Object team,
        List<LinkedProcedure> procedures) {

    public record LinkedProcedure(UUID id, String identifier, String name, @JsonProperty("runs_count") long runsCount) {}

    /** The station's row with what the answer needs from its organization and the calling key. */
    public record Header(UUID id, String name, String organizationName, String keyPrefix) {}

    static CurrentStation of(Header header, List<LinkedProcedure> procedures) {
        return new CurrentStation(header.id(), header.name(), header.keyPrefix(), slug(header.organizationName()),
                null, null, procedures);
    }

    /** Runline organizations have a name, not a slug: {@code Acme Robotics GmbH} gives {@code acme-robotics-gmbh}. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "organization" : slug;
    }
}
