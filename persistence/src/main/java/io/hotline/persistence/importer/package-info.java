/**
 * {@code ./hotline import}: loads an organisation (skills, seats, branches with rosters, field engineers,
 * customers with their phones, sites and installed products) from CSV files whose formats docs/import.md
 * describes. {@link io.hotline.persistence.importer.OrganisationImport} reads every file
 * ({@link io.hotline.persistence.importer.CsvReader}, RFC 4180), validates everything against the files and the
 * database, and only then writes, in one transaction, by natural key: a second import of the same files changes
 * nothing. Every class here is confined to the thread running the import; the database work blocks.
 */
package io.hotline.persistence.importer;
