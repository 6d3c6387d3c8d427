package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongSetTest {
  @Test
  void addsLikeAHashSet() {
    SplittableRandom rnd = new SplittableRandom(5);
    LongSet set = new LongSet();
    Set<Long> reference = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long key = switch (rnd.nextInt(4)) {
        case 0 -> Long.MIN_VALUE; // the set's own empty marker must still be a key like any other
        case 1 -> rnd.nextLong();
        default -> ((long) rnd.nextInt(300) << 32) | rnd.nextInt(300);
      };
      assertEquals(reference.add(key), set.add(key), "key " + key);
    }
  }
}
