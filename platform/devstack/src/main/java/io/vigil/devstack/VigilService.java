package io.vigil.devstack;

import io.vigil.escalation.EscalationApplication;
import io.vigil.incident.IncidentCoreApplication;
import io.vigil.ingestion.IngestionApplication;
import io.vigil.notification.NotificationApplication;
import io.vigil.remediation.RemediationApplication;

/** The five services the devstack hosts, with the ports they listen on by default. */
public enum VigilService {
    INGESTION(IngestionApplication.SERVICE_NAME, IngestionApplication.class, 8081),
    INCIDENT_CORE(IncidentCoreApplication.SERVICE_NAME, IncidentCoreApplication.class, 8082),
    ESCALATION(EscalationApplication.SERVICE_NAME, EscalationApplication.class, 8083),
    NOTIFICATION(NotificationApplication.SERVICE_NAME, NotificationApplication.class, 8084),
    REMEDIATION(RemediationApplication.SERVICE_NAME, RemediationApplication.class, 8085);

    private final String serviceName;
    private final Class<?> application;
    private final int defaultPort;

    VigilService(String serviceName, Class<?> application, int defaultPort) {
        this.serviceName = serviceName;
        this.application = application;
        this.defaultPort = defaultPort;
    }

    public String serviceName() {
        return serviceName;
    }

    public Class<?> application() {
        return application;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
