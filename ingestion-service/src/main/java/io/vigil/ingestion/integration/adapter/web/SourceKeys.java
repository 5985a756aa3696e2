package io.vigil.ingestion.integration.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;

/**
 * Finds the integration key in a request the way sources can send it: {@code Authorization: Bearer <key>}
 * (Alertmanager's {@code http_config.authorization}), HTTP basic auth with the key as password (any user
 * name; {@code basic_auth} or a URL with credentials) or the query parameter {@code ?key=}.
 */
public final class SourceKeys {

    private SourceKeys() {
    }

    /** The key, or {@code null} when the request carries none. */
    public static String from(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String value = authorization.trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return value.substring(7).trim();
            }
            if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
                String password = basicPassword(value.substring(6).trim());
                if (password != null) {
                    return password;
                }
            }
        }
        return queryKey(request.getQueryString());
    }

    /** From the query string only: reading parameters could consume a form body the door wants to refuse. */
    private static String queryKey(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("key=")) {
                try {
                    return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String basicPassword(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
