package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of bpmn/statementReminders.dmn: the days of the time to answer on which a customer is reminded. */
class StatementRemindersDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = StatementRemindersDecisionTest.class.getResourceAsStream("/bpmn/statementReminders.dmn")) {
            decision = dmn.parseDecision(CheckStatementAnswerDelegate.REMINDER_DECISION, in);
        }
    }

    static List<Integer> days(String segment, int confirmationDays) {
        return dmn.evaluateDecisionTable(decision, Variables.putValue("segment", segment)
                        .putValue("confirmationDays", confirmationDays))
                .collectEntries("reminderDay").stream().map(d -> ((Number) d).intValue()).sorted().toList();
    }

    @ParameterizedTest(name = "segment \"{0}\", {1} days: {2}")
    @CsvSource(delimiter = ';', value = {
            // every other segment: day 5 and day 10 (rows others5, others10)
            "'';15;5,10", "A;15;5,10", "B;30;5,10", "KEY-ACCOUNTS;15;5,10",
            // only days inside the time to answer
            "A;10;5", "A;6;5", "A;5;''", "'';3;''",
            // key accounts: days 3, 7 and 12 (rows key3, key7, key12)
            "KEY;15;3,7,12", "KEY-ACCOUNT;15;3,7,12", "KEY;12;3,7", "KEY;8;3,7", "KEY;7;3", "KEY;3;''"})
    void theSegmentAndTheTimeToAnswerDecideTheDays(String segment, int confirmationDays, String expected) {
        List<Integer> want = expected.isEmpty() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertThat(days(segment, confirmationDays)).isEqualTo(want);
    }
}
