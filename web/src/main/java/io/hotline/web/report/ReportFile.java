package io.hotline.web.report;

import java.util.Objects;

/**
 * A rendered report: its media type, the name a browser saves it under, and its bytes. Immutable: the bytes are
 * copied in and out.
 *
 * @param contentType           e.g. {@code text/html; charset=utf-8}
 * @param fileName              e.g. {@code service-quality-2026-11-01-2026-12-01.html}
 * @param contentSecurityPolicy the policy the served file runs under
 * @param content               the file
 */
public record ReportFile(String contentType, String fileName, String contentSecurityPolicy, byte[] content) {

    public ReportFile {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
