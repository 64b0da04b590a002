/**
 * Tests of accounts, sign-in, sessions, throttling and the person audit, on a real MariaDB where it matters; and of
 * the desktop's read models, screen-pops and backend, fed scripted engine commands.
 */
package io.hotline.app.people;
