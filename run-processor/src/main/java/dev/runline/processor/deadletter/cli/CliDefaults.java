package dev.runline.processor.deadletter.cli;

import java.util.Map;

/**
 * Where the dead-letter tool connects and whom it records as the actor, unless the command line says
 * otherwise. The service reads them from the environment the processor itself is configured with; the local
 * mode passes its own ports.
 *
 * @param actor recorded in the audit trail of every replay and discard
 */
public record CliDefaults(String dbUrl, String dbUser, String dbPassword, String bootstrapServers, String actor) {

    /** The password stays out of logs and error reports. */
    @Override
    public String toString() {
        return "CliDefaults[dbUrl=%s, dbUser=%s, bootstrapServers=%s, actor=%s]"
                .formatted(dbUrl, dbUser, bootstrapServers, actor);
    }

    /** The processor's own environment variables, so the tool finds what the deployed processor uses. */
    public static CliDefaults fromEnvironment() {
        return fromEnvironment(System.getenv(), currentUser());
    }

    static CliDefaults fromEnvironment(Map<String, String> environment, String actor) {
        return new CliDefaults(
                setting(environment, "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5432/runline"),
                setting(environment, "SPRING_DATASOURCE_USERNAME", "runline"),
                setting(environment, "SPRING_DATASOURCE_PASSWORD", "runline"),
                setting(environment, "SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                actor);
    }

    /** The operating-system account running the tool: who replayed or discarded, unless --actor says. */
    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    private static String setting(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
