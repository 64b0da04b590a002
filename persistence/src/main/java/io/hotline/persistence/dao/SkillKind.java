package io.hotline.persistence.dao;

/** What a {@code skill} row describes; stored by name ({@code ck_skill_kind}). */
public enum SkillKind {
    /** A product line the company sells and supports, e.g. an ERP suite. */
    PRODUCT_LINE,
    /** A module of a product line; its {@code parentId} is the product line. */
    MODULE,
    /** A language a seat or engineer can speak with the customer. */
    LANGUAGE
}
