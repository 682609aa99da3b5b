package in.workbench.analytics.workspace;

/**
 * The process-wide backstops against code carried by files from others (workspaces, model files),
 * installed first thing by the window and the command line. The checks that come first are
 * {@link WorkspaceFileCheck} (a workspace's schema, before H2 opens it) and the model-file
 * allow-list; these catch whatever those miss:
 * <ul>
 *   <li>Java deserialisation admits only known classes ({@link SerialFilter#installProcessWide()});
 *   <li>H2 loads no class by name for a database ({@value #H2_ALLOWED_CLASSES} is set to a name that
 *       matches nothing): triggers, functions and aggregates declared by class, table engines, JDBC
 *       drivers of linked tables, object serialisers and event listeners are all refused. The
 *       workbench's own schema uses none of them.
 * </ul>
 */
public final class ProcessGuards {

    /** H2's system property listing the classes a database may load (read once, when H2 starts). */
    static final String H2_ALLOWED_CLASSES = "h2.allowedClasses";
    /** A class name that does not exist, so that the list admits nothing. */
    static final String NO_CLASS = "in.workbench.analytics.workspace.NoClassFromADatabase";

    private ProcessGuards() {
    }

    /**
     * Installs both backstops. Call before any H2 class is used: H2 reads its property once. A value
     * set on the command line ({@code -Dh2.allowedClasses=…}) is kept.
     */
    public static synchronized void install() {
        if (System.getProperty(H2_ALLOWED_CLASSES) == null) {
            System.setProperty(H2_ALLOWED_CLASSES, NO_CLASS);
        }
        SerialFilter.installProcessWide();
    }
}
