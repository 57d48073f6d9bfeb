package org.opennps.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Collects application events that modules publish, so tests can check what was announced. */
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getPackageName().startsWith("org.opennps")) {
            events.add(event);
        }
    }

    public <T> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
