package dev.runline.gateway.provision;

import static dev.runline.gateway.provision.ProvisioningAuthorizationMatrixTest.Scope.OTHER;
import static dev.runline.gateway.provision.ProvisioningAuthorizationMatrixTest.Scope.OWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.attachment.ObjectStore;
import dev.runline.gateway.attachment.UploadSigner;
import dev.runline.gateway.auth.Permissions.KeyKind;
import dev.runline.gateway.testing.RunBody;
import dev.runline.gateway.testing.RunningProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Every kind of key (admin, member and viewer user keys, station key) against every API route, with
 * objects of the caller's organization (own) and of another organization (other), each answered with one
 * exact status. Another organization's objects are 404 wherever a key may otherwise act, never 403, and
 * never appear in a list. The expected statuses are written out here, not computed from
 * {@code Permissions}, so that a change to the table must be made twice, on purpose.
 */
class ProvisioningAuthorizationMatrixTest extends ProvisioningIntegrationTest {

    enum Scope { OWN, OTHER }

    private static final List<KeyKind> KEY_KINDS = List.of(KeyKind.ADMIN, KeyKind.MEMBER, KeyKind.VIEWER, KeyKind.STATION);

    private final KeyedTenant own = KeyedTenant.create(DATABASE);
    private final KeyedTenant other = KeyedTenant.create(DATABASE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** The edit routes answer once the processor applied the edit. */
    private RunningProcessor processor;

    @BeforeAll
    void startProcessor() {
        processor = RunningProcessor.start(broker.getBrokersAsString(), DATABASE);
    }

    @AfterAll
    void stopProcessor() {
        processor.close();
    }

    /** Set once the context is up; the rows' setups run later, inside the tests. */
    private static FileFixtures files;

    @Autowired
    void files(ObjectStore store) {
        useFiles(store);
    }

    /** For another test that builds these rows' requests ({@link EveryRouteFuzzTest}). */
    static void useFiles(ObjectStore store) {
        files = new FileFixtures(store);
    }

    /**
     * What to send, built fresh for each case (a unique name, a new member to re-role, a new key to revoke).
     *
     * @param listed id that must appear in a 200 answer (own objects in lists), or null
     * @param hidden id that must not appear in any answer (the other organization's objects), or null
     */
    record Request(String path, String body, String listed, String hidden) {
        static Request of(String path, String body) {
            return new Request(path, body, null, null);
        }
    }

    @FunctionalInterface
    interface Setup {
        Request build(KeyedTenant own, KeyedTenant other);
    }

    /** One route and scope, and the status each key kind gets (admin, member, viewer, station). */
    record Row(String route, Scope scope, int admin, int member, int viewer, int station, Setup setup) {

        HttpMethod method() {
            return HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
        }

        int expected(KeyKind kind) {
            return switch (kind) {
                case ADMIN -> admin;
                case MEMBER -> member;
                case VIEWER -> viewer;
                case STATION -> station;
                case UNKNOWN_ROLE -> throw new IllegalArgumentException();
            };
        }
    }

    record Case(Row row, KeyKind kind) {
        @Override
        public String toString() {
            return "[" + kind.name().toLowerCase() + "] " + row.route() + " (" + row.scope().name().toLowerCase()
                    + " organization) -> " + row.expected(kind);
        }
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID();
    }

    private static String link(UUID station, UUID procedure) {
        return "/api/v2/stations/" + station + "/procedures/" + procedure;
    }

    static final String LINK = "/api/v2/stations/{id}/procedures/{procedureId}";

    static final String UNIT = "/api/v2/units/{serial_number}";
    static final String CHILDREN = UNIT + "/children";

    private static String unit(UUID run) {
        return "/api/v2/units/" + KeyedTenant.serialOf(run);
    }

    private static String child(UUID run) {
        return "{\"child_serial_number\": \"" + KeyedTenant.serialOf(run) + "\"}";
    }

    /** The request removing a sub-unit of the tenant's, linked as the processor links it. */
    private static Request linkedChild(KeyedTenant tenant) {
        String parent = KeyedTenant.serialOf(tenant.storedRun());
        String child = KeyedTenant.serialOf(tenant.storedRun());
        tenant.tenant.execute("""
                UPDATE units SET parent_unit_id = (SELECT id FROM units WHERE serial_number = ?) WHERE serial_number = ?
                """, parent, child);
        return Request.of("/api/v2/units/" + parent + "/children?child_serial_number=" + child, null);
    }

    static List<Row> rows() {
        return List.of(
                // Procedures: a name taken in another organization is free in this one.
                new Row("POST /api/v2/procedures", OWN, 200, 200, 403, 403,
                        (own, other) -> Request.of("/api/v2/procedures", "{\"name\": \"" + unique("Procedure") + "\"}")),
                new Row("POST /api/v2/procedures", OTHER, 200, 200, 403, 403,
                        (own, other) -> Request.of("/api/v2/procedures",
                                "{\"name\": \"Procedure " + other.newProcedure() + "\"}")),
                new Row("GET /api/v2/procedures", OWN, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/procedures", null, own.tenant.procedureId.toString(), null)),
                new Row("GET /api/v2/procedures", OTHER, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/procedures", null, null, other.tenant.procedureId.toString())),

                // Stations.
                new Row("POST /api/v2/stations", OWN, 200, 200, 403, 403,
                        (own, other) -> Request.of("/api/v2/stations", "{\"name\": \"" + unique("Station")
                                + "\", \"procedure_id\": \"" + own.tenant.procedureId + "\"}")),
                new Row("POST /api/v2/stations", OTHER, 404, 404, 403, 403,
                        (own, other) -> new Request("/api/v2/stations", "{\"name\": \"" + unique("Station")
                                + "\", \"procedure_id\": \"" + other.tenant.procedureId + "\"}", null, null)),
                new Row("GET /api/v2/stations", OWN, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/stations", null, own.tenant.stationId.toString(), null)),
                new Row("GET /api/v2/stations", OTHER, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/stations", null, null, other.tenant.stationId.toString())),
                new Row("GET /api/v2/stations/current", OWN, 403, 403, 403, 200,
                        (own, other) -> new Request("/api/v2/stations/current", null, own.tenant.stationId.toString(),
                                other.tenant.stationId.toString())),
                new Row("PUT " + LINK, OWN, 200, 200, 403, 403,
                        (own, other) -> Request.of(link(own.newStation(), own.newProcedure()), null)),
                new Row("PUT " + LINK, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(link(other.newStation(), own.tenant.procedureId), null)),
                new Row("PUT " + LINK, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(link(own.newStation(), other.newProcedure()), null)),
                new Row("DELETE " + LINK, OWN, 200, 200, 403, 403,
                        (own, other) -> Request.of(link(own.tenant.stationId, own.newProcedure()), null)),
                new Row("DELETE " + LINK, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(link(other.tenant.stationId, other.tenant.procedureId), null)),
                new Row("DELETE " + LINK, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(link(own.tenant.stationId, other.tenant.procedureId), null)),

                // Members: an email of another organization's member is free in this one.
                new Row("POST /api/v2/members", OWN, 200, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/members",
                                "{\"email\": \"" + UUID.randomUUID() + "@example.com\", \"role\": \"viewer\"}")),
                new Row("POST /api/v2/members", OTHER, 200, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/members",
                                "{\"email\": \"m-" + other.newMember("member") + "@example.com\", \"role\": \"viewer\"}")),
                new Row("GET /api/v2/members", OWN, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/members", null, own.memberId.toString(), null)),
                new Row("GET /api/v2/members", OTHER, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/members", null, null, other.memberId.toString())),
                new Row("GET /api/v2/users", OWN, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/users", null, own.memberId.toString(), null)),
                new Row("GET /api/v2/users", OTHER, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/users", null, null, other.memberId.toString())),
                new Row("PATCH /api/v2/members/{id}", OWN, 200, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/members/" + own.newMember("viewer"), "{\"role\": \"member\"}")),
                new Row("PATCH /api/v2/members/{id}", OTHER, 404, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/members/" + other.newMember("viewer"), "{\"role\": \"member\"}")),

                // API keys: admin only, and only for owners of the organization.
                new Row("POST /api/v2/keys", OWN, 200, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/keys",
                                "{\"name\": \"k\", \"user_id\": \"" + own.memberId + "\"}")),
                new Row("POST /api/v2/keys", OTHER, 404, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/keys",
                                "{\"name\": \"k\", \"user_id\": \"" + other.memberId + "\"}")),
                new Row("POST /api/v2/keys", OWN, 200, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/keys",
                                "{\"name\": \"k\", \"station_id\": \"" + own.tenant.stationId + "\"}")),
                new Row("POST /api/v2/keys", OTHER, 404, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/keys",
                                "{\"name\": \"k\", \"station_id\": \"" + other.tenant.stationId + "\"}")),
                new Row("GET /api/v2/keys", OWN, 200, 403, 403, 403,
                        (own, other) -> new Request("/api/v2/keys", null, own.spareKey().toString(), null)),
                new Row("GET /api/v2/keys", OTHER, 200, 403, 403, 403,
                        (own, other) -> new Request("/api/v2/keys", null, null, other.spareKey().toString())),
                new Row("POST /api/v2/keys/{id}/revoke", OWN, 200, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/keys/" + own.spareKey() + "/revoke", null)),
                new Row("POST /api/v2/keys/{id}/revoke", OTHER, 404, 403, 403, 403,
                        (own, other) -> Request.of("/api/v2/keys/" + other.spareKey() + "/revoke", null)),

                // The organization: read by users, changed by admins; always the caller's own.
                new Row("GET /api/v2/organization", OWN, 200, 200, 200, 403,
                        (own, other) -> new Request("/api/v2/organization", null, own.tenant.organizationId.toString(),
                                other.tenant.organizationId.toString())),
                new Row("PATCH /api/v2/organization", OWN, 200, 403, 403, 403,
                        (own, other) -> new Request("/api/v2/organization", "{\"serial_part_regex\": \"^([A-Z]+)-\"}",
                                own.tenant.organizationId.toString(), other.tenant.organizationId.toString())),

                // Runs: another organization's procedure does not exist (404, also for a station key).
                new Row("POST /api/v2/runs", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v2/runs", RunBody.v2(own.tenant.procedureId).toJson())),
                new Row("POST /api/v2/runs", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v2/runs", RunBody.v2(other.tenant.procedureId).toJson())),
                new Row("POST /api/v1/runs", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v1/runs", RunBody.v1("FVT1", own.tenant.adminEmail).toJson())),
                new Row("POST /api/v1/runs", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v1/runs",
                                RunBody.v1(other.newProcedure().toString(), own.tenant.adminEmail).toJson())),
                new Row("GET /api/v2/runs/{id}", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of("/api/v2/runs/" + own.storedRun(), null)),
                new Row("GET /api/v2/runs/{id}", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of("/api/v2/runs/" + other.storedRun(), null)),
                new Row("GET /api/v2/runs/{id}/status", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of("/api/v2/runs/" + own.storedRun() + "/status", null)),
                new Row("GET /api/v2/runs/{id}/status", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of("/api/v2/runs/" + other.storedRun() + "/status", null)),
                // Lists of runs: another organization's runs never appear, even asked for by id.
                new Row("GET /api/v2/runs", OWN, 200, 200, 200, 200,
                        (own, other) -> {
                            UUID run = own.storedRun();
                            return new Request("/api/v2/runs?ids=" + run, null, run.toString(), null);
                        }),
                new Row("GET /api/v2/runs", OTHER, 200, 200, 200, 200,
                        (own, other) -> {
                            UUID run = other.storedRun();
                            return new Request("/api/v2/runs?ids=" + run, null, null, run.toString());
                        }),
                // A unit's runs: another organization's unit of the same serial is never listed.
                new Row("GET /api/v1/runs", OWN, 200, 200, 200, 200,
                        (own, other) -> {
                            UUID run = own.storedRun();
                            return new Request("/api/v1/runs?serial_number=" + KeyedTenant.serialOf(run), null, run.toString(), null);
                        }),
                new Row("GET /api/v1/runs", OTHER, 200, 200, 200, 200,
                        (own, other) -> {
                            UUID run = other.storedRun();
                            return new Request("/api/v1/runs?serial_number=" + KeyedTenant.serialOf(run), null, null, run.toString());
                        }),

                // Units: read as runs are, by every key of the organization; another organization's unit is unknown.
                new Row("GET /api/v2/units/{serial_number}", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of("/api/v2/units/" + KeyedTenant.serialOf(own.storedRun()), null)),
                new Row("GET /api/v2/units/{serial_number}", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of("/api/v2/units/" + KeyedTenant.serialOf(other.storedRun()), null)),
                new Row("GET /api/v2/units", OWN, 200, 200, 200, 200,
                        (own, other) -> {
                            String serial = KeyedTenant.serialOf(own.storedRun());
                            return new Request("/api/v2/units?serial_numbers=" + serial, null, serial, null);
                        }),
                new Row("GET /api/v2/units", OTHER, 200, 200, 200, 200,
                        (own, other) -> {
                            String serial = KeyedTenant.serialOf(other.storedRun());
                            return new Request("/api/v2/units?serial_numbers=" + serial, null, null, serial);
                        }),

                // Files: keys that create runs upload, link and import; keys that read runs read files.
                new Row("POST /api/v1/uploads/initialize", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v1/uploads/initialize", "{\"name\": \"scope.csv\"}")),
                new Row("POST /api/v2/attachments", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v2/attachments", "{\"name\": \"scope.csv\"}")),
                new Row("DELETE /api/v2/attachments", OWN, 200, 200, 403, 200,
                        (own, other) -> new Request("/api/v2/attachments?ids=" + files.storedUpload(own), null, null, null)),
                new Row("DELETE /api/v2/attachments", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v2/attachments?ids=" + files.storedUpload(other), null)),

                // Edits of what is stored: users who test, never a viewer or a station; answered once applied.
                new Row("DELETE /api/v2/runs", OWN, 200, 200, 403, 403, (own, other) -> {
                    UUID run = own.storedRun();
                    return new Request("/api/v2/runs?ids=" + run, null, run.toString(), null);
                }),
                new Row("DELETE /api/v2/runs", OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of("/api/v2/runs?ids=" + other.storedRun(), null)),
                new Row("PATCH " + UNIT, OWN, 200, 200, 403, 403,
                        (own, other) -> Request.of(unit(own.storedRun()), "{\"revision_number\": \"B\"}")),
                new Row("PATCH " + UNIT, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(unit(other.storedRun()), "{\"revision_number\": \"B\"}")),
                new Row("PUT " + CHILDREN, OWN, 200, 200, 403, 403,
                        (own, other) -> Request.of(unit(own.storedRun()) + "/children", child(own.storedRun()))),
                new Row("PUT " + CHILDREN, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(unit(other.storedRun()) + "/children", child(other.storedRun()))),
                new Row("PUT " + CHILDREN, OTHER, 404, 404, 403, 403,
                        (own, other) -> Request.of(unit(own.storedRun()) + "/children", child(other.storedRun()))),
                new Row("DELETE " + CHILDREN, OWN, 200, 200, 403, 403, (own, other) -> linkedChild(own)),
                new Row("DELETE " + CHILDREN, OTHER, 404, 404, 403, 403, (own, other) -> linkedChild(other)),
                new Row("POST /api/v2/attachments/{id}/finalize", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v2/attachments/" + files.storedUpload(own) + "/finalize", null)),
                new Row("POST /api/v2/attachments/{id}/finalize", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v2/attachments/" + files.storedUpload(other) + "/finalize", null)),
                new Row("POST /api/v1/uploads/sync", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v1/uploads/sync", "{\"upload_id\": \"" + files.storedUpload(own)
                                + "\", \"run_id\": \"" + own.storedRun() + "\"}")),
                new Row("POST /api/v1/uploads/sync", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v1/uploads/sync", "{\"upload_id\": \"" + files.storedUpload(own)
                                + "\", \"run_id\": \"" + other.storedRun() + "\"}")),
                new Row("POST /api/v1/uploads/sync", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v1/uploads/sync", "{\"upload_id\": \"" + files.storedUpload(other)
                                + "\", \"run_id\": \"" + own.storedRun() + "\"}")),
                new Row("PATCH /api/v2/runs/{id}", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v2/runs/" + own.storedRun(),
                                "{\"attachments\": [\"" + files.storedUpload(own) + "\"]}")),
                new Row("PATCH /api/v2/runs/{id}", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v2/runs/" + other.storedRun(),
                                "{\"attachments\": [\"" + files.storedUpload(own) + "\"]}")),
                new Row("POST /api/v1/import", OWN, 200, 200, 403, 200,
                        (own, other) -> Request.of("/api/v1/import",
                                "{\"upload_id\": \"" + files.storedRecord(own) + "\", \"importer\": \"OPENHTF\"}")),
                new Row("POST /api/v1/import", OTHER, 404, 404, 403, 404,
                        (own, other) -> Request.of("/api/v1/import",
                                "{\"upload_id\": \"" + files.storedRecord(other) + "\", \"importer\": \"OPENHTF\"}")),
                new Row("GET /api/v2/attachments/{id}", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of("/api/v2/attachments/" + files.storedUpload(own), null)),
                new Row("GET /api/v2/attachments/{id}", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of("/api/v2/attachments/" + files.storedUpload(other), null)),
                new Row("GET /api/v2/attachments/{id}/download", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of("/api/v2/attachments/" + files.storedUpload(own) + "/download", null)),
                new Row("GET /api/v2/attachments/{id}/download", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of("/api/v2/attachments/" + files.storedUpload(other) + "/download", null)),
                new Row("GET /api/v2/runs/{id}/attachments", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of("/api/v2/runs/" + own.storedRun() + "/attachments", null)),
                new Row("GET /api/v2/runs/{id}/attachments", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of("/api/v2/runs/" + other.storedRun() + "/attachments", null)),
                // The file URLs need no key (whatever key is sent is ignored): the signature decides.
                new Row("PUT /api/files/{id}", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of(files.fileUrl(UploadSigner.Purpose.PUT, files.initializedUpload(own),
                                own.tenant.organizationId), "{}")),
                new Row("PUT /api/files/{id}", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of(files.fileUrl(UploadSigner.Purpose.PUT, files.initializedUpload(other),
                                own.tenant.organizationId), "{}")),
                new Row("GET /api/files/{id}", OWN, 200, 200, 200, 200,
                        (own, other) -> Request.of(files.fileUrl(UploadSigner.Purpose.GET, files.storedUpload(own),
                                own.tenant.organizationId), null)),
                new Row("GET /api/files/{id}", OTHER, 404, 404, 404, 404,
                        (own, other) -> Request.of(files.fileUrl(UploadSigner.Purpose.GET, files.storedUpload(other),
                                own.tenant.organizationId), null)));
    }

    static Stream<Case> matrix() {
        List<Case> cases = new ArrayList<>();
        for (Row row : rows()) {
            for (KeyKind kind : KEY_KINDS) {
                cases.add(new Case(row, kind));
            }
        }
        System.out.println("event=authorization_matrix rows=" + rows().size() + " key_kinds=" + KEY_KINDS.size()
                + " cases=" + cases.size());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyKeyKindGetsItsStatusOnEveryRoute(Case matrixCase) {
        Request request = matrixCase.row().setup().build(own, other);

        EntityExchangeResult<String> answer = call(matrixCase.row().method(), request.path(), own.key(matrixCase.kind()),
                request.body()).expectBody(String.class).returnResult();

        assertThat(answer.getStatus().value()).as(matrixCase + ": " + answer.getResponseBody())
                .isEqualTo(matrixCase.row().expected(matrixCase.kind()));
        String body = String.valueOf(answer.getResponseBody());
        if (answer.getStatus().is2xxSuccessful() && request.listed() != null) {
            assertThat(body).as("own object in the answer").contains(request.listed());
        }
        if (request.hidden() != null) {
            assertThat(body).as("another organization's object never appears").doesNotContain(request.hidden());
        }
    }

    /** Each route answers on its unprefixed alias exactly as on {@code /api}, for a key that may use it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("aliases")
    void unprefixedAliasAnswersAsTheApiRoute(Case matrixCase) {
        Request request = matrixCase.row().setup().build(own, other);

        int status = call(matrixCase.row().method(), request.path().substring("/api".length()), own.key(matrixCase.kind()),
                request.body()).returnResult(String.class).getStatus().value();

        assertThat(status).as(matrixCase.toString()).isEqualTo(matrixCase.row().expected(matrixCase.kind()));
    }

    static Stream<Case> aliases() {
        return rows().stream().filter(row -> row.scope() == OWN).map(row -> new Case(row,
                KEY_KINDS.stream().filter(kind -> row.expected(kind) == 200).findFirst().orElseThrow()));
    }

    /** A route added without its rows here fails this test; so does a route without its unprefixed alias. */
    @Test
    void matrixCoversEveryApiRouteAndEveryRouteHasItsAlias() {
        Set<String> served = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().forEach(method ->
                info.getPatternsCondition().getPatterns().forEach(pattern -> {
                    all.add(method.name() + " " + pattern.getPatternString());
                    if (pattern.getPatternString().startsWith("/api/")) {
                        served.add(method.name() + " " + pattern.getPatternString());
                    }
                })));
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.route()));

        assertThat(covered).isEqualTo(served);
        for (String route : served) {
            assertThat(all).as("alias of " + route).contains(route.replace(" /api/", " /"));
        }
    }
}
