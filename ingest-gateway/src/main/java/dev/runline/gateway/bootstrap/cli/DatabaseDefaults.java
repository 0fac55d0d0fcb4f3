package dev.runline.gateway.bootstrap.cli;

import java.util.Map;

/**
 * Where the bootstrap connects unless the command line says otherwise: the environment variables the
 * services themselves are configured with, so that the command runs in the same container as the gateway.
 */
public record DatabaseDefaults(String dbUrl, String dbUser, String dbPassword) {

    /** The password stays out of logs and error reports. */
    @Override
    public String toString() {
        return "DatabaseDefaults[dbUrl=%s, dbUser=%s]".formatted(dbUrl, dbUser);
    }

    public static DatabaseDefaults fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static DatabaseDefaults fromEnvironment(Map<String, String> environment) {
        return new DatabaseDefaults(
                setting(environment, "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5432/runline"),
                setting(environment, "SPRING_DATASOURCE_USERNAME", "runline"),
                setting(environment, "SPRING_DATASOURCE_PASSWORD", "runline"));
    }

    private static String setting(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
