/** Tests of the route table and of the dispatcher and pipeline through {@code EmbeddedChannel}. */
package io.hotline.web.http;
