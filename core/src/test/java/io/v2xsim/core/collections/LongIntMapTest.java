package io.v2xsim.core.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
  @Test
  void putsGetsAndRemovesLikeAHashMapThroughGrowth() {
    SplittableRandom rnd = new SplittableRandom(2);
    LongIntMap map = new LongIntMap();
    Map<Long, Integer> reference = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      // Dense small keys (ids, packed id pairs) collide in probe runs; large ones exercise the hash.
      long key = switch (rnd.nextInt(3)) {
        case 0 -> rnd.nextLong(Long.MAX_VALUE);
        case 1 -> ((long) rnd.nextInt(200) << 32) | rnd.nextInt(200);
        default -> rnd.nextInt(3_000);
      };
      switch (rnd.nextInt(3)) {
        case 0 -> {
          int value = rnd.nextInt(1 << 20);
          Integer old = reference.put(key, value);
          assertEquals(old == null ? LongIntMap.ABSENT : old, map.put(key, value), "put " + key);
        }
        case 1 -> {
          reference.remove(key);
          map.remove(key);
        }
        default -> {
          Integer v = reference.get(key);
          assertEquals(v == null ? LongIntMap.ABSENT : v, map.get(key), "get " + key);
        }
      }
    }
    for (Map.Entry<Long, Integer> e : reference.entrySet()) {
      assertEquals(e.getValue(), map.get(e.getKey()));
    }
  }

  @Test
  void negativeKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LongIntMap().put(-1, 0));
  }
}
