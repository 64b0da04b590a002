/** Tests of the field leg's database side against the real server. */
package io.hotline.persistence.field;
