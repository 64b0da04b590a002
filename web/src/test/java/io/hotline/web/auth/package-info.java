/** Tests of sign-in, sessions and the audit of person actions, over real sockets where it matters. */
package io.hotline.web.auth;
