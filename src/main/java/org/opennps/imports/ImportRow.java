package org.opennps.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opennps.invitation.Channel;

/** One response read from a file, before it is stored; {@code line} is where it starts. */
record ImportRow(
        long line,
        String sourceId,
        int score,
        String comment,
        String email,
        String externalId,
        String name,
        String phone,
        Instant createdAt,
        Channel channel,
        List<String> tags,
        List<String> notes,
        Map<String, Object> properties,
        Map<String, Object> answers) {}
