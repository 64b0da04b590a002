package io.hotline.routing.workorder;

/** How bad the customer's problem is; decides the response and resolution clocks (see {@code ServiceLevels}). */
public enum Severity {
    /** System down or data lost. */
    P1,
    /** A key module broken. */
    P2,
    /** How-to questions, configuration. */
    P3
}
