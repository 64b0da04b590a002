package io.hotline.app.report;

import java.util.Locale;
import java.util.Optional;

/** The languages the report is written in: the page's two. */
public enum ReportLanguage {
    /** Simplified Chinese. */
    ZH,
    /** English. */
    EN;

    /** The language of a {@code --lang} or {@code lang=} value ({@code zh}, {@code en}), if it is one. */
    public static Optional<ReportLanguage> of(String code) {
        for (ReportLanguage language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The code: {@code zh} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
