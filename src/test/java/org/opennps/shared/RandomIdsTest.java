package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsAreRandomVersionFourUuidsAndDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = RandomIds.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
        // the random bits vary: some id has a set bit in each position outside version and variant
        long most = 0;
        long least = 0;
        for (UUID id : seen) {
            most |= id.getMostSignificantBits();
            least |= id.getLeastSignificantBits();
        }
        assertThat(most | 0xf000L).isEqualTo(-1L);
        assertThat(least | 0xc000000000000000L).isEqualTo(-1L);
        assertThat(UUID.fromString(RandomIds.next().toString()).version()).isEqualTo(4);
    }

    @Test
    void threadsDrawFromTheirOwnGenerators() throws Exception {
        Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    seen.add(RandomIds.next());
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).hasSize(8_000);
    }

    @Test
    void filledBytesAreNeverHandedOutTwiceAcrossTheDrawnBuffer() {
        // sizes that do not divide the buffer, so requests straddle its refills; a request larger
        // than the buffer spans several
        Set<String> seen = new HashSet<>();
        int[] sizes = {12, 16, 7, RandomIds.BUFFER + 5};
        int handedOut = 0;
        for (int i = 0; handedOut < 4 * RandomIds.BUFFER; i++) {
            byte[] bytes = new byte[sizes[i % sizes.length]];
            RandomIds.fill(bytes);
            handedOut += bytes.length;
            assertThat(seen.add(java.util.HexFormat.of().formatHex(bytes))).isTrue();
            // not the zeroes left behind once bytes were handed out
            int zeroes = 0;
            for (byte b : bytes) {
                zeroes += b == 0 ? 1 : 0;
            }
            assertThat(zeroes).isLessThan(Math.max(4, bytes.length / 16));
        }
    }
}
