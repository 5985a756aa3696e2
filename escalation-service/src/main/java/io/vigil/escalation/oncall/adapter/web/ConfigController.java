package io.vigil.escalation.oncall.adapter.web;

import io.vigil.escalation.oncall.adapter.file.ConfigYaml;
import io.vigil.escalation.oncall.application.ApplyConfiguration;
import io.vigil.escalation.oncall.application.ConfigDocument;
import io.vigil.escalation.oncall.application.ConfigProblem;
import io.vigil.escalation.oncall.application.ConfigStore;
import io.vigil.escalation.oncall.application.InvalidConfiguration;
import io.vigil.escalation.oncall.application.StoredConfig;
import io.vigil.starter.web.ResourceNotFound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escalation configuration over REST: the whole document ({@code /v1/config}) or one object at a time
 * ({@code /v1/users}, {@code /v1/teams}, {@code /v1/schedules}, {@code /v1/escalation-policies}). Every change
 * validates the whole resulting document and applies atomically.
 */
@RestController
class ConfigController {

    /** What a successful change answers. */
    record Applied(long version) {
    }

    private final ApplyConfiguration apply;
    private final ConfigStore store;
    private final ConfigYaml yaml;

    ConfigController(ApplyConfiguration apply, ConfigStore store, ConfigYaml yaml) {
        this.apply = apply;
        this.store = store;
        this.yaml = yaml;
    }

    @GetMapping("/v1/config")
    StoredConfig config() {
        return store.load().orElse(new StoredConfig(ConfigDocument.empty(), 0));
    }

    @PutMapping(path = "/v1/config", consumes = "application/json")
    Applied replace(@RequestBody ConfigDocument document) {
        return new Applied(apply.apply(document));
    }

