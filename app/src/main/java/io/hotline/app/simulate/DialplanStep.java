package io.hotline.app.simulate;

/**
 * One priority of a dialplan extension: {@code exten => <extension>,<priority>(<label>),<application>(<data>)}.
 * Immutable.
 *
 * @param context     the context it is in
 * @param extension   the extension as written ({@code _X.}, {@code s}, {@code h})
 * @param priority    its number (an {@code n} counted from the one before)
 * @param label       its label, or {@code null}
 * @param application the application name, e.g. {@code Dial}
 * @param data        the application's argument text before substitution (empty when none)
 */
record DialplanStep(String context, String extension, int priority, String label, String application,
                    String data) {

    @Override
    public String toString() {
        return context + "," + extension + "," + priority + ": " + application + "(" + data + ")";
    }
}
