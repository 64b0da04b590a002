package io.hotline.persistence.calls;

import io.hotline.routing.spi.CallerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every customer phone number with what routing needs of its customer, in primitive arrays: about 70 bytes per
 * customer (measured by {@code CallerLookupMemory} in the benchmarks), so 500,000 customers (the business in the
 * brief) take some 35 MB where profile objects would take several times that. A number is a {@code long} key (its
 * digits, their count and the {@code +}); the few numbers of more than 17 digits are kept by their text. Slots are
 * in customer-id order, so a customer is found by binary search. Immutable once built: read by any thread without
 * locks.
 */
final class CallerIndex {
    static final CallerIndex EMPTY = new Builder().build();
    /** Digits that fit a key: (10^17 x 18 + 17) x 2 + 1 is below {@code Long.MAX_VALUE}. */
    private static final int KEY_DIGITS = 17;
    private static final int NO_OWNER = -1;

    private final long[] keys;
    private final int[] slotOfKey;
    private final Map<String, Integer> longNumbers;
    private final long[] customerIds;
    private final boolean[] vip;
    private final byte[] level;
    private final String[] levels;
    private final int[] productStart;
    private final int[] products;
    private final String[] skills;
    private final long[] openWorkOrders;
    private final int[] owners;
    private final String[] seats;

    private CallerIndex(Builder builder) {
        int count = builder.customers;
        customerIds = Arrays.copyOf(builder.customerIds, count);
        vip = Arrays.copyOf(builder.vip, count);
        level = Arrays.copyOf(builder.level, count);
        levels = builder.levels.toArray(new String[0]);
        skills = builder.skills.toArray(new String[0]);
        seats = builder.seats.toArray(new String[0]);
        openWorkOrders = Arrays.copyOf(builder.openWorkOrders, count);
        owners = Arrays.copyOf(builder.owners, count);
        productStart = new int[count + 1];
        products = builder.productsInSlotOrder(productStart);
        // A power of two at least 4/3 of the numbers: probes stay short (load at most 0.75) at 12 bytes a slot.
        int capacity = Integer.highestOneBit(Math.max(4, builder.phones + builder.phones / 3) - 1) << 1;
        keys = new long[capacity];
        slotOfKey = new int[capacity];
        longNumbers = new HashMap<>();
        for (int i = 0; i < builder.phones; i++) {
            // The numbers come in customer-id order: the first customer with a number (the oldest) keeps it.
            put(builder.phoneKeys[i], builder.phoneTexts.get(i), builder.phoneSlots[i]);
        }
    }

    /** How many customers the index holds. */
    int customers() {
        return customerIds.length;
    }

    /** The profile behind a normalised number, or empty when no customer has it. */
    Optional<CallerProfile> find(String normalised) {
        int slot = slotOf(normalised);
        return slot < 0 ? Optional.empty() : Optional.of(profile(slot));
    }

    private CallerProfile profile(int slot) {
        String[] productSkills = new String[productStart[slot + 1] - productStart[slot]];
        for (int i = 0; i < productSkills.length; i++) {
            productSkills[i] = skills[products[productStart[slot] + i]];
        }
        long workOrder = openWorkOrders[slot];
        return new CallerProfile(customerIds[slot], vip[slot], levels[level[slot]], List.of(productSkills),
                workOrder == 0 ? null : workOrder, owners[slot] == NO_OWNER ? null : seats[owners[slot]]);
    }

