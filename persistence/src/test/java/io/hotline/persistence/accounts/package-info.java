/** Tests of the account, session and audit stores on a real MariaDB, and of Argon2id hashing. */
package io.hotline.persistence.accounts;
