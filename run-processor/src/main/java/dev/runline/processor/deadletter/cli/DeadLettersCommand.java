package dev.runline.processor.deadletter.cli;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetterDao;
import dev.runline.schemas.cli.CliErrors;
import dev.runline.schemas.cli.CliLogging;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code dead-letters}: the operations tool for what the processor could not store. Lists and shows dead
 * letters, replays them to the topic they came from or discards them, each recorded in an audit trail.
 * Runs without a Spring context (a plain Jdbi, one connection), so that it starts in a second.
 */
@Command(name = DeadLettersCommand.NAME, mixinStandardHelpOptions = true, version = "Runline dead-letter tool",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Lists, replays and discards the runs the processor could not store.",
        subcommands = {ListCommand.class, ShowCommand.class, ReplayCommand.class, DiscardCommand.class,
            HistoryCommand.class, StatsCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed or refused, 2 invalid command line."})
public final class DeadLettersCommand implements Callable<Integer>, AutoCloseable {

    public static final String NAME = "dead-letters";

    @Spec
    private CommandSpec spec;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>", scope = ScopeType.INHERIT,
            description = "PostgreSQL JDBC URL (env SPRING_DATASOURCE_URL; default: ${DEFAULT-VALUE}).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "<user>", scope = ScopeType.INHERIT,
            description = "PostgreSQL user (env SPRING_DATASOURCE_USERNAME; default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>", scope = ScopeType.INHERIT,
            description = "PostgreSQL password (env SPRING_DATASOURCE_PASSWORD).")
    String dbPassword;

    @Option(names = "--bootstrap-servers", paramLabel = "<host:port>", scope = ScopeType.INHERIT,
            description = "Kafka brokers, for replay (env SPRING_KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--actor", paramLabel = "<name>", scope = ScopeType.INHERIT,
            description = "Who is acting, recorded in the audit trail (default: ${DEFAULT-VALUE}).")
    String actor;

    private final Operator operator;
    private Handle handle;

    DeadLettersCommand(Operator operator) {
        this.operator = operator;
    }

    /** Runs the tool as a program does: quiet client logs, the terminal as operator; returns the exit code. */
    public static int run(CliDefaults defaults, String... args) {
        CliLogging.quiet();
        return execute(defaults, Operator.console(), args);
    }

    static int execute(CliDefaults defaults, Operator operator, String... args) {
        try (DeadLettersCommand command = new DeadLettersCommand(operator)) {
            return commandLine(command, defaults).execute(args);
        }
    }

    static CommandLine commandLine(DeadLettersCommand command, CliDefaults defaults) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.registerConverter(UUID.class, UUID::fromString);
        commandLine.setDefaultValueProvider(option -> option instanceof CommandLine.Model.OptionSpec o
                ? switch (o.longestName()) {
                    case "--db-url" -> defaults.dbUrl();
                    case "--db-user" -> defaults.dbUser();
                    case "--db-password" -> defaults.dbPassword();
                    case "--bootstrap-servers" -> defaults.bootstrapServers();
                    case "--actor" -> defaults.actor();
                    default -> null;
                }
                : null);
        return CliErrors.install(commandLine);
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }


    Operator operator() {
        return operator;
    }

    String actorName() {
        return actor;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** One connection for the whole command, opened on first use. */
    Handle handle() {
        if (handle == null) {
            Properties properties = new Properties();
            properties.setProperty("user", dbUser);
            properties.setProperty("password", dbPassword);
            // Shows in pg_stat_activity who holds the connection.
            properties.setProperty("ApplicationName", "runline-dead-letters");
            try {
                handle = Jdbi.create(dbUrl, properties).installPlugin(new SqlObjectPlugin()).open();
            } catch (JdbiException e) {
                Throwable reason = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException(
                        "cannot connect to PostgreSQL at " + dbUrl + ": " + reason.getMessage(), e);
            }
        }
        return handle;
    }

    DeadLetterDao dao() {
        return handle().attach(DeadLetterDao.class);
    }

    /** A dead letter by its uuid or the first characters of it, as {@code list} shows them. */
    DeadLetter find(String idOrPrefix) {
        String prefix = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (!prefix.matches("[0-9a-f-]{1,36}")) {
            throw new IllegalArgumentException(
                    "'" + idOrPrefix + "' is not a dead-letter id (a uuid or its first characters)");
        }
        List<UUID> ids = dao().idsStartingWith(prefix);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no dead letter with id " + idOrPrefix);
        }
        if (ids.size() > 1) {
            throw new IllegalArgumentException("more than one dead letter has an id starting with " + idOrPrefix
                    + "; give more characters");
        }
        return dao().findById(ids.getFirst()).orElseThrow();
    }

    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }
}
