package dev.runline.gateway.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing wrong with a request, at its JSON path: field names and array indexes from the root,
 * e.g. {@code ["phases", 3, "measurements", 0, "outcome"]}.
 */
public record Issue(List<Object> path, String message) {

    public Issue {
        path = List.copyOf(path);
    }

    /** {@code phases[3].measurements[0].outcome: must be one of ...}, for logs and the summary message. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(step);
            }
        }
        return (text.isEmpty() ? "body" : text) + ": " + message;
    }

    static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(step);
        return longer;
    }
}
