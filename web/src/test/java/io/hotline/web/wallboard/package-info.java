/** Tests of the wallboard's snapshot, routes, token and pushes, and {@link io.hotline.web.wallboard.FakeWallboard}. */
package io.hotline.web.wallboard;
