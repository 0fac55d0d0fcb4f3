package dev.runline.processor.deadletter.cli;

import java.io.Console;
import java.util.Locale;

/**
 * The person running the tool, when there is one: asked before anything changes and shown progress. A
 * script, a cron job or a pipe has no operator; changes then need {@code --yes}.
 */
public interface Operator {

    /** Whether someone is at a terminal to answer questions and watch progress. */
    boolean present();

    /** Asks a yes/no question; called only when {@link #present()}. Anything but yes is no. */
    boolean confirms(String question);

    /** The terminal the JVM runs in, if its input and output are a terminal (not redirected). */
    static Operator console() {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        return new Operator() {
            @Override
            public boolean present() {
                return terminal;
            }

            @Override
            public boolean confirms(String question) {
                String answer = console.readLine("%s [y/N] ", question);
                return answer != null && switch (answer.strip().toLowerCase(Locale.ROOT)) {
                    case "y", "yes" -> true;
                    default -> false;
                };
            }
        };
    }
}
