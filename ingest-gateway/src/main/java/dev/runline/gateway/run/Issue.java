package dev.runline.gateway.run;

import java.util.AbstractList;
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

    /**
     * {@code path} one step longer, in constant time: readers build a path for every field and element they
     * visit, and almost none of them ever becomes an issue (whose constructor copies it into a plain list).
     */
    public static List<Object> append(List<Object> path, Object step) {
        return new LongerPath(path, step);
    }

    /** An immutable path: its parent's steps, then one more. */
    private static final class LongerPath extends AbstractList<Object> {

        private final List<Object> parent;
        private final Object last;
        private final int size;

        LongerPath(List<Object> parent, Object last) {
            this.parent = parent;
            this.last = last;
            this.size = parent.size() + 1;
        }

        @Override
        public Object get(int index) {
            if (index == size - 1) {
                return last;
            }
            return parent.get(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
