package io.hotline.app.simulate;

/**
 * One extension name of a dialplan, literal ({@code *21}, {@code s}, {@code h}) or a pattern ({@code _X.},
 * {@code _+X.}, {@code _*23X}), matched as Asterisk does: after the leading {@code _}, {@code X} is 0-9,
 * {@code Z} 1-9, {@code N} 2-9, {@code [..]} a set of characters (with ranges), {@code .} one or more characters,
 * {@code !} zero or more; any other character matches itself. Immutable.
 *
 * @param name the extension as written in the dialplan
 */
record ExtensionPattern(String name) {

    boolean isPattern() {
        return name.startsWith("_");
    }

    /** Whether {@code exten} (a dialled string, never a pattern) is this extension. */
    boolean matches(String exten) {
        return isPattern() ? matches(name.substring(1), 0, exten, 0) : name.equals(exten);
    }

    private static boolean matches(String pattern, int p, String exten, int e) {
        if (p == pattern.length()) {
            return e == exten.length();
        }
        char c = pattern.charAt(p);
        if (c == '.' || c == '!') {
            // The wildcard ends the pattern in Asterisk: it takes the rest (one or more, or zero or more).
            return c == '!' || e < exten.length();
        }
        if (e == exten.length()) {
            return false;
        }
        char x = exten.charAt(e);
        if (c == '[') {
            int close = pattern.indexOf(']', p);
            return inSet(pattern.substring(p + 1, close), x) && matches(pattern, close + 1, exten, e + 1);
        }
        boolean one = switch (Character.toUpperCase(c)) {
            case 'X' -> x >= '0' && x <= '9';
            case 'Z' -> x >= '1' && x <= '9';
            case 'N' -> x >= '2' && x <= '9';
            default -> c == x;
        };
        return one && matches(pattern, p + 1, exten, e + 1);
    }

    private static boolean inSet(String set, char x) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (x >= set.charAt(i) && x <= set.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (set.charAt(i) == x) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asterisk's order among extensions that match the same string: a literal first, then patterns whose
     * leading characters are narrower; a pattern ending in a wildcard after one without. Lower sorts first.
     */
    int rank() {
        if (!isPattern()) {
            return 0;
        }
        return name.endsWith(".") || name.endsWith("!") ? 2 : 1;
    }
}
