/**
 * Provisioning: the routes that set an organization up (procedures, stations and their links, members,
 * API keys, the serial -> part number pattern). One sub-package per resource, each with its controller
 * (thin: authenticate, check the permission, read, hand over), its service (the orchestration), its DAO
 * (one statement per method) and its request records, which validate themselves (pure).
 *
 * <p>Every query is scoped to the caller's organization: another organization's object is answered 404,
 * exactly like one that does not exist. A change made here is seen at once by this instance's run intake
 * (the services tell {@link dev.runline.gateway.reference.ReferenceData} to forget what it cached), and by
 * other gateway instances within {@code runline.gateway.reference-cache-ttl}.
 */
package dev.runline.gateway.provision;
