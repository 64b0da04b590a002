/** Tests of the SMS webhook and gateways, over real loopback sockets. */
package io.hotline.web.sms;
