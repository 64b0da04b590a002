package io.hotline.persistence.dao;

/** A customer's support contract; stored by name ({@code ck_customer_contract}). */
public enum ContractLevel {
    /** Office hours, standard clocks. */
    BASIC,
    /** The usual contract. */
    STANDARD,
    /** Priority handling. */
    PREMIUM
}
