package io.hotline.telephony.agi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of the query of an AGI URL as RFC 3986 section 2.1 defines it, not HTML form decoding:
 * {@code %2B} becomes {@code +}, but a literal {@code +} stays a {@code +}. Asterisk puts the dialplan's
 * values into the URL as they are, so {@code route?dnis=+864008001234} (an E.164 number, recording 19) must
 * keep its plus sign; {@link java.net.URLDecoder} would turn it into a space. The bytes of {@code %XX}
 * sequences are read as UTF-8. Text that is not valid percent-encoding (a {@code %} not followed by two hex
 * digits, bytes that are not UTF-8) is returned as it is. Stateless and thread-safe.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** {@code text} with every {@code %XX} replaced by its byte, read as UTF-8; see the class comment. */
    static String decode(String text) {
        int first = text.indexOf('%');
        if (first < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder decoded = new StringBuilder(text.length()).append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                decoded.append(c);
                i++;
                continue;
            }
            while (i < text.length() && text.charAt(i) == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    return text;
                }
                bytes.write(high << 4 | low);
                i += 3;
            }
            if (!appendUtf8(bytes, decoded)) {
                return text;
            }
        }
        return decoded.toString();
    }

    private static boolean appendUtf8(ByteArrayOutputStream bytes, StringBuilder decoded) {
        try {
            decoded.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
            bytes.reset();
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
