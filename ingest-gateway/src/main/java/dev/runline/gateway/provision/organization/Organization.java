package dev.runline.gateway.provision.organization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The caller's organization and its settings. */
public record Organization(UUID id, String name, @JsonProperty("serial_part_regex") String serialPartRegex,
        @JsonProperty("created_at") Instant createdAt) {}
