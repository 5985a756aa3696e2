package io.vigil.remediation.run.adapter.steps;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.vigil.remediation.run.application.StepRunner;
import io.vigil.remediation.runbook.domain.Guardrails;
import io.vigil.remediation.runbook.domain.KubernetesCall;
import io.vigil.remediation.runbook.domain.Step;
import io.vigil.remediation.runbook.domain.Templates;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Changes Kubernetes deployments through the fabric8 client: scale (recording the replicas it found, so a rollback
 * can put them back), rollout restart, and roll back to the previous revision.
 */
@Component
class KubernetesSteps {

    private final KubernetesClients clients;

    KubernetesSteps(KubernetesClients clients) {
        this.clients = clients;
    }

    String describe(Step step, Map<String, String> values) {
        KubernetesCall call = step.kubernetes();
        String target = "deployment %s/%s".formatted(call.namespace(), Templates.render(call.deployment(), values));
        return switch (call.action()) {
            case SCALE -> "scale %s to %s replicas".formatted(target, Templates.render(call.replicas(), values));
            case RESTART -> "rollout restart " + target;
            case ROLLBACK -> "roll %s back to its previous revision".formatted(target);
        };
    }

    StepRunner.Result run(Step step, Map<String, String> values, Guardrails guardrails) {
        KubernetesCall call = step.kubernetes();
        if (!guardrails.allowsNamespace(call.namespace())) {
            return new StepRunner.Result(false, "refused: namespace %s is not allow-listed".formatted(
                    call.namespace()));
        }
        String name = Templates.render(call.deployment(), values);
        try {
            KubernetesClient client = clients.client();
            RollableScalableResource<Deployment> deployment = client.apps().deployments()
                    .inNamespace(call.namespace()).withName(name);
            Deployment current = deployment.get();
            if (current == null) {
                return new StepRunner.Result(false, "no deployment %s/%s".formatted(call.namespace(), name));
            }
            if (call.action() == KubernetesCall.Action.RESTART) {
                deployment.rolling().restart();
                return new StepRunner.Result(true, "restarted deployment %s/%s".formatted(call.namespace(), name));
            }
            if (call.action() == KubernetesCall.Action.ROLLBACK) {
                return rollBack(deployment, current, call.namespace(), name);
            }
            int replicas;
            try {
                replicas = Integer.parseInt(Templates.render(call.replicas(), values).trim());
            } catch (NumberFormatException e) {
                return new StepRunner.Result(false, "replicas '%s' is not a number".formatted(
                        Templates.render(call.replicas(), values)));
            }
            Integer previous = current.getSpec() == null ? null : current.getSpec().getReplicas();
            int before = previous == null ? 1 : previous;
            deployment.scale(replicas);
            return new StepRunner.Result(true, "scaled deployment %s/%s from %d to %d replicas".formatted(
                    call.namespace(), name, before, replicas),
                    Map.of("previousReplicas", Integer.toString(before), "replicas", Integer.toString(replicas)));
        } catch (KubernetesClientException e) {
            return new StepRunner.Result(false, "Kubernetes refused: " + (e.getStatus() != null
                    && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage()));
        }
    }

    /**
     * As {@code kubectl rollout undo}: the deployment's pod template goes back to that of the replica set one revision
     * before the current one. Refused when there is no earlier revision.
     */
    private StepRunner.Result rollBack(RollableScalableResource<Deployment> deployment, Deployment current,
            String namespace, String name) {
        String from = revision(current);
        String fromImages = images(current);
        try {
            deployment.rolling().undo();
        } catch (IndexOutOfBoundsException onlyOneRevision) {
            return new StepRunner.Result(false, "deployment %s/%s has no earlier revision to roll back to"
                    .formatted(namespace, name));
        }
        Deployment after = deployment.get();
        String toImages = images(after);
        if (toImages.equals(fromImages)) {
            return new StepRunner.Result(false, "deployment %s/%s has no earlier revision to roll back to (still %s)"
                    .formatted(namespace, name, fromImages));
        }
        return new StepRunner.Result(true, "rolled deployment %s/%s back from revision %s (%s) to %s".formatted(
                namespace, name, from, fromImages, toImages), Map.of("previousRevision", from, "images", toImages));
    }

    private static String revision(Deployment deployment) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        String revision = annotations == null ? null : annotations.get("deployment.kubernetes.io/revision");
        return revision == null ? "?" : revision;
    }

    private static String images(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(c -> c.getImage()).collect(java.util.stream.Collectors.joining(", "));
    }
}
