/**
 * The words of ArtStore's HTTP contracts, defined once for every module: storage-element modes
 * with their operations and transitions, retention policies, file and copy statuses, the
 * storage-element registry statuses, and the rules of an upload's form and of user metadata.
 * Each enum reads and writes its lower-case contract value ({@code "rw"}, {@code "permanent"}, ...).
 */
package io.artstore.kernel.contract;
