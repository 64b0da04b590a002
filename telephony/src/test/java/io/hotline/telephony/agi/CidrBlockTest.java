package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR blocks of the FastAGI allow-list, IPv4 and IPv6, parsed without DNS. */
class CidrBlockTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void shouldContainExactlyTheAddressesOfAnIpv4Block() throws Exception {
        CidrBlock block = CidrBlock.parse("10.20.0.0/14");

        assertThat(block.contains(ip("10.20.0.0"))).isTrue();
        assertThat(block.contains(ip("10.23.255.255"))).isTrue();
        assertThat(block.contains(ip("10.24.0.0"))).isFalse();
        assertThat(block.contains(ip("10.19.255.255"))).isFalse();
        assertThat(block.contains(ip("::ffff:10.21.0.1"))).as("IPv4-mapped: Java gives the IPv4 address").isTrue();
    }

    @Test
    void shouldClearHostBitsAndTreatAnAddressWithoutPrefixAsOne() throws Exception {
        assertThat(CidrBlock.parse("192.168.7.9/16")).hasToString("192.168.0.0/16");
        CidrBlock single = CidrBlock.parse(" 192.0.2.5 ");

        assertThat(single).hasToString("192.0.2.5/32");
        assertThat(single.contains(ip("192.0.2.5"))).isTrue();
        assertThat(single.contains(ip("192.0.2.4"))).isFalse();
    }

    @Test
    void shouldMatchIpv6BlocksAndNeverMixFamilies() throws Exception {
        CidrBlock loopback = CidrBlock.parse("::1/128");
        CidrBlock site = CidrBlock.parse("2001:db8:abcd::/48");

        assertThat(loopback.contains(ip("::1"))).isTrue();
        assertThat(loopback.contains(ip("127.0.0.1"))).isFalse();
        assertThat(site.contains(ip("2001:db8:abcd:12::5"))).isTrue();
        assertThat(site.contains(ip("2001:db8:abce::1"))).isFalse();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(CidrBlock.parse("::/0").contains(ip("8.8.8.8"))).isFalse();
    }

    @Test
    void shouldParseTheDefaultLoopbackList() throws Exception {
        assertThat(CidrBlock.parseList(AgiLimits.LOOPBACK)).extracting(CidrBlock::toString)
                .containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128");
        assertThat(CidrBlock.parseList("10.0.0.0/8, 2001:db8::/32")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/", "10.0.0.0/33", "::1/129", "10.0.0/8", "256.0.0.1", "asterisk.local",
        "10.0.0.0/8/8", "10.0.0.0/-1", "1:2:3:4:5:6:7:8:9", "10.0.0.1/x"})
    void shouldRefuseWhatIsNotALiteralBlock(String text) {
        assertThatThrownBy(() -> CidrBlock.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void shouldRefuseAnEmptyEntryInAList() {
        assertThatThrownBy(() -> CidrBlock.parseList("127.0.0.0/8,,::1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty entry");
    }
}
