package dev.runline.gateway.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.schemas.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a deployment script sees it: exit codes, what goes to standard output, and to standard error. */
class BootstrapCommandTest {

    private static final String DATABASE = TestDatabase.newMigratedDatabase();

    @TempDir
    Path folder;

    private final String organization = "Acme " + UUID.randomUUID().toString().substring(0, 8);

    private record Result(int exitCode, String out, String err) {}

    private Result execute(String database, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = BootstrapCommand.commandLine(
                new DatabaseDefaults(database, TestDatabase.USER, TestDatabase.PASSWORD));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(options);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Result bootstrap(String... extraOptions) {
        String[] options = {"--organization", organization, "--admin-email", "ops@acme.example",
            "--key-name", "deploy", "--key-file", folder.resolve("admin-key").toString()};
        String[] all = Arrays.copyOf(options, options.length + extraOptions.length);
        System.arraycopy(extraOptions, 0, all, options.length, extraOptions.length);
        return execute(DATABASE, all);
    }

    @Test
    void theFirstRunPrintsTheNewKeyOnceAndTheSecondChangesNothing() throws IOException {
        Result first = bootstrap();
        String key = Files.readString(folder.resolve("admin-key")).strip();

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("organization \"" + organization + "\": created", "admin ops@acme.example: created",
                "API key \"deploy\" (" + key.substring(0, 11) + "): created", key);

        Result second = bootstrap();

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains(": exists", "still works, nothing changed").doesNotContain(key);
        assertThat(Files.readString(folder.resolve("admin-key")).strip()).isEqualTo(key);
    }

    @Test
    void printKeyOnlyPrintsJustTheWorkingKeyEveryTime() throws IOException {
        Result first = bootstrap("--print-key-only");
        Result second = bootstrap("--print-key-only");

        String key = Files.readString(folder.resolve("admin-key")).strip();
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(key + System.lineSeparator());
        assertThat(first.err()).contains("created");
        assertThat(second.out()).isEqualTo(key + System.lineSeparator());
        assertThat(second.err()).contains("nothing changed");
    }

    @Test
    void aDatabaseWithoutTheSchemaFailsWithExitCodeOneAndSaysWhatToDo() {
        Result result = execute(TestDatabase.newEmptyDatabase(), "--organization", organization,
                "--admin-email", "ops@acme.example", "--key-file", folder.resolve("admin-key").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: the Runline tables are missing").contains("start the run processor once");
        assertThat(result.out()).isEmpty();
        assertThat(folder.resolve("admin-key")).doesNotExist();
    }

    @Test
    void anUnreachableDatabaseFailsWithExitCodeOne() {
        Result result = execute("jdbc:postgresql://127.0.0.1:1/runline?connectTimeout=2", "--organization", organization,
                "--admin-email", "ops@acme.example", "--key-file", folder.resolve("admin-key").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/");
    }

    @Test
    void aMissingOptionIsAnInvalidCommandLine() {
        Result result = execute(DATABASE, "--organization", organization, "--key-file", folder.resolve("k").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--admin-email").contains("See 'bootstrap --help'");
    }

    @Test
    void theDatabaseDefaultsComeFromTheServicesEnvironment() {
        DatabaseDefaults defaults = DatabaseDefaults.fromEnvironment(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/runline", "SPRING_DATASOURCE_PASSWORD", "s3cret"));

        assertThat(defaults).isEqualTo(new DatabaseDefaults("jdbc:postgresql://db:5432/runline", "runline", "s3cret"));
        assertThat(defaults.toString()).doesNotContain("s3cret");
    }
}
