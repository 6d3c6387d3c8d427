package io.v2xsim.scenarios.load;

/** A problem found while reading a document, before it is tied to a file name. */
record Finding(String pointer, Location location, String message) {}
