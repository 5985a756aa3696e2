package io.vigil.testkit;

final class Hosts {

    private Hosts() {
    }

    /** IPv6 literals need brackets inside URLs, or the port would read as part of the address. */
    static String forUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
