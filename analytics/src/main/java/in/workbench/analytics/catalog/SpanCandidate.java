package in.workbench.analytics.catalog;

import java.io.Serial;
import java.io.Serializable;

/**
 * A phrase of the vocabulary found in a title: tokens {@code firstToken} (inclusive) to
 * {@code lastToken} (exclusive), characters {@code start} to {@code end} of the title, and the
 * vocabulary entry it matched. Immutable.
 */
public record SpanCandidate(int firstToken, int lastToken, int start, int end, AttributeVocabulary.Entry entry) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
