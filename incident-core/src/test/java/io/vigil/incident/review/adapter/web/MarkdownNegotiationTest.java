package io.vigil.incident.review.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownNegotiationTest {

    @Test
    void markdownOnlyWhenAskedForAndNotRankedBelowJson() {
        assertThat(ReviewController.wantsMarkdown("text/markdown")).isTrue();
        assertThat(ReviewController.wantsMarkdown("text/markdown; charset=UTF-8, */*;q=0.1")).isTrue();
        assertThat(ReviewController.wantsMarkdown("application/json;q=0.5, text/markdown")).isTrue();
        assertThat(ReviewController.wantsMarkdown("application/json, text/markdown;q=0.5")).isFalse();
        assertThat(ReviewController.wantsMarkdown("*/*")).isFalse();
        assertThat(ReviewController.wantsMarkdown("text/*")).isFalse();
        assertThat(ReviewController.wantsMarkdown("text/markdown;q=0")).isFalse();
        assertThat(ReviewController.wantsMarkdown(null)).isFalse();
    }
}
