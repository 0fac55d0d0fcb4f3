package dev.runline.processor.deadletter.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the error stream while an operator watches. Without one (scripts, cron) there is none:
 * its redrawn frames would only clutter a log; the summary line says what happened.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 100;

    private final ProgressBar bar;
    private final PrintWriter err;

    private Progress(ProgressBar bar, PrintWriter err) {
        this.bar = bar;
        this.err = err;
    }

    static Progress of(Operator operator, PrintWriter err, String task, int total) {
        if (!operator.present()) {
            return new Progress(null, err);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                // The command's own error stream (not System.err), with a fixed width: the bar library would
                // otherwise open the terminal itself to measure it.
                .setConsumer(new DelegatingProgressBarConsumer(frame -> {
                    err.print('\r' + frame);
                    err.flush();
                }, WIDTH))
                .build();
        return new Progress(bar, err);
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
