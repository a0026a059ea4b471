package org.therapysim.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.therapysim.experiment.ProgressListener;

/**
 * A progress bar on standard error (the progressbar library), shown only on an interactive
 * terminal and not with {@code --quiet}.
 */
final class Progress implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    private Progress(final ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(final String task, final int total, final boolean quiet, final PrintStream err) {
        return start(task, total, " replications", quiet, err);
    }

    static Progress start(final String task, final int total, final String unit, final boolean quiet,
            final PrintStream err) {
        if (quiet || System.console() == null || total <= 0) {
            return new Progress(null);
        }
        final ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                .setUnit(unit, 1).showSpeed().build();
        return new Progress(bar);
    }

    @Override
    public void progress(final int done, final int total) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Shows a message after the bar (e.g. the best fit so far). */
    void message(final String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
