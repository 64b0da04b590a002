/** Tests of accounts, sign-in, sessions, throttling and the person audit, on a real MariaDB where it matters. */
package io.hotline.app.people;