    private int slotOf(String normalised) {
        long key = key(normalised);
        if (key == 0) {
            Integer slot = longNumbers.get(normalised);
            return slot == null ? -1 : slot;
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return slotOfKey[i];
            }
        }
        return -1;
    }

    private void put(long key, String text, int slot) {
        if (key == 0) {
            longNumbers.putIfAbsent(text, slot);
            return;
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slotOfKey[i] = slot;
    }

    /** The number's key, or 0 when it has more than 17 digits (kept by its text). Never 0 for a real number. */
    static long key(String normalised) {
        int start = normalised.startsWith("+") ? 1 : 0;
        int digits = normalised.length() - start;
        if (digits > KEY_DIGITS || digits == 0) {
            return 0;
        }
        long value = Long.parseLong(normalised, start, normalised.length(), 10);
        return (value * (KEY_DIGITS + 1) + digits) * 2 + start;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Collects an index from four streams, each in customer-id order: customers, their products (most relevant
     * first), their open work orders (most recent first) and their numbers. Not thread-safe.
     */
    static final class Builder {
        private int customers;
        private long[] customerIds = new long[16];
        private boolean[] vip = new boolean[16];
        private byte[] level = new byte[16];
        private long[] openWorkOrders = new long[16];
        private int[] owners = new int[16];
        private final List<String> levels = new ArrayList<>();
        private final List<String> skills = new ArrayList<>();
        private final List<String> seats = new ArrayList<>();
        private final Map<String, Integer> skillIndex = new HashMap<>();
        private final Map<String, Integer> seatIndex = new HashMap<>();
        private int productCount;
        private int[] productSlots = new int[16];
        private int[] productSkills = new int[16];
        private int phones;
        private long[] phoneKeys = new long[16];
        private int[] phoneSlots = new int[16];
        /** The text of each number whose key is 0 (more than 17 digits), else {@code null}. */
        private final List<String> phoneTexts = new ArrayList<>();

        void customer(long id, boolean isVip, String contractLevel) {
            if (customers == customerIds.length) {
                int size = customers + (customers >> 1);
                customerIds = Arrays.copyOf(customerIds, size);
                vip = Arrays.copyOf(vip, size);
                level = Arrays.copyOf(level, size);
                openWorkOrders = Arrays.copyOf(openWorkOrders, size);
                owners = Arrays.copyOf(owners, size);
            }
            int levelIndex = levels.indexOf(contractLevel);
            if (levelIndex < 0) {
                levelIndex = levels.size();
                levels.add(contractLevel);
            }
            customerIds[customers] = id;
            vip[customers] = isVip;
            level[customers] = (byte) levelIndex;
            owners[customers] = NO_OWNER;
            customers++;
        }

        void product(long customer, String skill) {
            int slot = slot(customer);
            if (slot < 0) {
                return;
            }
            if (productCount == productSlots.length) {
                productSlots = Arrays.copyOf(productSlots, productCount * 2);
                productSkills = Arrays.copyOf(productSkills, productCount * 2);
            }
            productSlots[productCount] = slot;
            productSkills[productCount] = skillIndex.computeIfAbsent(skill, code -> {
                skills.add(code);
                return skills.size() - 1;
            });
            productCount++;
        }

        /** The customer's open work orders, most recent first: the first one counts. */
        void openWorkOrder(long customer, long workOrder, String owner) {
            int slot = slot(customer);
            if (slot < 0 || openWorkOrders[slot] != 0) {
                return;
            }
            openWorkOrders[slot] = workOrder;
            owners[slot] = owner == null ? NO_OWNER : seatIndex.computeIfAbsent(owner, code -> {
                seats.add(code);
                return seats.size() - 1;
            });
        }

        void phone(String normalised, long customer) {
            int slot = slot(customer);
            if (slot < 0) {
                return;
            }
            if (phones == phoneKeys.length) {
                phoneKeys = Arrays.copyOf(phoneKeys, phones * 2);
                phoneSlots = Arrays.copyOf(phoneSlots, phones * 2);
            }
            long key = key(normalised);
            phoneKeys[phones] = key;
            phoneSlots[phones] = slot;
            phoneTexts.add(key == 0 ? normalised : null);
            phones++;
        }

        CallerIndex build() {
            return new CallerIndex(this);
        }

        private int slot(long customer) {
            int slot = Arrays.binarySearch(customerIds, 0, customers, customer);
            return slot < 0 ? -1 : slot;
        }

        /** The products grouped by slot (stable: the stream's order within a customer stays), filling {@code start}. */
        private int[] productsInSlotOrder(int[] start) {
            for (int i = 0; i < productCount; i++) {
                start[productSlots[i] + 1]++;
            }
            for (int slot = 0; slot < customers; slot++) {
                start[slot + 1] += start[slot];
            }
            int[] next = Arrays.copyOf(start, customers);
            int[] ordered = new int[productCount];
            for (int i = 0; i < productCount; i++) {
                ordered[next[productSlots[i]]++] = productSkills[i];
            }
            return ordered;
        }
    }
}
