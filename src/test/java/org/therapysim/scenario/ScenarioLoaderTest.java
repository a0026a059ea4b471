package org.therapysim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.ExitCode;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.output.ScenarioFile;

class ScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    @TempDir
    Path dir;

    private TherapysimException error(final String yaml) {
        final Path file = TestScenarios.write(dir, "bad.yaml", yaml);
        final TherapysimException e = assertThrows(TherapysimException.class, () -> loader.loadStudy(file));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void everyShippedScenarioAndStudyLoads() throws IOException {
        try (Stream<Path> files = Files.list(TestScenarios.SCENARIOS)) {
            files.filter(f -> f.toString().endsWith(".yaml")).forEach(loader::loadStudy);
        }
        final Study study = loader.loadStudy(TestScenarios.SCENARIOS.resolve("benefit-designs.yaml"));
        assertEquals(8, study.arms().size());
        assertEquals("No cap", study.reference().name());
        assertTrue(study.arms().stream().allMatch(a -> a.simulation().seed() == study.seed()));
    }

    @Test
    void extendsOverridesOnlyWhatItSays() {
        final Scenario baseline = loader.load(TestScenarios.SCENARIOS.resolve("baseline.yaml"));
        final Scenario capped = loader.load(TestScenarios.SCENARIOS.resolve("cap-6-stop.yaml"));
        assertEquals(6, (int) capped.plan().sessionCap().sessions().value());
        assertTrue(baseline.plan().sessionCap().sessions().isUnlimited());
        assertEquals(baseline.plan().copay(), capped.plan().copay());
        assertEquals(baseline.dynamics(), capped.dynamics());
    }

    @Test
    void unknownKeyIsNamedWithItsPath() {
        final TherapysimException e = error("name: x\nplan:\n  copy: 20\n");
        assertTrue(e.getMessage().contains("plan.copy = 20: unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("copay"), "lists the allowed keys: " + e.getMessage());
    }

    @Test
    void wrongTypeIsRejected() {
        final TherapysimException e = error("name: x\nplan:\n  copay: twenty\n");
        assertTrue(e.getMessage().contains("plan.copay = \"twenty\": must be a number"), e.getMessage());
    }

    @Test
    void fractionalWholeNumberIsRejected() {
        final TherapysimException e = error("name: x\nsimulation:\n  weeks: 10.5\n");
        assertTrue(e.getMessage().contains("simulation.weeks = 10.5: must be a whole number"), e.getMessage());
    }

    @Test
    void outOfRangeValueNamesTheRule() {
        final TherapysimException e = error("name: x\nplan:\n  coinsurance: 1.5\n");
        assertTrue(e.getMessage().contains("plan.coinsurance = 1.5: must be between 0 and 1"), e.getMessage());
    }

    @Test
    void badCapAndRuleWordsAreRejected() {
        assertTrue(error("name: x\nplan:\n  sessionCap: {sessions: -3}\n").getMessage()
                .contains("plan.sessionCap.sessions = -3: must be a whole number >= 1 or 'unlimited'"));
        assertTrue(error("name: x\nplan:\n  sessionCap: {atCap: sometimes}\n").getMessage()
                .contains("plan.sessionCap.atCap = \"sometimes\": must be one of stop, self_pay, switch_therapist, review"));
    }

    @Test
    void listItemsAreNamedByIndex() {
        final TherapysimException e = error(
                "name: x\nconditions:\n  - {name: a, measure: PHQ-9, share: 0.5, baselineMean: 15, baselineSd: 5, "
                        + "naturalImprovementPerWeek: 0.01}\n  - {name: b, measure: XYZ, share: 0.5, baselineMean: 15, "
                        + "baselineSd: 5, naturalImprovementPerWeek: 0.01}\n");
        assertTrue(e.getMessage().contains("conditions[1].measure = \"XYZ\": must be one of the keys of measures"),
                e.getMessage());
    }

    @Test
    void sharesMustSumToOne() {
        final TherapysimException e = error("name: x\nworkforce:\n  orientations:\n    - {name: cbt, share: 0.5, "
                + "specificEffect: 0}\n");
        assertTrue(e.getMessage().contains("workforce.orientations = 0.5: shares must sum to 1"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        final Path file = dir.resolve("nope.yaml");
        final TherapysimException e = assertThrows(TherapysimException.class, () -> loader.loadStudy(file));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertEquals(file + ": file not found", e.getMessage());
    }

    @Test
    void missingParentIsReported() {
        final TherapysimException e = error("extends: missing.yaml\nname: x\n");
        assertTrue(e.getMessage().contains("extends = \"missing.yaml\": file not found"), e.getMessage());
    }

    @Test
    void cyclicExtendsIsReported() {
        TestScenarios.write(dir, "a.yaml", "extends: b.yaml\nname: a\n");
        TestScenarios.write(dir, "b.yaml", "extends: a.yaml\nname: b\n");
        final TherapysimException e = assertThrows(TherapysimException.class,
                () -> loader.load(dir.resolve("a.yaml")));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("must not form a cycle (a.yaml -> b.yaml -> a.yaml)"), e.getMessage());
    }

    @Test
    void errorNamesTheFileThatSetTheValue() {
        final Path parent = TestScenarios.write(dir, "parent.yaml", "name: p\nplan:\n  copay: -5\n");
        final Path child = TestScenarios.write(dir, "child.yaml", "extends: parent.yaml\nname: c\n");
        final TherapysimException e = assertThrows(TherapysimException.class, () -> loader.load(child));
        assertTrue(e.getMessage().startsWith(parent + ": plan.copay = -5: must be a finite number >= 0"),
                e.getMessage());
    }

    @Test
    void invalidYamlIsReportedWithALine() {
        final TherapysimException e = error("name: x\nplan: [unclosed\n");
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void resolvedStudyRoundTripsThroughItsYaml() throws IOException {
        final Study study = loader.loadStudy(TestScenarios.SCENARIOS.resolve("benefit-designs.yaml")).withRun(3, 99);
        final Path file = TestScenarios.write(dir, "scenario.yaml", ScenarioFile.toYaml(study));
        final Study again = loader.loadStudy(file);
        assertEquals(study, again);
        assertEquals(ScenarioFile.toYaml(study), ScenarioFile.toYaml(again));
    }

    @Test
    void overrideOfUnknownKeyIsRejected() {
        final TherapysimException e = assertThrows(TherapysimException.class,
                () -> loader.override(loader.defaultTree(), "plan.sessionCap.limit", "6", "--vary"));
        assertEquals("--vary: plan.sessionCap.limit = 6: unknown key", e.getMessage());
    }

    @Test
    void studyArmsMustHaveDistinctNames() {
        final Path file = TestScenarios.write(dir, "study.yaml", "study: s\narms:\n  - "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("baseline.yaml") + "\n  - "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("baseline.yaml") + "\n");
        final TherapysimException e = assertThrows(TherapysimException.class, () -> loader.loadStudy(file));
        assertTrue(e.getMessage().contains("arms[1].name = No cap: must be unique within the study"), e.getMessage());
    }

    @Test
    void theFirstArmThatDiffersInASharedSettingIsFound() {
        final Scenario reference = TestScenarios.defaults();
        assertNull(Study.firstDifference(List.of(reference, reference.withName("same"))));
        // A copay is what arms are for; only the settings every row is labelled with must agree.
        assertNull(Study.firstDifference(List.of(reference, TestScenarios.defaults("name=copay", "plan.copay=40",
                "costs.medicalCostPerYearAtMax=9000"))));
        final List<Scenario> arms = List.of(reference, reference.withName("b"),
                TestScenarios.defaults("name=c", "evaluation.discountRate=0.035", "costs.priceYear=2023"));
        assertEquals(new Study.Difference(2, "evaluation.discountRate", 0.035, 0.03), Study.firstDifference(arms));
        for (final String[] c : new String[][] {{"simulation.weeks", "120"}, {"evaluation.horizonWeeks", "26"},
            {"evaluation.willingnessToPay", "150000"}, {"evaluation.willingnessToPayMax", "300000"},
            {"costs.currency", "EUR"}, {"costs.priceYear", "2023"}}) {
            final Study.Difference d = Study.firstDifference(List.of(reference,
                    TestScenarios.defaults("name=x", c[0] + "=" + c[1])));
            assertEquals(c[0], d.key());
            assertEquals(c[1], String.valueOf(d.value()).replaceAll("\\.0$", ""));
        }
    }

    @Test
    void aStudyWhoseArmsDifferInAnEvaluationSettingIsRefusedNamingBoth() {
        TestScenarios.write(dir, "year.yaml", "extends: " + TestScenarios.SCENARIOS.toAbsolutePath().resolve(
                "baseline.yaml") + "\nname: Half year\nevaluation: {horizonWeeks: 26}\n");
        final String message = message("study: s\narms:\n  - " + TestScenarios.SCENARIOS.toAbsolutePath()
                .resolve("baseline.yaml") + "\n  - year.yaml\n");
        assertEquals("arms[1].evaluation.horizonWeeks = 26: must be the same in every arm: arm \"Half year\""
                + " (year.yaml) has 26 but the reference arm \"No cap\" (" + TestScenarios.SCENARIOS.toAbsolutePath()
                .resolve("baseline.yaml") + ") has 52; arms are compared in one analysis, so they must share"
                + " simulation.weeks and the evaluation horizon, discount rate, willingness to pay (and its range),"
                + " currency and price year", message);
        // Given as several files, the one that differs is named, with the key as written there.
        final Path euro = TestScenarios.write(dir, "euro.yaml", "extends: " + TestScenarios.SCENARIOS
                .toAbsolutePath().resolve("baseline.yaml") + "\nname: Euro\ncosts: {currency: EUR}\n");
        final TherapysimException e = assertThrows(TherapysimException.class, () -> loader.loadStudies(
                List.of(TestScenarios.SCENARIOS.resolve("benefit-designs.yaml"), euro)));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(euro + ": costs.currency = EUR: must be the same in every arm: arm"
                + " \"Euro\" (" + euro + ") has EUR but the reference arm \"No cap\" ("
                + TestScenarios.SCENARIOS.resolve("benefit-designs.yaml") + ") has USD; "), e.getMessage());
        final TherapysimException inStudy = assertThrows(TherapysimException.class, () -> loader.loadStudies(
                List.of(euro, TestScenarios.SCENARIOS.resolve("benefit-designs.yaml"))));
        assertTrue(inStudy.getMessage().startsWith(TestScenarios.SCENARIOS.resolve("benefit-designs.yaml")
                + ": arms[0].costs.currency = USD: "), inStudy.getMessage());
    }

    /** @return the one message of loading {@code yaml} as bad.yaml, less the file name */
    private String message(final String yaml) {
        return error(yaml).getMessage().substring(dir.resolve("bad.yaml").toString().length() + 2);
    }

    @Test
    void duplicateKeysAreRefusedWithTheirPathAndLines() {
        assertEquals("plan.copay = 20: is given twice in the same mapping (first on line 3): keep one",
                message("name: x\nplan:\n  copay: 10\n  copay: 20\n"));
        assertEquals("plan = {...}: is given twice in the same mapping (first on line 2): keep one",
                message("name: x\nplan: {copay: 10}\nplan: {copay: 20}\n"));
    }

    @Test
    void typeTagsAreRefused() {
        assertEquals("plan = !!java.util.HashMap {...}: type tags are not allowed: write the value without a tag",
                message("name: x\nplan: !!java.util.HashMap {copay: 33}\n"));
        assertEquals("conditions[1] = !!str b: type tags are not allowed: write the value without a tag",
                message("name: x\nconditions: [a, !!str b]\n"));
    }

    @Test
    void aliasesAreRefused() {
        assertEquals("description = *nm: aliases (*name) are not supported: write the value out, or share settings"
                + " between files with extends:", message("name: &nm x\ndescription: *nm\n"));
    }

    @Test
    void parserInternalsBecomePlainWords() {
        assertEquals("plan.copay = .nan: must be a finite number", message("name: x\nplan:\n  copay: .nan\n"));
        assertEquals("plan.copay = -.inf: must be a finite number", message("name: x\nplan: {copay: -.inf}\n"));
        assertEquals("plan.copay = 1e999: must be a finite number", message("name: x\nplan: {copay: 1e999}\n"));
        assertEquals("holds more than one YAML document (a line '---' or text after the end): keep one",
                message("name: x\n---\nname: y\n"));
        assertEquals("plan.copay = 10000000000000000000...: number too long (1201 characters)",
                message("name: x\nplan: {copay: 1" + "0".repeat(1200) + "}\n"));
        assertEquals("line 3: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>",
                message("name: x\nplan: [unclosed\n"));
    }

    @Test
    void textThatIsNotUtf8IsNamedSo() throws IOException {
        final Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        final TherapysimException e = assertThrows(TherapysimException.class, () -> loader.loadStudy(file));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertEquals(file + ": not UTF-8 text: save the file as UTF-8", e.getMessage());
    }

    @Test
    void aMisspeltKeyInAListItemIsNamedRatherThanTheKeyItMeant() {
        assertEquals("workforce.orientations[0].specificEfect = 0: unknown key (allowed here: name, share, "
                + "specificEffect)", message("name: x\nworkforce:\n  orientations:\n    - {name: cbt, share: 1, "
                + "specificEfect: 0}\n"));
    }

    @Test
    void aFileSystemRefusalSaysWhy() {
        assertEquals("permission denied (/data/x.yaml)",
                TherapysimException.why(new java.nio.file.AccessDeniedException("/data/x.yaml")));
        assertEquals("no such file or folder (/data)",
                TherapysimException.why(new java.nio.file.NoSuchFileException("/data")));
    }

    @Test
    void aScenarioThatChangesSomethingDoesNotInheritADescription() {
        final Path parent = TestScenarios.write(dir, "parent.yaml",
                "name: Uncapped\ndescription: No session cap, $20 copay\n");
        final Path capped = TestScenarios.write(dir, "capped.yaml", "extends: parent.yaml\nname: Cap 8\n"
                + "plan:\n  sessionCap:\n    sessions: 8\n");
        assertEquals("", loader.load(capped).description());
        final Path described = TestScenarios.write(dir, "described.yaml", "extends: parent.yaml\nname: Cap 8\n"
                + "description: Eight sessions a year\nplan:\n  sessionCap:\n    sessions: 8\n");
        assertEquals("Eight sessions a year", loader.load(described).description());
        // Only a new name: the same scenario, still described by its parent.
        final Path renamed = TestScenarios.write(dir, "renamed.yaml", "extends: parent.yaml\nname: Again\n");
        assertEquals("No session cap, $20 copay", loader.load(renamed).description());
        // A file of its own that changes a default is not the defaults' "no session cap" scenario.
        final Path plain = TestScenarios.write(dir, "plain.yaml", "name: Cap 8\nplan:\n  sessionCap:\n"
                + "    sessions: 8\n");
        assertEquals("", loader.load(plain).description());
        // Inline arms of a study follow the same rule.
        final Path study = TestScenarios.write(dir, "study.yaml", "study: s\narms:\n  - parent.yaml\n"
                + "  - extends: parent.yaml\n    name: Cap 8\n    plan:\n      sessionCap:\n        sessions: 8\n");
        final Study loaded = loader.loadStudy(study);
        assertEquals("No session cap, $20 copay", loaded.arms().get(0).description());
        assertEquals("", loaded.arms().get(1).description());
    }
}
