package io.hotline.routing.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a seat sees of a customer when a call is offered (the screen-pop): who they are, what they run, their open
 * work orders and their last contacts. Blocks on I/O: call it from a blocking executor, never from an event loop or
 * an engine thread. Implementations are thread-safe.
 */
public interface CustomerHistory {

    /** The most contacts {@link #of} returns. */
    int MAX_CONTACTS = 50;

    /**
     * The customer's card and history, or empty when there is no such customer.
     *
     * @param customerId the customer
     * @param contacts   at most this many last contacts, newest first, 0 to {@value #MAX_CONTACTS}
     * @throws IllegalArgumentException when {@code contacts} is out of range
     */
    Optional<History> of(long customerId, int contacts);

    /**
     * Who the customer is. Immutable.
     *
     * @param id            the customer's key
     * @param code          the customer's code, e.g. {@code C0007}
     * @param name          the company's name
     * @param contractLevel BASIC, STANDARD or PREMIUM
     * @param vip           whether the customer is a VIP
     * @param region        the region the customer is in
     * @param site          the site's address, where an engineer goes
     */
    record Customer(long id, String code, String name, String contractLevel, boolean vip, String region,
                    String site) {
        public Customer {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contractLevel, "contractLevel");
        }
    }

    /**
     * A product line the customer runs. Immutable.
     *
     * @param product the product line's skill code
     * @param name    the product line's name
     * @param version the installed version
     * @param modules the skill codes of the installed modules, in code order
     */
    record InstalledProduct(String product, String name, String version, List<String> modules) {
        public InstalledProduct {
            Objects.requireNonNull(product, "product");
            modules = List.copyOf(modules);
        }
    }

    /**
     * One of the customer's work orders that is not closed or cancelled, as the database has it. Immutable.
     *
     * @param id       the work order
     * @param state    its state's name
     * @param tier     its tier's name
     * @param severity P1 to P3
     * @param summary  its subject, or {@code null}
     * @param openedAt when it was opened
     */
    record OpenWorkOrder(long id, String state, String tier, String severity, String summary, Instant openedAt) {
        public OpenWorkOrder {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    /**
     * One earlier call of the customer, from its call record. Immutable.
     *
     * @param at          when the caller joined
     * @param outcome     how it ended ({@code ANSWERED}, {@code ABANDONED}, ...), or {@code null} while open
     * @param seat        the seat code that took it, or {@code null}
     * @param workOrderId the call's work order, or {@code null}
     * @param talkSeconds how long the conversation lasted, or {@code null}
     */
    record Contact(Instant at, String outcome, String seat, Long workOrderId, Long talkSeconds) {
        public Contact {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A customer's card and history. Immutable.
     *
     * @param customer       who
     * @param products       installed product lines, in code order
     * @param openWorkOrders open work orders, newest first
     * @param lastContacts   last calls, newest first
     */
    record History(Customer customer, List<InstalledProduct> products, List<OpenWorkOrder> openWorkOrders,
                   List<Contact> lastContacts) {
        public History {
            Objects.requireNonNull(customer, "customer");
            products = List.copyOf(products);
            openWorkOrders = List.copyOf(openWorkOrders);
            lastContacts = List.copyOf(lastContacts);
        }
    }
}
