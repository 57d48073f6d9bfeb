package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/** List parameters as Delighted's clients send them: {@code expand[]=a&expand[]=b}, {@code expand=a,b}. */
final class QueryLists {

    private QueryLists() {}

    static List<String> values(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (String key : List.of(name + "[]", name)) {
            String[] given = request.getParameterValues(key);
            if (given != null) {
                for (String value : given) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.strip());
                        }
                    }
                }
            }
        }
        return values;
    }
}
