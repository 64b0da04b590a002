package io.hotline.web.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the server observed, as {@code route status} strings. Thread-safe. */
public final class RecordingObserver implements HttpRequestObserver {

    private final List<String> observed = new CopyOnWriteArrayList<>();

    @Override
    public void onRequest(String route, int status, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative duration " + nanos);
        }
        observed.add(route + " " + status);
    }

    /** Everything observed so far, oldest first. */
    public List<String> observed() {
        return List.copyOf(observed);
    }
}
