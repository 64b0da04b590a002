/**
 * The people who sign in: accounts with their role (and the seat or branch it binds them to), Argon2id password
 * hashes ({@link io.hotline.persistence.accounts.Argon2idPasswords}), sessions stored by the SHA-256 of their
 * token, and the audit of what people did. The stores only read and write what app tells them; which role may do
 * what is decided elsewhere. Every store method blocks on JDBC: call them off event loops and engine threads.
 * Hashing is deliberately slow (tens of milliseconds and 19 MiB per call): run it on a bounded executor.
 */
package io.hotline.persistence.accounts;
