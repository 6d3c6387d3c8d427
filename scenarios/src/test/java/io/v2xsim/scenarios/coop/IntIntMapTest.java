package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntIntMapTest {
  @Test
  void putsAndGetsLikeAHashMapThroughGrowth() {
    SplittableRandom rnd = new SplittableRandom(2);
    IntIntMap map = new IntIntMap(4);
    Map<Integer, Integer> reference = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      int key = rnd.nextInt(3) == 0 ? rnd.nextInt() : rnd.nextInt(5_000);
      if (rnd.nextBoolean()) {
        int value = rnd.nextInt(1 << 20);
        Integer old = reference.put(key, value);
        assertEquals(old == null ? IntIntMap.ABSENT : old, map.put(key, value));
      } else {
        Integer v = reference.get(key);
        assertEquals(v == null ? IntIntMap.ABSENT : v, map.get(key));
      }
    }
  }
}
