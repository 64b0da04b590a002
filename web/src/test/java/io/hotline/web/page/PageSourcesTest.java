package io.hotline.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page's files keep to the rules its Content-Security-Policy and its safety depend on: nothing inline, no
 * server text parsed as HTML, nothing loaded from another origin.
 */
class PageSourcesTest {

    private static final Pattern HTML_SINKS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(|\\.style\\b"
                    + "|setAttribute\\(\\s*\"(style|on\\w+)\"");

    @Test
    void shouldKeepScriptsAwayFromHtmlParsingAndInlineStyles() {
        // given every script of the page
        for (String script : PageSources.scripts()) {
            // then none parses strings as HTML or sets a style from a string
            assertThat(HTML_SINKS.matcher(script).find()).as(firstLine(script)).isFalse();
        }
    }

    @Test
    void shouldHaveNoInlineScriptStyleOrForeignOriginInTheHtml() {
        // given the page
        String html = PageResources.read("index.html");

        // then every script is a file of the page, and nothing is inline or from elsewhere
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=\"/static/)")
                .doesNotContainPattern("\\sstyle=").doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("(src|href)=\"(https?:)?//");
        for (String file : PageResources.FILES) {
            assertThat(html).contains("/static/" + file);
        }
    }

    @Test
    void shouldHaveNoInlineScriptStyleOrForeignOriginInTheWallboard() {
        String html = PageResources.read("wallboard.html");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=\"/static/)")
                .doesNotContainPattern("\\sstyle=").doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("(src|href)=\"(https?:)?//")
                .contains("/static/map.js", "/static/wallboard.js", "/static/wallboard.css");
    }

    @Test
    void shouldFindTheTranslationKeysOfTheScripts() {
        assertThat(PageSources.translationKeys()).contains("login.throttled", "wo.saved", "sup.monitorRinging",
                "wb.stale");
    }

    private static String firstLine(String script) {
        int end = script.indexOf('\n', 4);
        return script.substring(0, end < 0 ? script.length() : end);
    }
}
