package org.opennps.loop;

import java.time.LocalDate;
import java.util.List;
import org.opennps.analytics.NpsResult;
import org.opennps.analytics.ScoredAnswer;

/**
 * The figures of one workspace's daily digest: yesterday's answers in the workspace's zone, the
 * day before for comparison, yesterday's detractors (the newest {@link DigestService#DETRACTORS}),
 * and the cases waiting now.
 */
record DigestReport(
        String workspaceName,
        String timeZone,
        LocalDate day,
        NpsResult yesterday,
        NpsResult dayBefore,
        List<ScoredAnswer> detractors,
        long openCases,
        long overdueCases,
        String inboxUrl) {

    /** Change of NPS against the day before; null when either day had no answers. */
    Double change() {
        return yesterday.nps() == null || dayBefore.nps() == null
                ? null
                : Math.round((yesterday.nps() - dayBefore.nps()) * 10) / 10.0;
    }
}
