package io.splice.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A search's query string, {@code email=a%40b.nl&city=Delft}, as decoded field = value criteria. */
final class SearchQuery {

    private SearchQuery() {
    }

    static Map<String, String> criteria(String rawQuery) {
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            criteria.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return criteria;
    }
}
