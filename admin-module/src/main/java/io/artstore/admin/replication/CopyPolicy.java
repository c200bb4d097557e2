package io.artstore.admin.replication;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.files.CopyCounts;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.contract.StorageOperation;

/**
 * How many copies a file wants and where they come from and go to. Pure: works on the registry's
 * view of the SEs and of the file's copies, so every rule here is unit-tested.
 */
public final class CopyPolicy {

    private final int copiesPermanent;
    private final int copiesTemporary;

    public CopyPolicy(int copiesPermanent, int copiesTemporary) {
        this.copiesPermanent = copiesPermanent;
        this.copiesTemporary = copiesTemporary;
    }

    public static CopyPolicy of(CopyCounts counts) {
        return new CopyPolicy(counts.permanent(), counts.temporary());
    }

    public int wanted(RetentionPolicy policy) {
        return policy == RetentionPolicy.PERMANENT ? copiesPermanent : copiesTemporary;
    }

    /** Copies that count toward wanted: {@code ok} on an SE that is known and not draining. */
    public int counted(Map<UUID, CopyStatus> copies, Map<UUID, StorageElement> ses) {
        int n = 0;
        for (Map.Entry<UUID, CopyStatus> copy : copies.entrySet()) {
            StorageElement se = ses.get(copy.getKey());
            if (copy.getValue() == CopyStatus.OK && se != null && !se.draining()) {
                n++;
            }
        }
        return n;
    }

    /** How many copies are still to be made (0 when the file has enough). */
    public int missing(RetentionPolicy policy, Map<UUID, CopyStatus> copies, Map<UUID, StorageElement> ses) {
        return Math.max(0, wanted(policy) - counted(copies, ses));
    }

    /**
     * Eligible targets, best first: online, not draining, of the policy's mode ({@code rw} for permanent,
     * {@code edit} for temporary), holding no {@code ok} or {@code pending} copy of the file (an SE with a
     * {@code corrupt} or {@code missing} copy may receive the replacement). SEs on a site that holds no
     * {@code ok} copy yet come first, then the most available bytes; the SE id breaks ties so the
     * order is stable.
     */
    public List<StorageElement> targets(RetentionPolicy policy, Map<UUID, CopyStatus> copies,
                                        Map<UUID, StorageElement> ses) {
        StorageMode mode = policy.storageMode();
        Set<String> sitesWithCopy = new HashSet<>();
        for (Map.Entry<UUID, CopyStatus> copy : copies.entrySet()) {
            StorageElement se = ses.get(copy.getKey());
            if (se != null && copy.getValue() == CopyStatus.OK) {
                sitesWithCopy.add(se.effectiveSite());
            }
        }
        return ses.values().stream()
                .filter(se -> online(se) && !se.draining())
                .filter(se -> StorageMode.parse(se.mode()).filter(m -> m == mode).isPresent())
                .filter(se -> {
                    CopyStatus held = copies.get(se.id());
                    return held != CopyStatus.OK && held != CopyStatus.PENDING;
                })
                .sorted(Comparator.<StorageElement>comparingInt(se -> sitesWithCopy.contains(se.effectiveSite()) ? 1 : 0)
                        .thenComparing(Comparator.comparingLong(StorageElement::availableBytes).reversed())
                        .thenComparing(StorageElement::id))
                .toList();
    }

    /**
     * The copy to read from: an {@code ok} copy on an online SE whose mode allows downloads (not {@code ar}).
     * A copy on an SE that is not draining is preferred, so a drained SE is read only when it must be.
     */
    public Optional<StorageElement> source(Map<UUID, CopyStatus> copies, Map<UUID, StorageElement> ses) {
        return copies.entrySet().stream()
                .filter(copy -> copy.getValue() == CopyStatus.OK)
                .map(copy -> ses.get(copy.getKey()))
                .filter(se -> se != null && online(se))
                .filter(se -> StorageMode.parse(se.mode()).map(m -> m.allows(StorageOperation.DOWNLOAD)).orElse(false))
                .min(Comparator.<StorageElement>comparingInt(se -> se.draining() ? 1 : 0)
                        .thenComparing(StorageElement::id));
    }

    private static boolean online(StorageElement se) {
        return StorageElementStatus.ONLINE.value().equals(se.status());
    }
}
