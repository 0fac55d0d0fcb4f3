package dev.runline.gateway.http;

import dev.runline.gateway.run.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses, before any route sees it, a request whose path or query carries a control character once decoded
 * ({@code %00}, {@code %0D}, …): no serial, id, name or filter of the API may contain one, PostgreSQL cannot
 * store NUL, and the others would end up in log lines and lists. Every route is covered at once, rather than
 * each remembering to check; the answer is the contract's 400 with the offending parameter's path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestTextFilter implements WebFilter {

    private final ObjectMapper json;

    public RequestTextFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<Issue> issues = issues(exchange.getRequest());
        if (issues.isEmpty()) {
            return chain.filter(exchange);
        }
        ApiException refused = ApiException.badRequest(issues, issues.size());
        boolean legacy = exchange.getRequest().getPath().value().contains("/v1/");
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(ErrorCode.BAD_REQUEST.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = json.writeValueAsBytes(ErrorBody.of(ErrorCode.BAD_REQUEST, refused.getMessage(), issues, legacy));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static List<Issue> issues(ServerHttpRequest request) {
        List<Issue> issues = new ArrayList<>();
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment && hasControl(segment.valueToMatch())) {
                issues.add(new Issue(List.of("path"), "must not contain control characters (" + visible(segment.valueToMatch())
                        + ")"));
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getQueryParams().entrySet()) {
            String name = parameter.getKey();
            if (hasControl(name)) {
                issues.add(new Issue(List.of("query", visible(name)), "a parameter name must not contain control characters"));
            }
            for (String value : parameter.getValue()) {
                if (value != null && hasControl(value)) {
                    issues.add(new Issue(List.of(visible(name)), "must not contain control characters"));
                }
            }
        }
        return issues;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The text with its controls written as {@code \\uXXXX}, so that an answer or a log line shows them. */
    static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }
}
