/** Tests of the WebSocket push channel, and {@link io.hotline.web.push.PushClient}, a reusable push client. */
package io.hotline.web.push;
