package io.v2xsim.core.imports;

import io.v2xsim.core.imports.NetworkDraft.PhaseDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one rule by which both importers turn a source's signal program into our phases (green, then yellow and
 * all-red for the movements that lose their green). The source is a cycle of steps, each a duration and a state
 * per movement: {@code G} protected green, {@code g} permissive green, {@code s} stop then go, {@code y} amber;
 * a movement not listed is red. SUMO's tlLogic phases are such steps; so are CityFlow's light phases, with
 * LibSignal's clearance phase put back between every two of them (see {@link CityFlowImporter}).
 *
 * <p>The rule (docs/imported-signals.md):
 * <ol>
 *   <li>A step is a <em>clearance</em> step when it gives green to no movement that did not go in the step
 *       before it (it starts nothing; a stop-then-go {@code s} may start anywhere, as right on red does) and it
 *       lets nothing go, or shows amber, or lets only right turns go for at most
 *       {@value #MAX_CLEARANCE} s (SUMO's all-red and yellow phases, LibSignal's 5 s "right turns only" phase).
 *       Every other step is a green phase.
 *   <li>The clearance steps after a green phase are its clearance: those showing amber its yellow, the others
 *       its all-red (over 10 s each is capped).
 *   <li>A movement that loses its green and gets no amber from the file (the file goes from green straight to
 *       red) gets {@value #AMBER} s of amber: taken from the start of the all-red that follows, or, where there is
 *       none, from the end of its green. A driver facing a green that turns red at once cannot stop
 *       (ITE's amber for 40 km/h with 1 s reaction and 3 m/s^2 is 2.9 s); SUMO's own drivers brake through it.
 *   <li>A movement green both before and after a clearance stays green through it (our phases carry such a
 *       movement over); since a clearance starts nothing, no conflicting movement is released meanwhile.
 * </ol>
 */
final class SignalProgram {
  /** Amber given where the file has none, seconds (ITE 2.9 s at 40 km/h, rounded; also our plans' default). */
  static final double AMBER = 3.0;
  /** Longest step still taken as clearance when it lets right turns go, and the cap on yellow and on all-red. */
  static final double MAX_CLEARANCE = 10.0;

  /** One step of a source program: seconds, each movement's state ({@code G g s y}; absent: red), its line. */
  record Step(double duration, Map<String, Character> states, int line) {
    Set<String> going() {
      Set<String> go = new LinkedHashSet<>();
      states.forEach((m, c) -> {
        if (c == 'G' || c == 'g' || c == 's') {
          go.add(m);
        }
      });
      return go;
    }

    Set<String> green() {
      Set<String> g = new LinkedHashSet<>();
      states.forEach((m, c) -> {
        if (c == 'G' || c == 'g') {
          g.add(m);
        }
      });
      return g;
    }

    boolean amber() {
      return states.containsValue('y');
    }
  }

  private SignalProgram() {}

  /**
   * The phases of one junction's program, or null when no step lets any movement go.
   *
   * @param what how notes name the program, e.g. "tlLogic 'A'"
   * @param rightTurn whether a movement ({@code from>to}) is a right turn, by our geometry
   */
  static List<PhaseDraft> phases(List<Step> steps, Predicate<String> rightTurn, String what, NetworkDraft draft) {
    int n = steps.size();
    List<Set<String>> going = new ArrayList<>();
    for (Step s : steps) {
      going.add(s.going());
    }
    if (going.stream().allMatch(Set::isEmpty)) {
      return null;
    }
    boolean[] clearance = new boolean[n];
    boolean anyGreen = false;
    for (int k = 0; k < n; k++) {
      Step s = steps.get(k);
      Set<String> go = going.get(k);
      // A stop-then-go link may start anywhere (SUMO shows right on red in all-red phases too): it starts nothing.
      boolean startsNothing = going.get((k - 1 + n) % n).containsAll(s.green());
      boolean rightOnly = s.duration() <= MAX_CLEARANCE && go.stream().allMatch(rightTurn);
      clearance[k] = n > 1 && startsNothing && (go.isEmpty() || s.amber() || rightOnly);
      anyGreen |= !clearance[k];
    }
    if (!anyGreen) {
      // Only right turns, all short, all the time: nothing to clear between; each step that serves is a phase.
      for (int k = 0; k < n; k++) {
        clearance[k] = going.get(k).isEmpty();
      }
    }
    int first = 0;
    while (clearance[first]) {
      first++;
    }
    List<Integer> greens = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (!clearance[(first + k) % n]) {
        greens.add((first + k) % n);
      }
    }
    List<PhaseDraft> phases = new ArrayList<>();
    for (int g = 0; g < greens.size(); g++) {
      int at = greens.get(g);
      int nextAt = greens.get((g + 1) % greens.size());
      Step p = steps.get(at);
      double yellow = 0;
      double allRed = 0;
      Set<String> throughout = new LinkedHashSet<>(going.get(at));
      for (int k = (at + 1) % n; k != nextAt; k = (k + 1) % n) {
        if (steps.get(k).amber()) {
          yellow += steps.get(k).duration();
        } else {
          allRed += steps.get(k).duration();
        }
        throughout.retainAll(going.get(k));
      }
      Set<String> next = steps.get(nextAt).green();
      Set<String> losing = new LinkedHashSet<>(p.green());
      losing.removeAll(next);
      Set<String> kept = new LinkedHashSet<>(p.going());
      kept.retainAll(steps.get(nextAt).going());
      kept.removeAll(throughout);
      if (!kept.isEmpty() && greens.size() > 1) {
        draft.note("kept green through clearance", what + ": " + String.join(", ", kept) + " stay green through the "
            + "clearance after the phase at line " + p.line() + " (the file shows them red there; nothing conflicting "
            + "starts meanwhile)");
      }
      double green = p.duration();
      if (!losing.isEmpty() && yellow == 0) {
        if (allRed > 0) {
          yellow = Math.min(AMBER, allRed);
          allRed -= yellow;
          draft.note("amber inserted", what + ": the phase at line " + p.line() + " goes from green straight to red; "
              + "the first " + fmt(yellow) + " s of the " + fmt(yellow + allRed) + " s clearance after it became "
              + "amber for " + String.join(", ", losing));
        } else {
          yellow = Math.min(AMBER, green / 2);
          green -= yellow;
          draft.note("amber inserted", what + ": the phase at line " + p.line() + " goes from green straight to red "
              + "with no clearance; its last " + fmt(yellow) + " s became amber for " + String.join(", ", losing));
        }
      }
      if (yellow > MAX_CLEARANCE || allRed > MAX_CLEARANCE) {
        draft.note("clearance capped", what + ": clearance over " + fmt(MAX_CLEARANCE) + " s was capped at "
            + fmt(MAX_CLEARANCE) + " s amber and " + fmt(MAX_CLEARANCE) + " s all-red");
        yellow = Math.min(MAX_CLEARANCE, yellow);
        allRed = Math.min(MAX_CLEARANCE, allRed);
      }
      Map<String, Character> served = new LinkedHashMap<>();
      p.states().forEach((m, c) -> {
        if (c != 'y') {
          served.put(m, c);
        }
      });
      phases.add(new PhaseDraft(green, yellow, allRed, served, p.line()));
    }
    return phases;
  }

  private static String fmt(double s) {
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }
}
