package io.hotline.telephony.agi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A block of IP addresses written in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); an address without a
 * prefix length is a block of one. IPv4 and IPv6 blocks never contain each other's addresses (Java already reports
 * an IPv4-mapped IPv6 peer such as {@code ::ffff:10.0.0.1} as the IPv4 address). Parsing never asks DNS: only
 * literal addresses are accepted. Immutable and thread-safe.
 *
 * @param network the block's first address, host bits cleared
 * @param prefix  how many leading bits an address must share with {@code network}
 */
public record CidrBlock(InetAddress network, int prefix) {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public CidrBlock {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length must be 0-" + bits + ": " + prefix);
        }
        network = masked(network, prefix);
    }

    /** Parses {@code address[/prefix]}; a missing prefix means the single address. */
    public static CidrBlock parse(String text) {
        String block = text.strip();
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        InetAddress network = literal(address, text);
        int bits = network.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = block.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length over " + bits);
            }
        }
        return new CidrBlock(network, prefix);
    }

    /** Parses a comma-separated list of blocks; blanks around commas are ignored; the list must not be empty. */
    public static List<CidrBlock> parseList(String text) {
        List<CidrBlock> blocks = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty entry in '" + text + "'");
            }
            blocks.add(parse(part));
        }
        return List.copyOf(blocks);
    }

    /** Whether {@code address} lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] own = network.getAddress();
        return candidate.length == own.length && Arrays.equals(masked(candidate, prefix), own);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    private static InetAddress literal(String address, String text) {
        // Only a dotted quad or a string with a colon reaches getByName, which then parses a literal and never
        // asks DNS.
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address or block");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address or block", e);
        }
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        try {
            return InetAddress.getByAddress(masked(address.getAddress(), prefix));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            result[i] = (byte) (result[i] & (0xFF << (8 - keep)));
        }
        return result;
    }
}
