package dev.runline.local;

import java.nio.file.Path;

/**
 * Where the local mode keeps its data and which ports it uses. Each can be set by a system property
 * ({@code -Drunline.home=...}) or an environment variable ({@code RUNLINE_HOME=...}). The broker and the
 * database use uncommon ports so that they do not collide with installed services.
 */
record LocalSettings(Path home, int gatewayPort, int processorPort, int kafkaPort, int kafkaControllerPort,
        int postgresPort, int objectStorePort) {

    static LocalSettings fromEnvironment() {
        return new LocalSettings(
                Path.of(setting("runline.home", ".runline")),
                Integer.parseInt(setting("runline.gateway.port", "8080")),
                Integer.parseInt(setting("runline.processor.port", "8081")),
                Integer.parseInt(setting("runline.kafka.port", "19092")),
                Integer.parseInt(setting("runline.kafka.controller-port", "19093")),
                Integer.parseInt(setting("runline.postgres.port", "15432")),
                Integer.parseInt(setting("runline.object-store.port", "19000")));
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
