/**
 * Durable state in a MySQL-compatible database: HikariCP pool, Jdbi 3 SqlObject DAOs over records, Flyway
 * migrations, and an embedded MariaDB for installs without a database server. Everything here blocks on
 * I/O: call it from a persistence executor, never from an event loop or the routing thread.
 */
package io.hotline.persistence;
