package io.crimecast.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A request's query parameters, checked: an unknown, repeated or malformed one is a 400 that names it. */
final class Params {
    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    static Params parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(name)) {
                    throw QueryException.badRequest("unknown parameter '" + name + "'" + (allowed.isEmpty() ? "; this path takes none"
                            : "; allowed: " + String.join(", ", allowed)));
                }
                if (values.put(name, value) != null) {
                    throw QueryException.badRequest("parameter '" + name + "' given twice");
                }
            }
        }
        return new Params(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw QueryException.badRequest("malformed percent-encoding in '" + s + "'");
        }
    }

    String string(String name, String fallback) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    Integer integer(String name, Integer fallback, int min, int max) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw QueryException.badRequest("parameter '" + name + "' must be from " + min + " to " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw QueryException.badRequest("parameter '" + name + "' must be a whole number, was '" + v + "'");
        }
    }

    Double number(String name, double min, double max) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw QueryException.badRequest("parameter '" + name + "' is required");
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw QueryException.badRequest("parameter '" + name + "' must be a number, was '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw QueryException.badRequest("parameter '" + name + "' must be from " + min + " to " + max + ", was " + v);
        }
        return d;
    }

    LocalDate date(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw QueryException.badRequest("parameter '" + name + "' must be a date as YYYY-MM-DD, was '" + v + "'");
        }
    }

    boolean flag(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw QueryException.badRequest("parameter '" + name + "' must be true or false, was '" + v + "'");
    }
}
