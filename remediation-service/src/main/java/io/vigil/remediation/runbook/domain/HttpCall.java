package io.vigil.remediation.runbook.domain;

import java.util.Map;

/**
 * An HTTP request a check or an action makes. Every string may hold templates.
 *
 * @param method       GET, POST, PUT, PATCH or DELETE
 * @param url          absolute http(s) URL; its host must be allow-listed
 * @param headers      extra request headers
 * @param body         request body, or {@code null}
 * @param expectStatus the status that counts as success, or {@code null} for any 2xx
 * @param bodyContains text the response body must contain to count as success, or {@code null}
 */
public record HttpCall(String method, String url, Map<String, String> headers, String body, Integer expectStatus,
        String bodyContains) {

    public HttpCall {
        headers = Map.copyOf(headers);
    }

    public boolean succeeded(int status, String responseBody) {
        boolean statusOk = expectStatus == null ? status >= 200 && status < 300 : status == expectStatus;
        return statusOk && (bodyContains == null || (responseBody != null && responseBody.contains(bodyContains)));
    }
}
