package io.hotline.web.desktop;

/** What an agent asks of their seat: the keypad's feature codes, from the desktop. */
public enum SeatAction {
    /** {@code *21}: log in, then ready. */
    LOGIN,
    /** {@code *22}: log out. */
    LOGOUT,
    /** {@code *24}: ready for a call. */
    READY,
    /** {@code *23<reason>}: away, with a reason. */
    NOT_READY,
    /** Wrap-up is done: ready again (the same event as {@link #READY}). */
    WRAP_UP_DONE
}
