/** Tests of the duty manager's console API over a real loopback server, with a fake backend. */
package io.hotline.web.console;
