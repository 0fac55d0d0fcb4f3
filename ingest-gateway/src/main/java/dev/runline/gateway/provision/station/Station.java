package dev.runline.gateway.provision.station;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A station as listed, with the procedures it may create runs for. */
public record Station(UUID id, String name, @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("procedure_ids") List<UUID> procedureIds) {}
