package io.hotline.telephony.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes what Asterisk sends on a FastAGI connection: first the environment block up to the empty line
 * ({@link AgiRequest}), then replies ({@link AgiReply}, a multi-line {@code 520-} usage block as one reply) and
 * unsolicited {@link AgiHangup} lines. Lines end with LF (a CR before it is dropped) and are UTF-8.
 * <p>
 * Lines are capped at {@code maxLineLength} bytes; the environment (the request header) has its own, smaller caps
 * on its total size and on each line, near what Asterisk really sends, so that a client cannot make Hotline buffer
 * much before it has sent a request; anything
 * malformed raises a {@link DecoderException} and the decoder discards all further input, so the session
 * handler can log the reason and close this connection without touching others. One per channel: not
 * {@code @Sharable}.
 */
public final class AgiDecoder extends ByteToMessageDecoder {
    /** Default longest line: Asterisk's own AGI buffer is 2 KiB; usage texts stay well below this. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
    private static final int MAX_ENVIRONMENT_LINES = 256;
    private static final int MAX_USAGE_LINES = 256;

    private enum State { ENVIRONMENT, REPLIES, USAGE, FAILED }

    /**
     * The variable names Asterisk 20/22 sends. A waiting caller keeps its environment for the whole session, so
     * these keys are shared by every session instead of retained once per caller (tens of thousands wait).
     */
    private static final Map<String, String> KNOWN_KEYS = java.util.stream.Stream.of("agi_network",
            "agi_network_script", "agi_request", "agi_channel", "agi_language", "agi_type", "agi_uniqueid",
            "agi_version", "agi_callerid", "agi_calleridname", "agi_callingpres", "agi_callingani2",
            "agi_callington", "agi_callingtns", "agi_dnid", "agi_rdnis", "agi_context", "agi_extension",
            "agi_priority", "agi_enhanced", "agi_accountcode", "agi_threadid", "agi_arg_1", "agi_arg_2",
            "agi_arg_3", "agi_arg_4").collect(java.util.stream.Collectors.toUnmodifiableMap(key -> key, key -> key));

    private final int maxLineLength;
    private final int maxHeaderBytes;
    private final int maxHeaderLineLength;
    private int headerBytes;
    private State state = State.ENVIRONMENT;
    private Map<String, String> environment = new LinkedHashMap<>();
    private int usageCode;
    private StringBuilder usage;
    private int usageLines;

    public AgiDecoder() {
        this(DEFAULT_MAX_LINE_LENGTH);
    }

    public AgiDecoder(int maxLineLength) {
        this(maxLineLength, AgiLimits.DEFAULT_MAX_HEADER_BYTES,
                Math.min(maxLineLength, AgiLimits.DEFAULT_MAX_HEADER_LINE_LENGTH));
    }

    /** Replies' lines up to {@code maxLineLength}; the header up to {@code maxHeaderBytes} in lines up to its cap. */
    public AgiDecoder(int maxLineLength, int maxHeaderBytes, int maxHeaderLineLength) {
        if (maxLineLength < 64 || maxHeaderLineLength < 64) {
            throw new IllegalArgumentException("line caps must be at least 64: " + maxLineLength + ", "
                    + maxHeaderLineLength);
        }
        this.maxLineLength = maxLineLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderLineLength = maxHeaderLineLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        String line;
        try {
            while ((line = readLine(in)) != null) {
                switch (state) {
                    case ENVIRONMENT -> decodeEnvironment(line, out);
                    case REPLIES -> decodeReply(line, out);
                    case USAGE -> decodeUsage(line, out);
                    default -> throw new IllegalStateException("unexpected state " + state);
                }
            }
        } catch (DecoderException e) {
            fail(in);
            throw e;
        }
    }

    private void fail(ByteBuf in) {
        state = State.FAILED;
        environment = null;
        usage = null;
        in.skipBytes(in.readableBytes());
    }

