/**
 * The Asterisk edge: the FastAGI server (Asterisk connects to Hotline) and the AMI client (Hotline connects
 * to Asterisk). Everything here runs on Netty event loops or its own named threads and never blocks them.
 */
package io.hotline.telephony;
