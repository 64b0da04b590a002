/**
 * The demo organisation behind {@code ./hotline seed --demo}: {@link io.hotline.persistence.seed.DemoOrganisation}
 * generates a realistic, fully deterministic organisation (skills, seats, 42 branches with rosters and field
 * engineers, ~500 customers, knowledge-base articles) without any I/O, and
 * {@link io.hotline.persistence.seed.DemoSeed} writes it idempotently in one transaction. Generation is pure and
 * thread-safe; loading blocks on I/O, so call it from the starting thread or a persistence executor.
 */
package io.hotline.persistence.seed;
