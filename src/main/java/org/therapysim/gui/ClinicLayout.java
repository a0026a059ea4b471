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
    static final double WIDTH = 1000;
    static final double HEIGHT = 620;
    static final double DOT = 14;
    private static final double TOP = 96;
    private static final double LEFT = 40;
    private static final double ROOM_X = 560;
    private static final double ENDED_Y = 380;
    private static final int ROOM_COLUMNS = 28;
    private static final int ENDED_ROWS = 9;
    private static final int ENDED_COLUMNS = 4;

    /** The groups of ended patients, in display order. */
    enum Ended {
        RECOVERED("recovered"), PLANNED("finished"), NOT_HELPED("not helped"), DROPOUT("dropped out"), CAP("cap reached"),
        DENIED("review denied"), DECLINED("did not start"), GAVE_UP("gave up");

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

    /** A label drawn at a place in the picture (titles, areas, counts); equal only to itself. */
    static final class Label {
        final String text;
        final boolean heading;

        Label(final String text, final boolean heading) {
            this.text = text;
            this.heading = heading;
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
        field.setObjectLocation(new Label(title, true), at(LEFT, 28));
        final List<Therapist> therapists = clinic.clinic().therapists();
        final double rowHeight = Math.min(34, (ENDED_Y - TOP - 20) / Math.max(1, therapists.size()));
        final Map<Therapist, Integer> seats = new java.util.HashMap<>();
        for (int i = 0; i < therapists.size(); i++) {
            field.setObjectLocation(therapists.get(i), at(LEFT, TOP + i * rowHeight));
            seats.put(therapists.get(i), 0);
        }
        field.setObjectLocation(new Label("Therapists and their patients", false), at(LEFT - 10, TOP - 24));
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
                    field.setObjectLocation(p, at(LEFT + 30 + seat * DOT, TOP + row * rowHeight));
                }
                // Decided to start but not yet booked: not at the clinic, so counted but not drawn.
                case HESITATING -> hesitating++;
                case WAITING -> waiting.add(p);
                case ENDED -> ended.get(Ended.of(p.getLastEndReason(), p.getLastRecovered())).add(p);
                default -> throw new IllegalStateException("unknown phase " + p.getPhase());
            }
        }
        field.setObjectLocation(new Label("Waiting room: " + waitingCount(clinic) + " (not yet booked: " + hesitating
                + ")", false), at(ROOM_X - 10, TOP - 24));
        for (int i = 0; i < waiting.size() && i < ROOM_COLUMNS * 18; i++) {
            field.setObjectLocation(waiting.get(i), at(ROOM_X + (i % ROOM_COLUMNS) * DOT, TOP + (i / ROOM_COLUMNS) * DOT));
        }
        field.setObjectLocation(new Label("Ended, by how (up to " + ENDED_ROWS * ENDED_COLUMNS + " of each group shown)", false),
                at(LEFT - 10, ENDED_Y - 16));
        int group = 0;
        for (final Ended e : Ended.values()) {
            final List<Patient> members = ended.get(e);
            counts.put(e, members.size());
            final double x0 = LEFT + group * (ENDED_COLUMNS * DOT + 62);
            field.setObjectLocation(new Label(e.label, false), at(x0 - 10, ENDED_Y + 4));
            field.setObjectLocation(new Label(Integer.toString(members.size()), true), at(x0 - 10, ENDED_Y + 24));
            final int shown = Math.min(members.size(), ENDED_ROWS * ENDED_COLUMNS);
            for (int k = 0; k < shown; k++) {
                final Patient p = members.get(members.size() - 1 - k);
                field.setObjectLocation(p, at(x0 + (k % ENDED_COLUMNS) * DOT, ENDED_Y + 44 + (k / ENDED_COLUMNS) * DOT));
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
