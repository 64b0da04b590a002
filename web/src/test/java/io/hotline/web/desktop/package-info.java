/** Tests of the desktop API over a real loopback HTTP server, with a fake backend and a fake authenticator. */
package io.hotline.web.desktop;