    /** The next line without its line end, or {@code null} when no whole line is buffered yet. */
    private String readLine(ByteBuf in) {
        boolean header = state == State.ENVIRONMENT;
        int lineCap = header ? maxHeaderLineLength : maxLineLength;
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        int length = end < 0 ? in.readableBytes() : end - in.readerIndex();
        if (header && headerBytes + length + (end < 0 ? 0 : 1) > maxHeaderBytes) {
            throw new TooLongFrameException("AGI request header longer than " + maxHeaderBytes + " bytes");
        }
        if (length > lineCap) {
            throw new TooLongFrameException("AGI " + (header ? "header " : "") + "line longer than " + lineCap
                    + " bytes");
        }
        if (end < 0) {
            return null;
        }
        if (header) {
            headerBytes += length + 1;
        }
        int contentLength = length > 0 && in.getByte(end - 1) == '\r' ? length - 1 : length;
        String line = in.toString(in.readerIndex(), contentLength, StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return line;
    }

    private void decodeEnvironment(String line, List<Object> out) {
        if (line.isEmpty()) {
            if (environment.isEmpty()) {
                throw new DecoderException("AGI environment block is empty");
            }
            out.add(new AgiRequest(environment));
            environment = null;
            state = State.REPLIES;
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.startsWith("agi_")) {
            throw new DecoderException("malformed AGI environment line: " + abbreviate(line));
        }
        if (environment.size() >= MAX_ENVIRONMENT_LINES) {
            throw new DecoderException("AGI environment has more than " + MAX_ENVIRONMENT_LINES + " lines");
        }
        String value = line.substring(colon + 1);
        String key = line.substring(0, colon);
        environment.put(KNOWN_KEYS.getOrDefault(key, key), value.startsWith(" ") ? value.substring(1) : value);
    }

    private void decodeReply(String line, List<Object> out) {
        if ("HANGUP".equals(line)) {
            out.add(AgiHangup.INSTANCE);
            return;
        }
        int code = code(line);
        if (line.length() > 3 && line.charAt(3) == '-') {
            usageCode = code;
            usage = new StringBuilder(line.substring(4));
            usageLines = 1;
            state = State.USAGE;
            return;
        }
        if (line.length() > 3 && line.charAt(3) != ' ') {
            throw new DecoderException("malformed AGI reply: " + abbreviate(line));
        }
        String rest = line.length() > 4 ? line.substring(4) : "";
        out.add(code == AgiReply.SUCCESS ? success(rest, line) : new AgiReply(code, null, null, null, rest));
    }

    /** Parses {@code result=<r>[ (<data>)][ endpos=<n>]}. */
    private static AgiReply success(String rest, String line) {
        if (!rest.startsWith("result=")) {
            throw new DecoderException("AGI 200 reply without result: " + abbreviate(line));
        }
        String remainder = rest.substring("result=".length());
        Long endPosition = null;
        int endpos = remainder.lastIndexOf(" endpos=");
        if (endpos >= 0 && isNumber(remainder.substring(endpos + " endpos=".length()))) {
            endPosition = Long.parseLong(remainder.substring(endpos + " endpos=".length()));
            remainder = remainder.substring(0, endpos);
        }
        int space = remainder.indexOf(' ');
        String result = space < 0 ? remainder : remainder.substring(0, space);
        String data = null;
        if (space >= 0) {
            String tail = remainder.substring(space + 1);
            data = tail.startsWith("(") && tail.endsWith(")") ? tail.substring(1, tail.length() - 1) : tail;
        }
        return new AgiReply(AgiReply.SUCCESS, result, data, endPosition, null);
    }

    private void decodeUsage(String line, List<Object> out) {
        if (++usageLines > MAX_USAGE_LINES) {
            throw new DecoderException("AGI " + usageCode + " usage block longer than " + MAX_USAGE_LINES
                    + " lines");
        }
        if (line.length() >= 4 && line.startsWith(Integer.toString(usageCode)) && line.charAt(3) == ' ') {
            usage.append('\n').append(line.substring(4));
            out.add(new AgiReply(usageCode, null, null, null, usage.toString()));
            usage = null;
            state = State.REPLIES;
        } else {
            usage.append('\n').append(line);
        }
    }

    private static int code(String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                || !Character.isDigit(line.charAt(2))) {
            throw new DecoderException("malformed AGI reply: " + abbreviate(line));
        }
        return Integer.parseInt(line.substring(0, 3));
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = text.charAt(0) == '-' ? 1 : 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return text.length() > (text.charAt(0) == '-' ? 1 : 0);
    }

    private static String abbreviate(String line) {
        String printable = line.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? "'" + printable + "'" : "'" + printable.substring(0, 80) + "...'";
    }
}
