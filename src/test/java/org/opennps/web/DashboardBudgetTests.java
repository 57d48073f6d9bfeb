package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opennps.support.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Round trips of one dashboard page with answers to show: held to the count measured when the
 * budget was set plus about a fifth, so a panel that starts querying per row fails.
 */
abstract class DashboardBudgetTests extends AdminPageTestBase {

    /** Measured 21 on H2 and PostgreSQL; see docs/testing.md for how budgets are set. */
    static final int DASHBOARD = 25;

    @Autowired
    SqlStatements statements;

    @Test
    void theDashboardWithAnswersStaysWithinItsBudget() throws Exception {
        String survey = createSurvey();
        respond(survey, "p1", 10, "'why':'Fast delivery'");
        respond(survey, "p2", 9, "'area':'Support'");
        respond(survey, "n1", 8, "'area':'Pricing'");
        respond(survey, "d1", 3, "'why':'Parcel was wet'");
        awaitCounted(4);
        background.settle();

        try (var sql = statements.record()) {
            mvc.perform(get("/").param("period", "30d").with(signedIn())).andExpect(status().isOk());
            assertThat(sql.countOnThisThread()).as(sql.describe()).isLessThanOrEqualTo(DASHBOARD);
        }
    }
}
