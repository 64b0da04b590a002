package io.hotline.web.sms;

import io.hotline.routing.spi.SmsGateway;
import io.hotline.web.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The default gateway ({@code HOTLINE_SMS_GATEWAY=file}): appends each message to a file as one JSON line,
 * {@code {"id":42,"to":"+8613800000000","text":"...","at":"2026-12-07T09:15:02Z"}} (Jackson escapes line breaks, so
 * one message is always one line), and closes the file after each, so the line is in the file when {@link #send}
 * answers {@linkplain Delivery#sent sent} with {@code file-<id>}. A write that fails is {@linkplain Delivery#failed
 * failed} with why. Blocking; called on the {@code sms-sender} thread; thread-safe (appends are serialised).
 */
public final class FileSmsGateway implements SmsGateway {

    private final Path file;
    private final InstantSource clock;

    /**
     * A gateway appending to {@code file} (usually {@code <data dir>/sms-outbox.jsonl}); its directory is made
     * now if missing.
     *
     * @throws UncheckedIOException when the directory cannot be made
     */
    public FileSmsGateway(Path file, InstantSource clock) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(this.file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the directory of the SMS outbox file " + this.file, e);
        }
    }

    /** One line of the file. */
    private record Line(long id, String to, String text, String at) {
    }

    @Override
    public Delivery send(Outbound sms) {
        String line = Json.write(new Line(sms.id(), sms.to(), sms.body(), clock.instant().toString())) + "\n";
        synchronized (this) {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                writer.write(line);
            } catch (IOException e) {
                return Delivery.failed("could not append to " + file + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Delivery.sent("file-" + sms.id());
    }

    @Override
    public String toString() {
        return "FileSmsGateway[" + file + "]";
    }
}
