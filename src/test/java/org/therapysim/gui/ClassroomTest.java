package org.therapysim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/** The classroom's clinics give the command line's numbers, and every lesson preset runs. */
class ClassroomTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader();
    /** Far more weeks than any preset's horizon. */
    private static final int MAX_STEPS = 2_000;

    static Study preset(final String name) {
        return LOADER.loadStudy(Path.of("scenarios", "classroom", name));
    }

    private static List<ReplicationResult> commandLine(final Study study) {
        return study.arms().stream()
                .map(arm -> new TherapySim(arm, RandomStreams.replicationSeed(study.seed(), 0), false).run()).toList();
    }

    /**
     * Steps a classroom until it has results, failing instead of hanging when it never gets them:
     * a run takes one step a week, so its horizon is far below the limit.
     *
     * @param running whether the results are still missing
     * @param step one step; false when nothing is left to run
     */
    private static void stepToTheHorizon(final BooleanSupplier running, final BooleanSupplier step,
            final String what) {
        for (int steps = 0; running.getAsBoolean(); steps++) {
            if (steps >= MAX_STEPS) {
                fail(what + ": no results after " + MAX_STEPS + " weekly steps");
            }
            if (!step.getAsBoolean()) {
                fail(what + ": the schedule ran out after " + steps + " steps without results");
            }
        }
    }

    @Test
    void watchedClinicsGiveTheCommandLinesNumbers() {
        final Study study = preset("ten-vs-twenty.yaml");
        final ClassroomWithUI gui = new ClassroomWithUI(study);
        gui.start();
        stepToTheHorizon(() -> gui.classroom().results().isEmpty(), gui::step, "watched clinics");
        final List<ReplicationResult> watched = gui.classroom().results();
        final List<ReplicationResult> cli = commandLine(study);
        assertEquals(2, watched.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(cli.get(i).episodes(), watched.get(i).episodes(), "clinic " + i + ": same episodes");
            assertEquals(cli.get(i).economics(), watched.get(i).economics(), "clinic " + i + ": same economics");
        }
        assertNotEquals(watched.get(0).episodes(), watched.get(1).episodes(), "the caps make a difference");
        gui.finish();
    }

    @Test
    void everyLessonPresetRunsItsTwoClinicsToTheHorizon() throws IOException {
        try (var files = Files.list(Path.of("scenarios", "classroom"))) {
            final List<Path> presets = files.filter(p -> !p.getFileName().toString().equals("clinic.yaml")).sorted()
                    .toList();
            assertEquals(4, presets.size(), presets.toString());
            for (final Path preset : presets) {
                final Classroom classroom = new Classroom(LOADER.loadStudy(preset));
                classroom.start();
                stepToTheHorizon(() -> classroom.results().isEmpty(), () -> classroom.schedule.step(classroom),
                        preset.toString());
                assertEquals(2, classroom.results().size(), preset.toString());
                assertTrue(classroom.results().get(0).episodes().size() > 100, preset + ": a class-sized clinic");
            }
        }
    }

    @Test
    void knobsTakeEffectAtTheNextStartAndOnlyOnTheirOwnClinic() {
        final Classroom classroom = new Classroom(preset("ten-vs-twenty.yaml"));
        classroom.knobs().clinic(1).setSessionCap(4);
        classroom.knobs().clinic(1).setCopay(0);
        classroom.start();
        assertEquals(10, (int) classroom.arms().get(0).plan().sessionCap().sessions().value(), "reference untouched");
        assertEquals(4, (int) classroom.arms().get(1).plan().sessionCap().sessions().value());
        assertEquals(0.0, classroom.arms().get(1).plan().copay());
        assertEquals(20.0, classroom.arms().get(0).plan().copay());
    }

    private static int cap(final TherapySim clinic) {
        return (int) clinic.plan().spec().sessionCap().sessions().value();
    }

    @Test
    void aPlanChangedDuringTheRunAppliesFromTheNextWeekAndOnlyToItsClinic() {
        final Study study = preset("ten-vs-twenty.yaml");
        final Classroom classroom = new Classroom(study);
        classroom.start();
        for (int w = 0; w < 20; w++) {
            classroom.schedule.step(classroom);
        }
        classroom.knobs().clinic(1).setSessionCap(4);
        assertTrue(classroom.changePlansNextWeek(), "a plan setting is applied during the run");
        assertFalse(classroom.restartNeeded(), "a plan setting needs no restart");
        assertEquals(20, cap(classroom.clinics().get(1)), "not before the next week");
        classroom.schedule.step(classroom);
        assertEquals(4, cap(classroom.clinics().get(1)), "from the next week");
        assertEquals(10, cap(classroom.clinics().get(0)), "the other clinic keeps its plan");
        stepToTheHorizon(() -> classroom.results().isEmpty(), () -> classroom.schedule.step(classroom), "changed");
        final List<ReplicationResult> cli = commandLine(study);
        assertEquals(cli.get(0).episodes(), classroom.results().get(0).episodes(), "clinic A as on the command line");
        final java.util.function.ToLongFunction<ReplicationResult> capped = r -> r.episodes().stream()
                .filter(e -> e.endReason() == org.therapysim.model.EndReason.CAP_REACHED).count();
        assertTrue(capped.applyAsLong(classroom.results().get(1)) > capped.applyAsLong(cli.get(1)) + 10,
                "a cap of 4 from week 21 ends more courses at the cap than 20: " + capped.applyAsLong(classroom.results()
                        .get(1)) + " against " + capped.applyAsLong(cli.get(1)));
    }

    @Test
    void therapistAndPatientSettingsWaitForARestart() {
        final Classroom classroom = new Classroom(preset("ten-vs-twenty.yaml"));
        assertFalse(classroom.restartNeeded(), "nothing to restart before the first start");
        classroom.start();
        classroom.schedule.step(classroom);
        classroom.knobs().clinic(0).setResistance(0.6);
        assertTrue(classroom.restartNeeded());
        assertFalse(classroom.changePlansNextWeek(), "no plan changed");
        classroom.start();
        assertFalse(classroom.restartNeeded(), "applied at the start");
        assertEquals(0.6, classroom.arms().get(0).patients().resistance().mean());
    }

    @Test
    void eachClinicKeepsTheSettingsItsLessonGivesIt() {
        // In this lesson only clinic B's therapists are all alike; one shared setting would make A's alike too.
        final Classroom classroom = new Classroom(preset("common-factors.yaml"));
        classroom.start();
        assertEquals(classroom.study().arms(), classroom.arms(), "untouched settings leave the lesson as written");
        assertNotEquals(0.0, classroom.arms().get(0).workforce().allianceSkillSd());
        assertEquals(0.0, classroom.arms().get(1).workforce().allianceSkillSd());
    }

    @Test
    void everyLessonPresetHasItsTextInTheClassroomDocs() throws IOException {
        final List<Lessons.Lesson> lessons = Lessons.all();
        try (var files = Files.list(Path.of("scenarios", "classroom"))) {
            for (final Path preset : files.filter(p -> !p.getFileName().toString().equals("clinic.yaml")).toList()) {
                final Lessons.Lesson lesson = lessons.stream()
                        .filter(l -> l.file().equals(preset.getFileName().toString())).findFirst()
                        .orElseThrow(() -> new AssertionError(preset + ": no section in docs/CLASSROOM.md"));
                for (final String part : List.of("<b>Question.</b>", "<b>Watch.</b>", "<b>Students should see.</b>")) {
                    assertTrue(lesson.html().contains(part), preset + ": " + part + " in " + lesson.html());
                }
            }
        }
        // The build copies the page itself, so the text shown is the documentation's.
        final String page = Files.readString(Path.of("docs", "CLASSROOM.md"));
        assertEquals(Lessons.parse(page), lessons);
    }

    @Test
    void masonsChartingInspectorsAreNotOffered() throws IOException {
        // MASON's charting property inspectors need JFreeChart 1.0; the project's list replaces MASON's.
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("sim/portrayal/inspector/propertyinspector.classes")) {
            final String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(list.lines().filter(l -> !l.startsWith("#")).anyMatch(l -> l.contains("Charting")), list);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sim/display/simulation.classes")) {
            final String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(list.contains("ONLY") && list.contains(ClassroomWithUI.class.getName()), list);
            assertFalse(list.contains("sim.app."), "no MASON demo (some need Java3D)");
        }
    }

    @Test
    void aRestartWatchesEachWeekOnce() {
        final ClassroomWithUI gui = new ClassroomWithUI(preset("ten-vs-twenty.yaml"));
        for (int run = 0; run < 2; run++) {
            gui.start();
            for (int w = 0; w < 12; w++) {
                gui.step();
            }
            final var patient = gui.classroom().clinics().get(0).patients().stream()
                    .filter(p -> p.getTherapist() != null).findFirst().orElseThrow();
            final var weeks = gui.histories().of(patient).stream().map(PatientHistories.Week::week).toList();
            assertEquals(weeks.stream().distinct().count(), weeks.size(), "run " + run + ": each week once " + weeks);
            gui.finish();
        }
    }
}
