package dev.runline.gateway.attachment;

/** What the object store says of an object: its size and the content type it was stored with. */
public record StoredObject(long size, String contentType) {}
