/**
 * Flyway migrations of the whole domain schema ({@code db/migration/V*.sql}); SQL that runs on MySQL 8 and
 * MariaDB 10.11+. Run once at start, on the starting thread.
 */
package io.hotline.persistence.migration;
