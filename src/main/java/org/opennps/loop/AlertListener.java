package org.opennps.loop;

import org.opennps.response.ResponseRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Hands every response change to the alert rules, durably and after the response is stored. */
@Component
class AlertListener {

    private final AlertService alerts;

    AlertListener(AlertService alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(ResponseRecorded response) {
        if (response.imported()) {
            return; // history from another system: its alerts were handled there, long ago
        }
        alerts.evaluate(response);
    }
}
