package io.hotline.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version shown by {@code hotline --version}: Hotline's version and the git commit it was built from, both
 * written into {@code version.properties} by the build; "unknown" where the build had no git repository (a
 * source tarball), marked when the working tree had uncommitted changes. Stateless.
 */
final class HotlineVersion implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        Properties build = read();
        String version = filled(build.getProperty("version"));
        String commit = filled(build.getProperty("commit"));
        String shown = commit == null ? "unknown" : commit.endsWith("-dirty")
                ? commit.substring(0, commit.length() - "-dirty".length()) + ", with uncommitted changes" : commit;
        return new String[] {"hotline " + (version == null ? "unknown" : version) + " (commit " + shown + ")",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The build's properties, empty when the resource is missing (classes compiled outside Maven). */
    static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = HotlineVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return properties;
    }

    /** {@code value}, or null when it is missing or a placeholder the build could not fill. */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.strip();
    }
}
