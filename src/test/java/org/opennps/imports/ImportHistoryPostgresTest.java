package org.opennps.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.OnPostgres;

@OnPostgres
class ImportHistoryPostgresTest extends ImportHistoryTests {

    /** PostgreSQL takes no NUL character in a text column (H2 does): the chunk's batch is refused. */
    @Test
    void aRowTheDatabaseRefusesIsReportedAloneAndTheRestOfItsChunkIsStored() throws Exception {
        String file = "Response ID,Date,Email,Score,Comment\n"
                + "n-1,2026-02-01T10:00:00Z,a@shop.example,9,Fine\n"
                + "n-2,2026-02-02T10:00:00Z,b@shop.example,3,Broken \u0000 again\n"
                + "n-3,2026-02-03T10:00:00Z,c@shop.example,10,\n";
        UUID id = job(file);
        runner.run(id);
        ImportJob done = jobs.find(workspace.workspace().id(), id).orElseThrow();
        assertThat(done.rowsImported()).isEqualTo(2);
        assertThat(done.rowsRejected()).isEqualTo(1);
        assertThat(done.errors()).extracting(ImportJob.RowError::line).containsExactly(3L);
        assertThat(nps("")).containsEntry("responses", 2).containsEntry("promoters", 2);
    }
}
