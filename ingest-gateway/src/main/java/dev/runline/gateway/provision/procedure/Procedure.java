package dev.runline.gateway.provision.procedure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A procedure as listed. */
public record Procedure(UUID id, String identifier, String name, @JsonProperty("created_at") Instant createdAt) {}
