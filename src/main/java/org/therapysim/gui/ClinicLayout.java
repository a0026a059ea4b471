package org.therapysim.gui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.therapysim.model.EndReason;
import org.therapysim.model.Patient;
import org.therapysim.model.TherapySim;
import org.therapysim.model.Therapist;
import sim.field.continuous.Continuous2D;
import sim.util.Double2D;

/**
 * Where each agent of a clinic stands in the picture, recomputed every week: therapists in a
 * column, each with the patients they see in a row beside them; the waiting room; and those whose
 * episode has ended, grouped by how it ended (the most recent of each group). Positions are in a
 * panel of {@link #WIDTH} x {@link #HEIGHT} whose left edge is {@code offsetX}.
 */
final class ClinicLayout {
    static final double WIDTH = 500;
    static final double HEIGHT = 282;
    static final double DOT = 10;
    private static final double TOP = 52;
    private static final double LEFT = 16;
    private static final double ROOM_X = 250;
    private static final double ENDED_Y = 160;
    private static final int ROOM_COLUMNS = 24;
    private static final int ROOM_ROWS = 9;
    private static final int ENDED_ROWS = 6;
    private static final int ENDED_COLUMNS = 4;
    private static final double GROUP_WIDTH = 61;

    /** The groups of ended patients, in display order. */
    enum Ended {
        RECOVERED("recovered"), PLANNED("finished"), NOT_HELPED("not helped"), DROPOUT("dropped out"), CAP("cap reached"),
        DENIED("review denied"), DECLINED("did not start"), GAVE_UP("gave up");

        /** @return the label in two short lines, to fit the group's column */
        String[] lines() {
            final int space = label.indexOf(' ');
            return space < 0 ? new String[] {label} : new String[] {label.substring(0, space), label.substring(space + 1)};
        }

        final String label;

        Ended(final String label) {
            this.label = label;
        }

        static Ended of(final EndReason reason, final Boolean recovered) {
            return switch (reason) {
                case PLANNED -> Boolean.TRUE.equals(recovered) ? RECOVERED : PLANNED;
                case NOT_HELPED -> NOT_HELPED;
                case DROPOUT -> DROPOUT;
                case CAP_REACHED -> CAP;
                case REVIEW_DENIED -> DENIED;
                case DECLINED, NOT_BOOKED -> DECLINED;
                case GAVE_UP_WAITING, HORIZON -> GAVE_UP;
            };
        }
    }

    /**
     * A label drawn at a place in the picture (titles, areas, counts); equal only to itself. Its
     * size is in the picture's units, so it grows and shrinks with the picture.
     */
    static final class Label {
        final String text;
        final boolean bold;
        final double size;

        Label(final String text, final boolean bold, final double size) {
            this.text = text;
            this.bold = bold;
            this.size = size;
        }

        Label(final String text, final boolean heading) {
            this(text, heading, heading ? 13 : 10);
        }
    }

    private final double offsetX;
    private final String title;
    private final Map<Ended, Integer> counts = new EnumMap<>(Ended.class);

    ClinicLayout(final double offsetX, final String title) {
        this.offsetX = offsetX;
        this.title = title;
    }

    /** Places the clinic's agents and labels in {@code field} (which is cleared of them first by the caller). */
    void place(final TherapySim clinic, final Continuous2D field) {
        field.setObjectLocation(new Label(title, true, 15), at(LEFT - 8, 18));
        final List<Therapist> therapists = clinic.clinic().therapists();
        final double rowHeight = Math.min(22, (ENDED_Y - TOP - 18) / Math.max(1, therapists.size()));
        final Map<Therapist, Integer> seats = new java.util.HashMap<>();
        for (int i = 0; i < therapists.size(); i++) {
            field.setObjectLocation(therapists.get(i), at(LEFT, TOP + i * rowHeight));
            seats.put(therapists.get(i), 0);
        }
        field.setObjectLocation(new Label("Therapists and their patients", false), at(LEFT - 8, TOP - 14));
        final List<Patient> waiting = new ArrayList<>();
        int hesitating = 0;
        final Map<Ended, List<Patient>> ended = new EnumMap<>(Ended.class);
        for (final Ended e : Ended.values()) {
            ended.put(e, new ArrayList<>());
        }
        for (final Patient p : clinic.patients()) {
            switch (p.getPhase()) {
                case IN_TREATMENT, REVIEW_PENDING, AUTHORIZING -> {
                    final Therapist t = p.getTherapist();
                    final int seat = seats.merge(t, 1, Integer::sum) - 1;
                    final int row = therapists.indexOf(t);
                    field.setObjectLocation(p, at(LEFT + 20 + seat * DOT, TOP + row * rowHeight));
                }
                // Decided to start but not yet booked: not at the clinic, so counted but not drawn.
                case HESITATING -> hesitating++;
                case WAITING -> waiting.add(p);
                case ENDED -> ended.get(Ended.of(p.getLastEndReason(), p.getLastRecovered())).add(p);
                default -> throw new IllegalStateException("unknown phase " + p.getPhase());
            }
        }
        field.setObjectLocation(new Label("Waiting room: " + waitingCount(clinic) + " (not yet booked: " + hesitating
                + ")", false), at(ROOM_X - 8, TOP - 14));
        for (int i = 0; i < waiting.size() && i < ROOM_COLUMNS * ROOM_ROWS; i++) {
            field.setObjectLocation(waiting.get(i), at(ROOM_X + (i % ROOM_COLUMNS) * DOT, TOP + (i / ROOM_COLUMNS) * DOT));
        }
        field.setObjectLocation(new Label("Ended, by how (the latest " + ENDED_ROWS * ENDED_COLUMNS + " of each group shown)",
                false), at(LEFT - 8, ENDED_Y - 10));
        int group = 0;
        for (final Ended e : Ended.values()) {
            final List<Patient> members = ended.get(e);
            counts.put(e, members.size());
            final double x0 = LEFT + group * GROUP_WIDTH;
            final String[] lines = e.lines();
            for (int l = 0; l < lines.length; l++) {
                field.setObjectLocation(new Label(lines[l], false), at(x0 - 8, ENDED_Y + 5 + l * 11));
            }
            field.setObjectLocation(new Label(Integer.toString(members.size()), true), at(x0 - 8, ENDED_Y + 38));
            final int shown = Math.min(members.size(), ENDED_ROWS * ENDED_COLUMNS);
            for (int k = 0; k < shown; k++) {
                final Patient p = members.get(members.size() - 1 - k);
                field.setObjectLocation(p, at(x0 + (k % ENDED_COLUMNS) * DOT, ENDED_Y + 50 + (k / ENDED_COLUMNS) * DOT));
            }
            group++;
        }
    }

    private static int waitingCount(final TherapySim clinic) {
        return clinic.clinic().waiting();
    }

    /** @return how many patients ended in each group at the last placement */
    Map<Ended, Integer> counts() {
        return Map.copyOf(counts);
    }

    private Double2D at(final double x, final double y) {
        return new Double2D(offsetX + x, y);
    }
}
