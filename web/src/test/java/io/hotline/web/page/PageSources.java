package io.hotline.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The page's sources as text, for checks that need no browser. Stateless. */
final class PageSources {

    private static final Pattern TRANSLATION_CALL = Pattern.compile("\\bt\\(\\s*\"([a-zA-Z][\\w.]*)\"\\s*[,)]");

    private PageSources() {
    }

    /** Every script of the pages (the desktop's and the wallboard's), as {@code /static/<name>} serves it. */
    static List<String> scripts() {
        return Stream.concat(PageResources.FILES.stream(), Stream.of("wallboard.js"))
                .filter(file -> file.endsWith(".js")).map(file -> PageResources.read("static/" + file)).toList();
    }

    /**
     * The literal keys the scripts pass to {@code t("...")} (not the dictionary's own file, nor keys built from a
     * prefix and a server value, such as {@code "seat.hint." + state}).
     */
    static List<String> translationKeys() {
        List<String> keys = new ArrayList<>();
        for (String script : scripts()) {
            if (script.contains("var dictionary = {")) {
                continue;
            }
            Matcher matcher = TRANSLATION_CALL.matcher(script);
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }
}
