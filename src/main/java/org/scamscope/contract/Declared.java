package org.scamscope.contract;

/** A column a contract declares besides the canonical ones: a derived or helper column, or a gold column. */
public record Declared(String name, String type, String description) {}
