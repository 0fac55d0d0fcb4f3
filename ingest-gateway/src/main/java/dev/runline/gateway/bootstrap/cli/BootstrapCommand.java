package dev.runline.gateway.bootstrap.cli;

import dev.runline.gateway.bootstrap.KeyFile;
import dev.runline.gateway.bootstrap.OrganizationBootstrap;
import dev.runline.schemas.cli.CliErrors;
import dev.runline.schemas.cli.CliLogging;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bootstrap}: the first organization, its first admin and an admin API key, for deployment scripts.
 * The command line only; what is created and when is {@link OrganizationBootstrap}'s. Runs without a Spring
 * context (a plain Jdbi), so that it takes a second, not a gateway's start-up.
 */
@Command(name = BootstrapCommand.NAME, mixinStandardHelpOptions = true, version = "Runline bootstrap",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Creates an organization, its first admin user and an admin API key, or finds that they exist.",
            "Safe to run on every deploy: the organization is matched by name and the admin by email, both "
                    + "case-insensitively; a key is created only when the key file does not hold a key of that "
                    + "admin that still works. The database must be migrated (the run processor does it at start-up)."},
        footer = {"",
            "A new key is written to the key file (owner-only) and printed once: Runline keeps only its hash.",
            "In scripts: KEY=$(java -jar runline-ingest-gateway-exec.jar bootstrap ... --print-key-only)",
            "",
            "Exit codes: 0 done (created or already there), 1 failed or refused, 2 invalid command line."})
public final class BootstrapCommand implements Callable<Integer> {

    public static final String NAME = "bootstrap";

    @Spec
    private CommandSpec spec;

    @Option(names = "--organization", required = true, paramLabel = "<name>",
            description = "The organization's name (matched case-insensitively).")
    String organization;

    @Option(names = "--admin-email", required = true, paramLabel = "<email>",
            description = "The first admin's email (matched case-insensitively); the key acts as this user.")
    String adminEmail;

    @Option(names = "--admin-name", paramLabel = "<name>", description = "The admin's name, if the admin is created.")
    String adminName;

    @Option(names = "--key-name", paramLabel = "<name>", defaultValue = "bootstrap",
            description = "The key's name, if a key is created (default: ${DEFAULT-VALUE}).")
    String keyName;

    @Option(names = "--key-file", required = true, paramLabel = "<path>",
            description = "Where the admin key is kept, readable by its owner only. A working key there is kept.")
    Path keyFile;

    @Option(names = "--print-key-only",
            description = "Print only the admin key (new or kept) on standard output; the report goes to standard error.")
    boolean printKeyOnly;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>",
            description = "PostgreSQL JDBC URL (env SPRING_DATASOURCE_URL; default: ${DEFAULT-VALUE}).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "<user>",
            description = "PostgreSQL user (env SPRING_DATASOURCE_USERNAME; default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>",
            description = "PostgreSQL password (env SPRING_DATASOURCE_PASSWORD).")
    String dbPassword;

    /** Runs the command as a program does: quiet client logs, the console; returns the exit code. */
    public static int run(DatabaseDefaults defaults, String... args) {
        CliLogging.quiet();
        return commandLine(defaults).execute(args);
    }

    static CommandLine commandLine(DatabaseDefaults defaults) {
        CommandLine commandLine = new CommandLine(new BootstrapCommand());
        commandLine.setDefaultValueProvider(option -> option instanceof CommandLine.Model.OptionSpec o
                ? switch (o.longestName()) {
                    case "--db-url" -> defaults.dbUrl();
                    case "--db-user" -> defaults.dbUser();
                    case "--db-password" -> defaults.dbPassword();
                    default -> null;
                }
                : null);
        return CliErrors.install(commandLine);
    }

    @Override
    public Integer call() {
        OrganizationBootstrap.Outcome outcome;
        try {
            outcome = new OrganizationBootstrap(jdbi()).ensure(
                    new OrganizationBootstrap.Request(organization, adminEmail, adminName, keyName), new KeyFile(keyFile));
        } catch (ConnectionException e) {
            Throwable reason = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot connect to PostgreSQL at " + dbUrl + ": " + reason.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter report = printKeyOnly ? spec.commandLine().getErr() : out;
        report.printf("organization \"%s\": %s, id %s%n", organization.strip(),
                outcome.organizationCreated() ? "created" : "exists", outcome.organizationId());
        report.printf("admin %s: %s%n", adminEmail.strip(), outcome.adminCreated() ? "created" : "exists");
        if (outcome.keyCreated()) {
            report.printf("API key \"%s\" (%s): created and saved to %s (owner-only)%n",
                    keyName.strip(), outcome.keyPrefix(), new KeyFile(keyFile).path());
            if (!printKeyOnly) {
                report.println("The new key, shown this once (Runline keeps only its hash):");
            }
        } else {
            report.printf("API key %s in %s: still works, nothing changed%n", outcome.keyPrefix(), new KeyFile(keyFile).path());
        }
        report.flush();
        if (printKeyOnly || outcome.keyCreated()) {
            out.println(outcome.apiKey());
        }
        out.flush();
        return 0;
    }

    private Jdbi jdbi() {
        Properties properties = new Properties();
        properties.setProperty("user", dbUser);
        properties.setProperty("password", dbPassword == null ? "" : dbPassword);
        // Shows in pg_stat_activity who holds the connection.
        properties.setProperty("ApplicationName", "runline-bootstrap");
        return Jdbi.create(dbUrl, properties).installPlugin(new SqlObjectPlugin());
    }

}
