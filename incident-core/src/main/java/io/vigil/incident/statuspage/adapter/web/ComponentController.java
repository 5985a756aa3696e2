package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.adapter.web.Views.ComponentView;
import io.vigil.incident.statuspage.adapter.web.Views.GroupView;
import io.vigil.incident.statuspage.application.ManageComponents;
import io.vigil.incident.statuspage.application.StatusComponents;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The page's components and their groups. Creating, changing and removing them needs the admin role
 * ({@code vigil.security.admin-paths}); setting a component's status ({@code PUT /components/{id}/status}) is a
 * responder's job during an incident.
 */
@RestController
@RequestMapping("/v1/status-page")
class ComponentController {

    private final ManageComponents manage;
    private final StatusComponents components;

    ComponentController(ManageComponents manage, StatusComponents components) {
        this.manage = manage;
        this.components = components;
    }

    record GroupRequest(@NotBlank @Size(max = 255) String name, @Min(0) Integer position) {
    }

    /** A new component; {@code status} defaults to {@code operational}. */
    record ComponentRequest(@NotBlank @Size(max = 255) String name, @Size(max = 2048) String description,
            UUID groupId, @Min(0) Integer position, String status) {
    }

    /** A change of a component: what is given changes. */
    record ComponentPatch(@Size(min = 1, max = 255) String name, @Size(max = 2048) String description,
            UUID groupId, @Min(0) Integer position, String status) {
    }

    record StatusRequest(@NotBlank String status) {
    }

    @GetMapping("/groups")
    @Transactional(readOnly = true)
    List<GroupView> groups() {
        return components.groups().stream().map(GroupView::of).toList();
    }

    @PostMapping("/groups")
    ResponseEntity<GroupView> addGroup(@Valid @RequestBody GroupRequest request) {
        GroupView group = GroupView.of(manage.addGroup(request.name(), request.position()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(group.id());
        return ResponseEntity.created(location).body(group);
    }

    @DeleteMapping("/groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeGroup(@PathVariable UUID id) {
        manage.removeGroup(id);
    }

    @GetMapping("/components")
    @Transactional(readOnly = true)
    List<ComponentView> components() {
        return components.all().stream().map(ComponentView::of).toList();
    }

    @GetMapping("/components/{id}")
    @Transactional(readOnly = true)
    ComponentView component(@PathVariable UUID id) {
        return components.find(id).map(ComponentView::of).orElseThrow(() -> new ResourceNotFound("component", id));
    }

    @PostMapping("/components")
    ResponseEntity<ComponentView> add(@Valid @RequestBody ComponentRequest request) {
        ComponentView component = ComponentView.of(manage.add(new ManageComponents.ComponentSpec(request.name(),
                request.description(), request.groupId(), request.position(), status(request.status()))));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(component.id());
        return ResponseEntity.created(location).body(component);
    }

    @PatchMapping("/components/{id}")
    ComponentView change(@PathVariable UUID id, @Valid @RequestBody ComponentPatch patch) {
        return ComponentView.of(manage.change(id, new ManageComponents.ComponentSpec(patch.name(),
                patch.description(), patch.groupId(), patch.position(), status(patch.status()))));
    }

    @PutMapping("/components/{id}/status")
    ComponentView setStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return ComponentView.of(manage.setStatus(id, ComponentStatus.fromLabel(request.status(), "status")));
    }

    @DeleteMapping("/components/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id) {
        manage.remove(id);
    }

    private static ComponentStatus status(String label) {
        return label == null ? null : ComponentStatus.fromLabel(label, "status");
    }
}
