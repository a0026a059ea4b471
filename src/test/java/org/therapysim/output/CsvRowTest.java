package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.SessionRecord;

/** The table rows are the characters Commons CSV prints for the same cells, whatever the names. */
class CsvRowTest {
    private static final String[] NAMES = {"No cap", "a,b", "say \"hi\"", " leading", "trailing ", "#hash", "",
        "two\nlines", "tab\tin", "é accent", "=HYPERLINK(\"http://x\")", "+1+1", "-x", "@SUM(A1)", "\tlead",
        "\rlead", "-12.5", "'quoted"};

    @Test
    void episodeAndSessionRowsMatchTheCsvPrinter() throws IOException {
        final ReplicationResult result = TestScenarios.run(TestScenarios.cohort(400, 60), 11, true);
        assertTrue(result.episodes().size() > 300 && result.sessions().size() > 1000);
        for (final String arm : NAMES) {
            final StringBuilder episodes = new StringBuilder();
            final CSVPrinter printer = new CSVPrinter(episodes, Tables.ROWS);
            for (final EpisodeRecord e : result.episodes()) {
                printer.printRecord(Tables.cell(arm), 3, e.patientId(), e.episode(), e.condition(), Numbers.cell(e.therapistId()),
                        Numbers.cell(e.therapistOrientation()), e.arrivalWeek(), Numbers.cell(e.bookedWeek()),
                        Numbers.cell(e.firstSessionWeek()),
                        e.endWeek(), e.sessionsAttended(), e.sessionsPlanPaid(), e.sessionsSelfPaid(),
                        Numbers.cell(e.sessionsToReliableImprovement()), e.endReason().word(), e.baselineScore(),
                        Numbers.cell(e.endScore()), Numbers.cell(e.reliableImprovement()), Numbers.cell(e.recovered()),
                        Numbers.cell(e.reliableRecovery()), Numbers.cell(e.deteriorated()), Numbers.cell(e.relapsed()),
                        Numbers.cell(e.returned()),
                        e.allianceMean() == null ? "" : Numbers.fixed(e.allianceMean(), 4),
                        e.allianceFinal() == null ? "" : Numbers.fixed(e.allianceFinal(), 4), e.ruptures(),
                        e.repairs(), e.therapistSwitches(), e.noShows(), e.cancellations(), e.reviews(),
                        e.outOfNetwork(), Numbers.fixed(e.payerCost(), 2), Numbers.fixed(e.patientCost(), 2),
                        Numbers.fixed(e.adminCost(), 2), Numbers.fixed(e.productivityLoss(), 2),
                        Numbers.fixed(e.medicalCost(), 2), Numbers.cell(e.weeksToRelapse()),
                        Numbers.cell(e.weeksToReturn()), e.weeksFollowedUp());
            }
            assertEquals(episodes.toString(), CsvRow.text(EpisodeTable.render(arm, 3, result)), "arm " + arm);

            final StringBuilder sessions = new StringBuilder();
            final CSVPrinter sessionPrinter = new CSVPrinter(sessions, Tables.ROWS);
            for (final SessionRecord s : result.sessions()) {
                sessionPrinter.printRecord(Tables.cell(arm), 3, s.patientId(), s.episode(), s.sessionNumber(), s.week(),
                        s.therapistId(), s.score(), Numbers.fixed(s.alliance(), 4), s.rupture(), s.repaired());
            }
            assertEquals(sessions.toString(), CsvRow.text(SessionTable.render(arm, 3, result)), "arm " + arm);
        }
    }

    @Test
    void textsASpreadsheetWouldRunAsFormulasAreQuotedAndNumbersAreNot() {
        assertEquals("'=1+2", Tables.cell("=1+2"));
        assertEquals("'+1+1", Tables.cell("+1+1"));
        assertEquals("'-x", Tables.cell("-x"));
        assertEquals("'@SUM(A1)", Tables.cell("@SUM(A1)"));
        assertEquals("'\tlead", Tables.cell("\tlead"));
        assertEquals("'\rlead", Tables.cell("\rlead"));
        assertEquals("-12.5", Tables.cell("-12.5"));
        assertEquals("+3e-4", Tables.cell("+3e-4"));
        assertEquals("No cap", Tables.cell("No cap"));
        assertEquals(-2.5, Tables.cell((Object) (-2.5)));
        final CsvRow row = new CsvRow(64);
        row.text("=HYPERLINK(\"http://x\")").text("-x").fixed(-1.5, 1).integer(-3);
        row.end();
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\",'-x,-1.5,-3\n", row.toString());
    }

    @Test
    void rowsComeInPiecesOfWholeRowsThatMakeTheSameText() {
        final CsvRow whole = new CsvRow(1 << 16, Integer.MAX_VALUE);
        final CsvRow pieces = new CsvRow(16, 100);
        for (int i = 0; i < 200; i++) {
            for (final CsvRow row : new CsvRow[] {whole, pieces}) {
                row.text(NAMES[i % NAMES.length]).integer(i).fixed(i / 7.0, 3).text("é accent").bool(i % 3 == 0);
                row.end();
            }
        }
        final byte[][] split = pieces.bytes();
        assertTrue(split.length > 20, "the rows took " + split.length + " pieces");
        for (final byte[] piece : split) {
            assertEquals('\n', piece[piece.length - 1], "a piece ends with a whole row");
        }
        final byte[][] one = whole.bytes();
        assertEquals(1, one.length);
        assertEquals(CsvRow.text(one), CsvRow.text(split));
        assertEquals(one[0].length, CsvRow.length(split));
    }
}
