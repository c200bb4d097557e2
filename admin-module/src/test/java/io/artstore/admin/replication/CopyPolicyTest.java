package io.artstore.admin.replication;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.admin.storage.StorageElement;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final CopyPolicy policy = new CopyPolicy(2, 1);

    @Test
    void wantedFollowsTheRetentionPolicy() {
        assertThat(policy.wanted(RetentionPolicy.PERMANENT)).isEqualTo(2);
        assertThat(policy.wanted(RetentionPolicy.TEMPORARY)).isEqualTo(1);
    }

    @Test
    void onlyOkCopiesOnSesNotDrainingCount() {
        StorageElement a = se("a", StorageMode.RW, 100);
        StorageElement b = draining(se("b", StorageMode.RW, 100));
        StorageElement c = se("c", StorageMode.RW, 100);
        StorageElement d = se("d", StorageMode.RW, 100);
        Map<UUID, StorageElement> ses = ses(a, b, c, d);
        Map<UUID, CopyStatus> copies = Map.of(a.id(), CopyStatus.OK, b.id(), CopyStatus.OK,
                c.id(), CopyStatus.CORRUPT, d.id(), CopyStatus.PENDING);

        assertThat(policy.counted(copies, ses)).isEqualTo(1);
        assertThat(policy.missing(RetentionPolicy.PERMANENT, copies, ses)).isEqualTo(1);
        assertThat(policy.missing(RetentionPolicy.TEMPORARY, copies, ses)).isZero();
        // a copy on an SE no longer in the registry does not count either
        assertThat(policy.counted(Map.of(UUID.randomUUID(), CopyStatus.OK), ses)).isZero();
    }

    @Test
    void targetsHaveTheRightModeAreOnlineNotDrainingAndHoldNoOkOrPendingCopy() {
        StorageElement holder = se("a", StorageMode.RW, 100);
        StorageElement pending = se("b", StorageMode.RW, 100);
        StorageElement corrupt = se("c", StorageMode.RW, 10);
        StorageElement offline = withStatus(se("d", StorageMode.RW, 1000), StorageElementStatus.OFFLINE);
        StorageElement drained = draining(se("e", StorageMode.RW, 1000));
        StorageElement readOnly = se("f", StorageMode.RO, 1000);
        StorageElement edit = se("g", StorageMode.EDIT, 1000);
        StorageElement free = se("h", StorageMode.RW, 50);
        Map<UUID, StorageElement> ses = ses(holder, pending, corrupt, offline, drained, readOnly, edit, free);
        Map<UUID, CopyStatus> copies = Map.of(holder.id(), CopyStatus.OK, pending.id(), CopyStatus.PENDING,
                corrupt.id(), CopyStatus.CORRUPT);

        assertThat(policy.targets(RetentionPolicy.PERMANENT, copies, ses)).containsExactly(free, corrupt);
        assertThat(policy.targets(RetentionPolicy.TEMPORARY, copies, ses)).containsExactly(edit);
    }

    @Test
    void aSiteWithoutACopyComesFirstThenTheMostAvailableBytes() {
        StorageElement holder = se("a", StorageMode.RW, 100, "site-a");
        StorageElement sameSiteBig = se("b", StorageMode.RW, 10_000, "site-a");
        StorageElement otherSiteSmall = se("c", StorageMode.RW, 10, "site-b");
        StorageElement otherSiteBig = se("d", StorageMode.RW, 500, "site-c");
        Map<UUID, StorageElement> ses = ses(holder, sameSiteBig, otherSiteSmall, otherSiteBig);

        List<StorageElement> targets = policy.targets(RetentionPolicy.PERMANENT, Map.of(holder.id(), CopyStatus.OK), ses);

        assertThat(targets).containsExactly(otherSiteBig, otherSiteSmall, sameSiteBig);
    }

    @Test
    void spaceReservedForCopiesInFlightCountsAgainstATarget() {
        StorageElement holder = se("a", StorageMode.RW, 100, "site-a");
        StorageElement roomy = se("b", StorageMode.RW, 1_000, "site-b");
        StorageElement smaller = se("c", StorageMode.RW, 900, "site-c");
        Map<UUID, StorageElement> ses = new java.util.HashMap<>(ses(holder, roomy, smaller));
        Map<UUID, CopyStatus> copies = Map.of(holder.id(), CopyStatus.OK);
        assertThat(policy.targets(RetentionPolicy.PERMANENT, copies, ses).getFirst()).isEqualTo(roomy);

        ses.computeIfPresent(roomy.id(), (id, se) -> se.reserving(200));

        assertThat(policy.targets(RetentionPolicy.PERMANENT, copies, ses).getFirst().id()).isEqualTo(smaller.id());
        assertThat(ses.get(roomy.id()).reserving(5_000).availableBytes()).isZero();
    }

    @Test
    void withoutALabelEverySeIsItsOwnSite() {
        StorageElement holder = se("a", StorageMode.RW, 100, null);
        StorageElement small = se("b", StorageMode.RW, 10, null);
        StorageElement big = se("c", StorageMode.RW, 1000, null);

        assertThat(holder.effectiveSite()).isEqualTo(holder.id().toString());
        assertThat(policy.targets(RetentionPolicy.PERMANENT, Map.of(holder.id(), CopyStatus.OK), ses(holder, small, big)))
                .containsExactly(big, small);
    }

    @Test
    void theSourceIsAnOkCopyOnAnOnlineSeThatAllowsDownloads() {
        StorageElement archive = se("a", StorageMode.AR, 100);
        StorageElement offline = withStatus(se("b", StorageMode.RW, 100), StorageElementStatus.OFFLINE);
        StorageElement corrupt = se("c", StorageMode.RW, 100);
        StorageElement readOnly = se("d", StorageMode.RO, 100);
        Map<UUID, StorageElement> ses = ses(archive, offline, corrupt, readOnly);

        assertThat(policy.source(Map.of(archive.id(), CopyStatus.OK, offline.id(), CopyStatus.OK,
                corrupt.id(), CopyStatus.CORRUPT), ses)).isEmpty();
        assertThat(policy.source(Map.of(archive.id(), CopyStatus.OK, readOnly.id(), CopyStatus.OK), ses))
                .contains(readOnly);
    }

    @Test
    void aDrainingSeIsReadOnlyWhenNoOtherCopyServes() {
        StorageElement drained = draining(se("a", StorageMode.RW, 100));
        StorageElement other = se("b", StorageMode.RW, 100);
        Map<UUID, StorageElement> ses = ses(drained, other);

        assertThat(policy.source(Map.of(drained.id(), CopyStatus.OK, other.id(), CopyStatus.OK), ses)).contains(other);
        assertThat(policy.source(Map.of(drained.id(), CopyStatus.OK), ses)).contains(drained);
    }

    @Test
    void backOffDoublesUpToAnHour() {
        ReplicationProperties properties = new ReplicationProperties(java.time.Duration.ofMinutes(1),
                java.time.Duration.ofMinutes(10), 100, 2, true);
        assertThat(properties.backOff(1)).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(properties.backOff(5)).isEqualTo(java.time.Duration.ofMinutes(32));
        assertThat(properties.backOff(6)).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(properties.backOff(1000)).isEqualTo(java.time.Duration.ofHours(1));
    }

    private static StorageElement se(String name, StorageMode mode, long available) {
        return se(name, mode, available, name);
    }

    private static StorageElement se(String name, StorageMode mode, long available, String site) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        return new StorageElement(id, name, "http://" + name, "se-" + name, mode.value(),
                StorageElementStatus.ONLINE.value(), 10_000, 0, available, null, null, null, NOW, NOW, NOW, NOW,
                site, null, null);
    }

    private static StorageElement draining(StorageElement se) {
        return new StorageElement(se.id(), se.name(), se.url(), se.storageId(), se.mode(), se.status(),
                se.capacityBytes(), se.usedBytes(), se.availableBytes(), null, null, null, NOW, NOW, NOW, NOW,
                se.site(), NOW, null);
    }

    private static StorageElement withStatus(StorageElement se, StorageElementStatus status) {
        return new StorageElement(se.id(), se.name(), se.url(), se.storageId(), se.mode(), status.value(),
                se.capacityBytes(), se.usedBytes(), se.availableBytes(), null, null, null, NOW, NOW, NOW, NOW,
                se.site(), se.drainRequestedAt(), null);
    }

    private static Map<UUID, StorageElement> ses(StorageElement... ses) {
        Map<UUID, StorageElement> map = new LinkedHashMap<>();
        for (StorageElement se : ses) {
            map.put(se.id(), se);
        }
        return map;
    }
}
