package io.v2xsim.scenarios.coop;

import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.vehicle.agent.AutomatedDriver;
import java.util.Arrays;

/**
 * The automated vehicles on the road, in ascending object id (the order every stage visits them in, so runs are
 * deterministic), in a plain array: visiting, looking up and removing them allocates nothing, where the
 * {@code TreeMap} it replaces made an iterator per visit and a node per entry.
 */
final class Agents {
  private AutomatedDriver[] items = new AutomatedDriver[16];
  private int size;
  private AutomatedDriver[] retired = new AutomatedDriver[16];
  private int retiredCount;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  AutomatedDriver get(int k) {
    return items[k];
  }

  /** The agent driving object {@code objectId}, or null. */
  AutomatedDriver byId(int objectId) {
    int k = find(objectId);
    return k >= 0 ? items[k] : null;
  }

  void add(AutomatedDriver a) {
    int k = find(a.objectId());
    if (k >= 0) {
      items[k] = a;
      return;
    }
    int at = -k - 1;
    if (size == items.length) {
      items = Arrays.copyOf(items, 2 * size);
    }
    System.arraycopy(items, at, items, at + 1, size - at);
    items[at] = a;
    size++;
  }

  /**
   * Keeps, in order, the agents whose vehicle is in the snapshot, and sets the others (arrived or left) aside for
   * {@link #reuse}: every agent of an arm has the same sensors and settings, so one that has retired can be made
   * as new ({@link AutomatedDriver#reset}) for a vehicle that enters, instead of allocating another.
   */
  void retireAbsent(GroundTruth truth) {
    int w = 0;
    for (int k = 0; k < size; k++) {
      AutomatedDriver a = items[k];
      if (truth.indexOf(a.objectId()) >= 0) {
        items[w++] = a;
      } else {
        if (retiredCount == retired.length) {
          retired = Arrays.copyOf(retired, 2 * retiredCount);
        }
        retired[retiredCount++] = a;
      }
    }
    Arrays.fill(items, w, size, null);
    size = w;
  }

  /** A retired agent to reset for a new vehicle, or null if none is left. */
  AutomatedDriver reuse() {
    if (retiredCount == 0) {
      return null;
    }
    AutomatedDriver a = retired[--retiredCount];
    retired[retiredCount] = null;
    return a;
  }

  private int find(int objectId) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = items[mid].objectId();
      if (v < objectId) {
        lo = mid + 1;
      } else if (v > objectId) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }
}
