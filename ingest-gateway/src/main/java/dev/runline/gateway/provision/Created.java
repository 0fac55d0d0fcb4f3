package dev.runline.gateway.provision;

import java.util.UUID;

/** The upstream answer to a create: {@code 200 {"id": ...}}. */
public record Created(UUID id) {}
