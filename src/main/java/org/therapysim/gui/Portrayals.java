package org.therapysim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.function.IntSupplier;
import org.therapysim.model.Patient;
import org.therapysim.model.Therapist;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimplePortrayal2D;

/**
 * How patients, therapists and labels are drawn. A patient is a disc coloured by severity (green
 * mild, yellow moderate, red severe) and, in treatment, sized by the alliance (larger is
 * stronger); an orange ring flashes in the week of a rupture and a green cross marks a repair. A
 * therapist is a square, darker for more alliance skill, outlined in grey for a trainee.
 */
final class Portrayals {
    static final Color RUPTURE = new Color(0xFF8C00);
    static final Color REPAIR = new Color(0x00A651);

    private Portrayals() {
    }

    /** @return the colour of a severity on [0, 1]: green, yellow, red */
    static Color severity(final double s) {
        final double v = Math.max(0, Math.min(1, s));
        final float hue = (float) (0.33 * (1 - Math.min(1, v / 0.8)));
        return Color.getHSBColor(hue, 0.85f, 0.9f);
    }

    /** Patients. */
    static final class PatientPortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;
        private final transient IntSupplier week;
        private final transient PatientHistories histories;

        /** @param week the week just simulated */
        PatientPortrayal(final IntSupplier week, final PatientHistories histories) {
            this.week = week;
            this.histories = histories;
        }

        private double diameter(final Patient p, final double scale) {
            final boolean treated = p.getTherapist() != null;
            return ClinicLayout.DOT * scale * (treated ? 0.35 + 0.6 * p.getAlliance() : 0.55);
        }

        @Override
        public void draw(final Object object, final Graphics2D g, final DrawInfo2D info) {
            final Patient p = (Patient) object;
            final double d = diameter(p, info.draw.width);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            final Ellipse2D disc = new Ellipse2D.Double(info.draw.x - d / 2, info.draw.y - d / 2, d, d);
            g.setColor(severity(p.getSeverity()));
            g.fill(disc);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(0.6f));
            g.draw(disc);
            final int now = week.getAsInt();
            if (p.getLastRuptureWeek() == now) {
                final double r = ClinicLayout.DOT * info.draw.width * 0.95;
                g.setColor(RUPTURE);
                g.setStroke(new BasicStroke(2.2f));
                g.draw(new Ellipse2D.Double(info.draw.x - r / 2, info.draw.y - r / 2, r, r));
            }
            if (p.getLastRepairWeek() == now) {
                final double a = ClinicLayout.DOT * info.draw.width * 0.3;
                g.setColor(REPAIR);
                g.setStroke(new BasicStroke(2.2f));
                g.drawLine((int) (info.draw.x + a), (int) (info.draw.y - 2 * a), (int) (info.draw.x + a),
                        (int) (info.draw.y));
                g.drawLine((int) (info.draw.x), (int) (info.draw.y - a), (int) (info.draw.x + 2 * a),
                        (int) (info.draw.y - a));
            }
        }

        @Override
        public boolean hitObject(final Object object, final DrawInfo2D range) {
            final double d = ClinicLayout.DOT * range.draw.width;
            return new Ellipse2D.Double(range.draw.x - d / 2, range.draw.y - d / 2, d, d).intersects(range.clip);
        }

        @Override
        public Inspector getInspector(final LocationWrapper wrapper, final GUIState state) {
            return new PatientInspector(wrapper, state, histories);
        }

        @Override
        public String getName(final LocationWrapper wrapper) {
            final Patient p = (Patient) wrapper.getObject();
            return "Patient " + p.getId();
        }
    }

    /** Therapists. */
    static final class TherapistPortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;

        @Override
        public void draw(final Object object, final Graphics2D g, final DrawInfo2D info) {
            final Therapist t = (Therapist) object;
            final double s = ClinicLayout.DOT * info.draw.width * 1.2;
            final Rectangle2D box = new Rectangle2D.Double(info.draw.x - s / 2, info.draw.y - s / 2, s, s);
            final float shade = (float) Math.max(0.25, Math.min(0.95, 0.6 - 0.25 * t.getAllianceSkill()));
            g.setColor(Color.getHSBColor(0.6f, 0.6f, shade));
            g.fill(box);
            g.setStroke(new BasicStroke(t.isTrainee() ? 2.5f : 1f));
            g.setColor(t.isTrainee() ? Color.LIGHT_GRAY : Color.BLACK);
            g.draw(box);
        }

        @Override
        public boolean hitObject(final Object object, final DrawInfo2D range) {
            final double s = ClinicLayout.DOT * range.draw.width * 1.2;
            return new Rectangle2D.Double(range.draw.x - s / 2, range.draw.y - s / 2, s, s).intersects(range.clip);
        }

        @Override
        public String getName(final LocationWrapper wrapper) {
            return "Therapist " + ((Therapist) wrapper.getObject()).getId();
        }
    }

    /** Titles and counts. */
    static final class LabelPortrayal extends SimplePortrayal2D {
        private static final long serialVersionUID = 1L;

        @Override
        public void draw(final Object object, final Graphics2D g, final DrawInfo2D info) {
            final ClinicLayout.Label label = (ClinicLayout.Label) object;
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, label.bold ? Font.BOLD : Font.PLAIN, 1)
                    .deriveFont((float) (label.size * info.draw.width)));
            g.setColor(label.bold ? Color.BLACK : Color.DARK_GRAY);
            g.drawString(label.text, (float) info.draw.x, (float) info.draw.y);
        }

        @Override
        public boolean hitObject(final Object object, final DrawInfo2D range) {
            return false;
        }
    }
}
