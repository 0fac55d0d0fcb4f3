package dev.runline.gateway.http;

import dev.runline.gateway.GatewayProperties;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every failure of an API route into the contract's error body. Expected failures are one log
 * line without a stack trace; only a bug gives a 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final GatewayProperties gateway;

    public ApiExceptionHandler(GatewayProperties gateway) {
        this.gateway = gateway;
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ErrorBody> api(ApiException e, ServerWebExchange exchange) {
        // A client ignoring 429s would turn a line per request into a flood of logs: the rate limiter logs
        // one line per key and minute instead (event=rate_limited).
        if (e.code() != ErrorCode.TOO_MANY_REQUESTS) {
            log.info("event=request_rejected path={} code={} message=\"{}\"",
                    exchange.getRequest().getPath(), e.code(), e.getMessage());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return body(response, exchange, e.code(), e.getMessage(), e);
    }

    /**
     * The database being away is a 503 the station retries; a value the database refuses (SQLSTATE class 22: a
     * character or a number it cannot hold) is the caller's 400 and a unique key taken meanwhile a 409, should a
     * route's own checks have let one through; any other database error is a bug (500).
     */
    @ExceptionHandler(JdbiException.class)
    public ResponseEntity<ErrorBody> database(JdbiException e, ServerWebExchange exchange) {
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            return api(new ApiException(ErrorCode.BAD_REQUEST,
                    "A value of the request cannot be stored (SQLSTATE " + state + "); nothing was changed"), exchange);
        }
        if ("23505".equals(state)) {
            return api(new ApiException(ErrorCode.CONFLICT,
                    "The request conflicts with a change made meanwhile; nothing was changed. Read and retry."), exchange);
        }
        if (!databaseUnavailable(e)) {
            return other(e, exchange);
        }
        log.warn("event=reference_data_unavailable path={} error=\"{}\"", exchange.getRequest().getPath(), e.toString());
        return api(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "Reference data is unavailable; nothing was accepted. Retry later.", List.of(),
                gateway.retryAfter()), exchange);
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorBody> other(Exception e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return api(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than this gateway accepts (runline.gateway.max-body-size)"), exchange);
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().value() < 500) {
            ErrorCode code = ErrorCode.forStatus(spring.getStatusCode().value());
            String message = spring.getBody().getDetail() != null ? spring.getBody().getDetail() : code.name();
            log.info("event=request_rejected path={} code={} message=\"{}\"", exchange.getRequest().getPath(), code, message);
            return body(ResponseEntity.status(spring.getStatusCode()), exchange, code, message, null);
        }
        log.error("event=request_failed path={}", exchange.getRequest().getPath(), e);
        return body(ResponseEntity.internalServerError(), exchange, ErrorCode.INTERNAL_SERVER_ERROR,
                "Internal error; the run was not accepted", null);
    }

    private static ResponseEntity<ErrorBody> body(ResponseEntity.BodyBuilder response, ServerWebExchange exchange,
            ErrorCode code, String message, ApiException e) {
        boolean legacy = exchange.getRequest().getPath().value().contains("/v1/");
        // The legacy v1 client ignores error bodies whose content type carries a charset.
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(code, message, e == null ? List.of() : e.issues(), legacy));
    }

    private static boolean databaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.jdbi.v3.core.ConnectionException || t instanceof java.sql.SQLTransientException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // connection, resources, statement timeout, shutdown, read-only standby
                if (state.startsWith("08") || state.startsWith("53") || state.equals("57014") || state.startsWith("57P")
                        || state.equals("25006")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
