package org.therapysim.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lessons as docs/CLASSROOM.md tells them, read from that page itself (the build copies it
 * beside this class), so the GUI's About tab and the documentation cannot drift apart. A lesson is a
 * section whose heading names its preset, e.g. {@code ## 10 sessions or 20 (`ten-vs-twenty.yaml`)};
 * its text (question, what to watch, what to change, what 20 replications showed, the finding
 * behind it) runs to the next heading.
 */
final class Lessons {
    static final String RESOURCE = "CLASSROOM.md";
    private static final Pattern HEADING = Pattern.compile("^## (.+) \\(`([^`]+\\.yaml)`\\)\\s*$");

    /**
     * One lesson.
     *
     * @param title the section's heading, without the file
     * @param file the preset's file name in scenarios/classroom/
     * @param markdown the section's text
     */
    record Lesson(String title, String file, String markdown) {
        /** @return the text as HTML for the About tab */
        String html() {
            return "<h2>" + inline(title) + "</h2>" + Lessons.html(markdown);
        }
    }

    private Lessons() {
    }

    /** @return every lesson of docs/CLASSROOM.md, in its order */
    static List<Lesson> all() {
        try (InputStream in = Lessons.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the lesson of a preset file name, or null */
    static Lesson of(final String file) {
        return all().stream().filter(l -> l.file().equals(file)).findFirst().orElse(null);
    }

    static List<Lesson> parse(final String page) {
        final List<Lesson> lessons = new ArrayList<>();
        String title = null;
        String file = null;
        StringBuilder body = new StringBuilder();
        for (final String line : page.split("\n", -1)) {
            if (line.startsWith("## ") || line.startsWith("# ")) {
                if (title != null) {
                    lessons.add(new Lesson(title, file, body.toString().strip()));
                }
                final Matcher m = HEADING.matcher(line);
                title = m.matches() ? m.group(1) : null;
                file = m.matches() ? m.group(2) : null;
                body = new StringBuilder();
            } else if (title != null) {
                body.append(line).append('\n');
            }
        }
        if (title != null) {
            lessons.add(new Lesson(title, file, body.toString().strip()));
        }
        return List.copyOf(lessons);
    }

    /** The little Markdown the lessons use: paragraphs, bold, code and links (shown as their text). */
    static String html(final String markdown) {
        final StringBuilder out = new StringBuilder();
        for (final String paragraph : markdown.split("\n\\s*\n")) {
            final String text = paragraph.strip().replace('\n', ' ');
            if (!text.isEmpty()) {
                out.append("<p>").append(inline(text)).append("</p>");
            }
        }
        return out.toString();
    }

    private static String inline(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\[([^\\]]+)\\]\\([^)]+\\)", "$1")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>")
                .replaceAll("`([^`]+)`", "<code>$1</code>");
    }
}
