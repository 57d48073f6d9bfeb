package org.opennps.demo;

import java.time.Instant;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remembers which demo workspaces were created once, so a deleted one is not made again. */
@Repository
class DemoSeedRepository {

    private final JdbcClient jdbc;

    DemoSeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the slug; false when it was claimed before (by this node or another). */
    boolean claim(String slug, Instant now) {
        return jdbc.sql("insert into demo_seed (slug, created_at) values (?, ?) on conflict do nothing")
                        .params(slug, SqlTimes.param(now))
                        .update()
                > 0;
    }
}
