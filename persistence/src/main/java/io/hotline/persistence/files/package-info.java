/**
 * Files only the user running Hotline may read: the data directory, the embedded MariaDB's files and password,
 * the routing journal. Stateless helpers; safe from any thread.
 */
package io.hotline.persistence.files;
