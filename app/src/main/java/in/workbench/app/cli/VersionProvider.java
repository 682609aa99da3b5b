package in.workbench.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the workbench version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {

    /** The running workbench version. */
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"workbench " + version(), "Java " + System.getProperty("java.version")};
    }
}
