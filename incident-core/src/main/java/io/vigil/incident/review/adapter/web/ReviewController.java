package io.vigil.incident.review.adapter.web;

import io.vigil.incident.review.ReviewProperties;
import io.vigil.incident.review.adapter.web.Views.ReviewSummary;
import io.vigil.incident.review.adapter.web.Views.ReviewView;
import io.vigil.incident.review.application.ActionItems;
import io.vigil.incident.review.application.EditReview;
import io.vigil.incident.review.application.MoveReview;
import io.vigil.incident.review.application.Reviews;
import io.vigil.incident.review.application.WriteReview;
import io.vigil.incident.review.domain.Findings;
import io.vigil.incident.review.domain.Review;
import io.vigil.incident.review.domain.ReviewDocument;
import io.vigil.incident.review.domain.ReviewState;
import io.vigil.starter.web.InvalidField;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Post-incident reviews: written for an incident, edited by the team, moved to review and published. */
@RestController
class ReviewController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final Reviews reviews;
    private final ActionItems actionItems;
    private final WriteReview writeReview;
    private final EditReview editReview;
    private final MoveReview moveReview;
    private final ReviewProperties properties;
    private final Clock clock;

    ReviewController(Reviews reviews, ActionItems actionItems, WriteReview writeReview, EditReview editReview,
            MoveReview moveReview, ReviewProperties properties, Clock clock) {
        this.reviews = reviews;
        this.actionItems = actionItems;
        this.writeReview = writeReview;
        this.editReview = editReview;
        this.moveReview = moveReview;
        this.properties = properties;
        this.clock = clock;
    }

    /** The team's words; a field left out (or {@code null}) stays as it is. */
    record EditRequest(@Size(max = 65536) String summary, @Size(max = 65536) String rootCauses,
            @Size(max = 65536) String contributingFactors, @Size(max = 65536) String wentWell,
            @Size(max = 65536) String wentBadly, @Size(max = 65536) String lessons,
            @Size(max = 100) List<@NotBlank @Size(max = 255) String> servicesAffected,
            @Size(max = 4096) String customersAffected) {
    }

    /** {@code draft}, {@code in_review} or {@code published}. */
    record StateRequest(@NotBlank String state) {
    }

    /** Writes the incident's review now, whatever its severity: 201 when written, 200 when it already had one. */
    @PostMapping("/v1/incidents/{incidentId}/review")
    ResponseEntity<ReviewView> writeFor(@PathVariable UUID incidentId) {
        WriteReview.Written written = writeReview.onDemand(incidentId);
        ReviewView view = view(written.review());
        if (!written.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1/reviews/{id}")
                .build(written.review().id());
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping("/v1/incidents/{incidentId}/review")
    @Transactional(readOnly = true)
    ResponseEntity<?> ofIncident(@PathVariable UUID incidentId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Review review = reviews.ofIncident(incidentId)
                .orElseThrow(() -> new ResourceNotFound("review of incident", incidentId));
        return answer(review, accept);
    }

    /** Reviews, newest first, optionally in one state. */
    @GetMapping("/v1/reviews")
    @Transactional(readOnly = true)
    List<ReviewSummary> list(@RequestParam(required = false) String state,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return reviews.list(state == null ? null : state(state, "state"), limit, offset).stream()
                .map(ReviewSummary::of).toList();
    }

    /** The review as JSON, or with {@code Accept: text/markdown} as a Markdown document for a wiki. */
    @GetMapping("/v1/reviews/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<?> get(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(reviews.find(id).orElseThrow(() -> new ResourceNotFound("review", id)), accept);
    }

    @PatchMapping("/v1/reviews/{id}")
    ReviewView edit(@PathVariable UUID id, @Valid @RequestBody EditRequest body) {
        return view(editReview.edit(new EditReview.Command(id, new Findings(body.summary(), body.rootCauses(),
                body.contributingFactors(), body.wentWell(), body.wentBadly(), body.lessons()),
                body.servicesAffected() == null ? null : body.servicesAffected().stream().map(String::strip).toList(),
                body.customersAffected())));
    }

    /** Moves the review: draft → in_review → published, or in_review → draft. */
    @PostMapping("/v1/reviews/{id}/state")
    ReviewView move(@PathVariable UUID id, @Valid @RequestBody StateRequest body) {
        return view(moveReview.moveTo(id, state(body.state(), "state")));
    }

    private ResponseEntity<?> answer(Review review, String accept) {
        if (wantsMarkdown(accept)) {
            return ResponseEntity.ok().contentType(MARKDOWN).body(ReviewDocument.markdown(review,
                    actionItems.of(review.id()), properties.zone()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view(review));
    }

    private ReviewView view(Review review) {
        return ReviewView.of(review, actionItems.of(review.id()), clock.instant(), properties.zone());
    }

    /** Markdown when the client names {@code text/markdown} and ranks it no lower than JSON; JSON otherwise. */
    static boolean wantsMarkdown(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double markdown = 0;
        double json = 0;
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.getType().equals("text") && type.getSubtype().equals("markdown")) {
                markdown = Math.max(markdown, type.getQualityValue());
            } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return markdown > 0 && markdown >= json;
    }

    private static ReviewState state(String label, String field) {
        try {
            return ReviewState.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw InvalidField.of(field, "must be one of " + String.join(", ",
                    Arrays.stream(ReviewState.values()).map(ReviewState::label).toList()));
        }
    }
}
