package in.workbench.analytics.workspace;

import java.util.Locale;

/**
 * What an analyst may do in a workspace, decided on a team workspace by the PostgreSQL roles the
 * analyst's login belongs to ({@code workbench_reader}, {@code workbench_labeler},
 * {@code workbench_owner}; see the README's command × role table). A workspace folder (H2) is its
 * one analyst's own: there the analyst is always the owner.
 */
public enum TeamRole {
    /** Browses, charts and exports; changes nothing. */
    READER,
    /** Also adds labels, review decisions and corrections. */
    LABELER,
    /** Also imports, trains, scores, segments, recommends, deletes and migrates the schema. */
    OWNER;

    /** The role in the analysts' words: reader, labeler, owner. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The PostgreSQL role (NOLOGIN group) whose members have this role: {@code workbench_} and its word. */
    public String serverRole() {
        return "workbench_" + word();
    }

    /** Whether this role includes {@code right}. */
    public boolean may(Right right) {
        return ordinal() >= right.least().ordinal();
    }

    /** A kind of work, and the least role that may do it. */
    public enum Right {
        /** Browse, chart, export. */
        READ("read"),
        /** Add labels, review decisions and corrections. */
        LABEL("label"),
        /** Rewrite shared tables or models: import, train, score, segment, recommend, delete, migrate. */
        CHANGE("change shared data");

        private final String word;

        Right(String word) {
            this.word = word;
        }

        /** The least role with this right. */
        public TeamRole least() {
            return switch (this) {
                case READ -> READER;
                case LABEL -> LABELER;
                case CHANGE -> OWNER;
            };
        }

        /** The right in the analysts' words. */
        public String word() {
            return word;
        }
    }
}
