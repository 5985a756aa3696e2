package io.vigil.incident.review.adapter.web;

import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.adapter.web.Views.ActionItemView;
import io.vigil.incident.review.application.ActionItems;
import io.vigil.incident.review.application.PlanActions;
import io.vigil.incident.review.application.Reviews;
import io.vigil.incident.review.domain.ActionItem;
import io.vigil.incident.review.domain.ActionItemStatus;
import io.vigil.incident.review.domain.Priority;
import io.vigil.starter.web.InvalidField;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Action items: under their review for changes, and across all reviews for "what is overdue". */
@RestController
class ActionItemController {

    private final Reviews reviews;
    private final ActionItems actionItems;
    private final PlanActions planActions;
    private final ReviewProperties properties;
    private final Clock clock;

    ActionItemController(Reviews reviews, ActionItems actionItems, PlanActions planActions,
            ReviewProperties properties, Clock clock) {
        this.reviews = reviews;
        this.actionItems = actionItems;
        this.planActions = planActions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new item; the owner is a user id as escalation-service knows users, the due date a calendar day. */
    record AddRequest(@NotBlank @Size(max = 1024) String title, @NotNull Priority priority,
            @NotBlank @Size(max = 255) String owner, LocalDate dueDate) {
    }

    /** Changes; a field left out stays. {@code status}: {@code open}, {@code done} or {@code cancelled}. */
    record ChangeRequest(@Size(min = 1, max = 1024) String title, Priority priority,
            @Size(min = 1, max = 255) String owner, LocalDate dueDate, String status) {
    }

    /**
     * Items across every review, most urgent first.
     *
     * @param overdue only open items whose due date is past (by the service clock, in {@code vigil.incident.reviews.zone})
     * @param owner   only this owner's
     */
    @GetMapping("/v1/action-items")
    @Transactional(readOnly = true)
    List<ActionItemView> search(@RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        return actionItems.search(overdue ? today : null, owner, limit, offset).stream()
                .map(item -> ActionItemView.of(item, now, properties.zone())).toList();
    }

    @GetMapping("/v1/reviews/{reviewId}/action-items")
    @Transactional(readOnly = true)
    List<ActionItemView> list(@PathVariable UUID reviewId) {
        if (reviews.find(reviewId).isEmpty()) {
            throw new ResourceNotFound("review", reviewId);
        }
        return actionItems.of(reviewId).stream().map(this::view).toList();
    }

    @PostMapping("/v1/reviews/{reviewId}/action-items")
    ResponseEntity<ActionItemView> add(@PathVariable UUID reviewId, @Valid @RequestBody AddRequest body) {
        ActionItem item = planActions.add(new PlanActions.Add(reviewId, body.title().strip(), body.priority(),
                body.owner().strip(), body.dueDate()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(item.id());
        return ResponseEntity.created(location).body(view(item));
    }

    @GetMapping("/v1/reviews/{reviewId}/action-items/{itemId}")
    @Transactional(readOnly = true)
    ActionItemView get(@PathVariable UUID reviewId, @PathVariable UUID itemId) {
        return actionItems.find(reviewId, itemId).map(this::view)
                .orElseThrow(() -> new ResourceNotFound("action item", itemId));
    }

    @PatchMapping("/v1/reviews/{reviewId}/action-items/{itemId}")
    ActionItemView change(@PathVariable UUID reviewId, @PathVariable UUID itemId,
            @Valid @RequestBody ChangeRequest body) {
        return view(planActions.change(new PlanActions.Change(reviewId, itemId, body.title(), body.priority(),
                body.owner(), body.dueDate(), body.status() == null ? null : status(body.status()))));
    }

    @DeleteMapping("/v1/reviews/{reviewId}/action-items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID reviewId, @PathVariable UUID itemId) {
        planActions.remove(reviewId, itemId);
    }

    private ActionItemView view(ActionItem item) {
        return ActionItemView.of(item, clock.instant(), properties.zone());
    }

    private static ActionItemStatus status(String label) {
        try {
            return ActionItemStatus.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw InvalidField.of("status", "must be one of " + String.join(", ",
                    Arrays.stream(ActionItemStatus.values()).map(ActionItemStatus::label).toList()));
        }
    }
}