    @PutMapping(path = "/v1/config", consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    Applied replaceYaml(@RequestBody String document) {
        return new Applied(apply.apply(yaml.read(document)));
    }

    @GetMapping("/v1/users")
    List<ConfigDocument.UserSpec> users() {
        return current().users();
    }

    @GetMapping("/v1/users/{id}")
    ConfigDocument.UserSpec user(@PathVariable String id) {
        return find(current().users(), ConfigDocument.UserSpec::id, id, "user");
    }

    @PutMapping("/v1/users/{id}")
    ConfigDocument.UserSpec putUser(@PathVariable String id, @RequestBody ConfigDocument.UserSpec user) {
        ConfigDocument.UserSpec stored = new ConfigDocument.UserSpec(id, user.name(), user.email(), user.timeZone(),
                user.slack());
        edit(d -> new ConfigDocument(upsert(d.users(), ConfigDocument.UserSpec::id, stored), d.teams(),
                d.schedules(), d.policies(), d.services(), d.lowUrgency()));
        return stored;
    }

    @DeleteMapping("/v1/users/{id}")
    ResponseEntity<Void> deleteUser(@PathVariable String id) {
        user(id);
        edit(d -> new ConfigDocument(remove(d.users(), ConfigDocument.UserSpec::id, id), d.teams(), d.schedules(),
                d.policies(), d.services(), d.lowUrgency()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/teams")
    List<ConfigDocument.TeamSpec> teams() {
        return current().teams();
    }

    @GetMapping("/v1/teams/{id}")
    ConfigDocument.TeamSpec team(@PathVariable String id) {
        return find(current().teams(), ConfigDocument.TeamSpec::id, id, "team");
    }

    @PutMapping("/v1/teams/{id}")
    ConfigDocument.TeamSpec putTeam(@PathVariable String id, @RequestBody ConfigDocument.TeamSpec team) {
        ConfigDocument.TeamSpec stored = new ConfigDocument.TeamSpec(id, team.name(), team.members());
        edit(d -> new ConfigDocument(d.users(), upsert(d.teams(), ConfigDocument.TeamSpec::id, stored), d.schedules(),
                d.policies(), d.services(), d.lowUrgency()));
        return stored;
    }

    @DeleteMapping("/v1/teams/{id}")
    ResponseEntity<Void> deleteTeam(@PathVariable String id) {
        team(id);
        edit(d -> new ConfigDocument(d.users(), remove(d.teams(), ConfigDocument.TeamSpec::id, id), d.schedules(),
                d.policies(), d.services(), d.lowUrgency()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/schedules")
    List<ConfigDocument.ScheduleSpec> schedules() {
        return current().schedules();
    }

    @GetMapping("/v1/schedules/{id}")
    ConfigDocument.ScheduleSpec schedule(@PathVariable String id) {
        return find(current().schedules(), ConfigDocument.ScheduleSpec::id, id, "schedule");
    }

    @PutMapping("/v1/schedules/{id}")
    ConfigDocument.ScheduleSpec putSchedule(@PathVariable String id,
            @RequestBody ConfigDocument.ScheduleSpec schedule) {
        ConfigDocument.ScheduleSpec stored = new ConfigDocument.ScheduleSpec(id, schedule.name(), schedule.timeZone(),
                schedule.layers(), schedule.overrides());
        edit(d -> new ConfigDocument(d.users(), d.teams(), upsert(d.schedules(), ConfigDocument.ScheduleSpec::id,
                stored), d.policies(), d.services(), d.lowUrgency()));
        return stored;
    }

    @DeleteMapping("/v1/schedules/{id}")
    ResponseEntity<Void> deleteSchedule(@PathVariable String id) {
        schedule(id);
        edit(d -> new ConfigDocument(d.users(), d.teams(), remove(d.schedules(), ConfigDocument.ScheduleSpec::id, id),
                d.policies(), d.services(), d.lowUrgency()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/escalation-policies")
    List<ConfigDocument.PolicySpec> policies() {
        return current().policies();
    }

    @GetMapping("/v1/escalation-policies/{id}")
    ConfigDocument.PolicySpec policy(@PathVariable String id) {
        return find(current().policies(), ConfigDocument.PolicySpec::id, id, "escalation policy");
    }

    @PutMapping("/v1/escalation-policies/{id}")
    ConfigDocument.PolicySpec putPolicy(@PathVariable String id, @RequestBody ConfigDocument.PolicySpec policy) {
        ConfigDocument.PolicySpec stored = new ConfigDocument.PolicySpec(id, policy.name(), policy.repeat(),
                policy.levels());
        edit(d -> new ConfigDocument(d.users(), d.teams(), d.schedules(),
                upsert(d.policies(), ConfigDocument.PolicySpec::id, stored), d.services(), d.lowUrgency()));
        return stored;
    }

    @DeleteMapping("/v1/escalation-policies/{id}")
    ResponseEntity<Void> deletePolicy(@PathVariable String id) {
        policy(id);
        edit(d -> new ConfigDocument(d.users(), d.teams(), d.schedules(),
                remove(d.policies(), ConfigDocument.PolicySpec::id, id), d.services(), d.lowUrgency()));
        return ResponseEntity.noContent().build();
    }

    /** Which policy a service uses. */
    record ServicePolicy(String policy) {
    }

    @GetMapping("/v1/services")
    Map<String, String> services() {
        return current().services();
    }

    @PutMapping("/v1/services/{service}")
    ServicePolicy putService(@PathVariable String service, @RequestBody ServicePolicy binding) {
        if (binding.policy() == null || binding.policy().isBlank()) {
            throw new InvalidConfiguration(List.of(new ConfigProblem("services." + service, "is required")));
        }
        edit(d -> {
            Map<String, String> services = new HashMap<>(d.services());
            services.put(service, binding.policy());
            return new ConfigDocument(d.users(), d.teams(), d.schedules(), d.policies(), services, d.lowUrgency());
        });
        return binding;
    }

    @DeleteMapping("/v1/services/{service}")
    ResponseEntity<Void> deleteService(@PathVariable String service) {
        if (!current().services().containsKey(service)) {
            throw new ResourceNotFound("service", service);
        }
        edit(d -> {
            Map<String, String> services = new HashMap<>(d.services());
            services.remove(service);
            return new ConfigDocument(d.users(), d.teams(), d.schedules(), d.policies(), services, d.lowUrgency());
        });
        return ResponseEntity.noContent().build();
    }

    private ConfigDocument current() {
        return config().document();
    }

    private void edit(UnaryOperator<ConfigDocument> change) {
        apply.edit(change);
    }

    private static <T> T find(List<T> items, Function<T, String> id, String wanted, String kind) {
        return items.stream().filter(item -> wanted.equals(id.apply(item))).findFirst()
                .orElseThrow(() -> new ResourceNotFound(kind, wanted));
    }

    private static <T> List<T> upsert(List<T> items, Function<T, String> id, T item) {
        List<T> result = new ArrayList<>();
        boolean replaced = false;
        for (T existing : items) {
            if (id.apply(existing).equals(id.apply(item))) {
                result.add(item);
                replaced = true;
            } else {
                result.add(existing);
            }
        }
        if (!replaced) {
            result.add(item);
        }
        return result;
    }

    private static <T> List<T> remove(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(item -> !wanted.equals(id.apply(item))).toList();
    }
}
