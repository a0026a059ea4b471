package org.therapysim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published source of a figure.
 *
 * @param authors authors as cited
 * @param year year of publication
 * @param title title
 * @param journal journal (with volume and pages) or publisher
 * @param readAt where the figure was read (page, table, abstract) when it was last looked up
 */
public record Source(String authors, int year, String title, String journal, String readAt) {
    /** A surname followed by initials, as in "Swift, J.K.". */
    private static final Pattern SURNAME = Pattern.compile("(?:^|, |& )([\\p{L}' -]+), (?:\\p{Lu}\\.[ -]?)+");

    public Source {
        Check.text("authors", authors);
        Check.intRange("year", year, 1900, 2200);
        Check.text("title", title);
        Check.text("journal", journal);
        Check.text("readAt", readAt);
    }

    /** @return a short citation: "Surname year", "A & B year" or "A et al. year" */
    public String shortCitation() {
        final List<String> surnames = new ArrayList<>();
        final Matcher m = SURNAME.matcher(authors);
        while (m.find()) {
            surnames.add(m.group(1).trim());
        }
        final String who;
        if (surnames.isEmpty()) {
            who = authors;
        } else if (surnames.size() == 1) {
            who = surnames.get(0);
        } else if (surnames.size() == 2) {
            who = surnames.get(0) + " & " + surnames.get(1);
        } else {
            who = surnames.get(0) + " et al.";
        }
        return who + " " + year;
    }
}
