package dev.runline.gateway.provision.station;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A station as the link and unlink routes answer it, with the procedures it may create runs for. */
public record Station(UUID id, String name, @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("procedure_ids") List<UUID> procedureIds) {}
