package io.hotline.app;

import picocli.CommandLine;

/** The version shown by {@code hotline --version}: the jar's implementation version. */
final class HotlineVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = HotlineVersion.class.getPackage().getImplementationVersion();
        return new String[] {"hotline " + (version == null ? "development build" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
