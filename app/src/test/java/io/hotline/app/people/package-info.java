/** Tests of the people's read models, screen-pops and desktop backend, fed scripted engine commands. */
package io.hotline.app.people;
