package io.hotline.benchmarks.agi;

import java.util.HashMap;
import java.util.Map;

/**
 * The routing decision both benchmark servers make per session, so that they do the same work: look the caller
 * up among a few thousand customers (a {@code HashMap} built at start), pick the queue by DNIS, the seat by
 * queue, and name the work order. Cheap but real. Immutable after construction; thread-safe.
 */
public final class RouteDecision {
    /** Customers built by default. */
    public static final int DEFAULT_CUSTOMERS = 5_000;
    private static final String[] CONTRACTS = {"BASIC", "SILVER", "GOLD", "PLATINUM"};

    private final Map<String, Customer> customers;
    private final Map<String, String> queueByDnis = Map.of("100", "tier1", "101", "tier1", "102", "tier1local",
            "200", "tier2");
    private final Map<String, String> seatByQueue = Map.of("tier1", "PJSIP/1001", "tier1local", "PJSIP/1003",
            "tier2", "PJSIP/2001");

    /** What the router tells the dialplan. */
    public record Route(String queue, String target, String workOrder) {
    }

    private record Customer(long id, String contract) {
    }

    public RouteDecision(int customerCount) {
        if (customerCount < 1) {
            throw new IllegalArgumentException("customerCount must be positive: " + customerCount);
        }
        customers = new HashMap<>(customerCount * 2);
        for (int i = 0; i < customerCount; i++) {
            customers.put(customerNumber(i), new Customer(10_000L + i, CONTRACTS[i % CONTRACTS.length]));
        }
    }

    /** The number of customer {@code i}; customer 0 is the caller recorded in transcript 01. */
    static String customerNumber(int i) {
        return "+4930" + (123_401 + i);
    }

    /**
     * The caller number of the {@code n}-th generated session: cycles through {@code customerCount} customers,
     * and every tenth session is a number that is no customer's.
     */
    public static String sessionCaller(int n, int customerCount) {
        return n % 10 == 9 ? "+4940" + (5_000_000 + n) : customerNumber(n % customerCount);
    }

    /** Decides where the call goes; {@code callerNumber} and {@code dnis} may be null. */
    public Route decide(String callerNumber, String dnis, String linkedId) {
        Customer customer = callerNumber == null ? null : customers.get(callerNumber);
        String queue = queueByDnis.getOrDefault(dnis == null ? "" : dnis, "tier1");
        String target = seatByQueue.get(queue);
        String workOrder = customer == null ? "WO-anon-" + linkedId
                : "WO-" + customer.id() + "-" + customer.contract() + "-" + linkedId;
        return new Route(queue, target, workOrder);
    }
}
