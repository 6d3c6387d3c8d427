package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CollisionGeometryTest {
  @Test
  void alignedBoxesOverlapOnlyWhenTouching() {
    assertTrue(CollisionDetector.boxesOverlap(0, 0, 0, 2.25, 0.9, 4.4, 0, 0, 2.25, 0.9));
    assertFalse(CollisionDetector.boxesOverlap(0, 0, 0, 2.25, 0.9, 4.6, 0, 0, 2.25, 0.9));
    // side by side in adjacent 3.2 m lanes
    assertFalse(CollisionDetector.boxesOverlap(0, 0, 0, 2.25, 0.9, 0, 3.2, 0, 2.25, 0.9));
  }

  @Test
  void rotatedBoxesUseTheirOrientation() {
    // A car crossing at right angles, its nose 0.5 m into the other's side.
    assertTrue(CollisionDetector.boxesOverlap(0, 0, 0, 2.25, 0.9, 0, 2.75 - 0.5 + 0.9 - 0.9, Math.PI / 2, 2.25, 0.9));
    // Diagonal boxes whose bounding circles overlap but whose rectangles do not.
    assertFalse(CollisionDetector.boxesOverlap(0, 0, Math.PI / 4, 2.25, 0.9, 2.3, -2.3, Math.PI / 4, 2.25, 0.9));
  }
}
