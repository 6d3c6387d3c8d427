package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.imports.NetworkDraft.PhaseDraft;
import io.v2xsim.core.imports.SignalProgram.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The clearance rule both importers share, on programs written as steps: movement names, with "r*" the right
 * turns; each step's states written as "name=state" pairs.
 */
class SignalProgramTest {
  private static final Predicate<String> RIGHT = m -> m.startsWith("r");

  private static Step step(double seconds, String states) {
    Map<String, Character> m = new LinkedHashMap<>();
    for (String pair : states.isBlank() ? new String[0] : states.split(" ")) {
      String[] kv = pair.split("=");
      m.put(kv[0], kv[1].charAt(0));
    }
    return new Step(seconds, m, (int) seconds);
  }

  private static List<PhaseDraft> phases(NetworkDraft notes, Step... steps) {
    return SignalProgram.phases(List.of(steps), RIGHT, "test", notes);
  }

  private static boolean noted(NetworkDraft d, String kind) {
    return d.notes().stream().anyMatch(n -> n.startsWith(kind + ": "));
  }

  @Test
  void aGreenThatGoesStraightToAllRedGetsThreeSecondsOfItAsAmber() {
    NetworkDraft d = new NetworkDraft("f");
    List<PhaseDraft> p = phases(d, step(30, "a=G b=G"), step(5, ""), step(30, "c=G"), step(5, ""));
    assertEquals(2, p.size());
    for (PhaseDraft x : p) {
      assertEquals(30.0, x.green());
      assertEquals(3.0, x.yellow());
      assertEquals(2.0, x.allRed());
    }
    assertTrue(noted(d, "amber inserted"), d.notes().toString());
  }

  @Test
  void theFilesOwnAmberIsKeptAndNothingIsInserted() {
    NetworkDraft d = new NetworkDraft("f");
    List<PhaseDraft> p = phases(d, step(31, "a=G"), step(4, "a=y"), step(2, ""), step(31, "c=G"), step(4, "c=y"));
    assertEquals(2, p.size());
    assertEquals(List.of(4.0, 2.0), List.of(p.get(0).yellow(), p.get(0).allRed()));
    assertEquals(List.of(4.0, 0.0), List.of(p.get(1).yellow(), p.get(1).allRed()));
    assertTrue(!noted(d, "amber inserted"), d.notes().toString());
  }

  @Test
  void withNoClearanceAtAllTheAmberComesFromTheEndOfTheGreen() {
    NetworkDraft d = new NetworkDraft("f");
    List<PhaseDraft> p = phases(d, step(30, "a=G"), step(20, "c=G"));
    assertEquals(List.of(27.0, 3.0, 0.0), List.of(p.get(0).green(), p.get(0).yellow(), p.get(0).allRed()));
    assertEquals(List.of(17.0, 3.0, 0.0), List.of(p.get(1).green(), p.get(1).yellow(), p.get(1).allRed()));
    assertEquals(50.0, p.stream().mapToDouble(x -> x.green() + x.yellow() + x.allRed()).sum(), 1e-9, "same cycle");
  }

  @Test
  void aShortRightTurnsOnlyStepBetweenPhasesIsTheirClearanceAndTheRightTurnsStayGreen() {
    NetworkDraft d = new NetworkDraft("f");
    // LibSignal's CityFlow plans once phase 0 is put back between phases (syn_4x4: right turns in every phase).
    List<PhaseDraft> p = phases(d, step(30, "a=G r1=G"), step(5, "r1=G"), step(30, "c=G r1=G"), step(5, "r1=G"));
    assertEquals(2, p.size());
    assertEquals(Map.of("a", 'G', "r1", 'G'), p.get(0).movements());
    assertEquals(List.of(3.0, 2.0), List.of(p.get(0).yellow(), p.get(0).allRed()));
    assertTrue(!noted(d, "kept green through clearance"), "r1 goes in the clearance too");
  }

  @Test
  void aRightTurnsOnlyStepThatStartsARightTurnIsAPhaseOfItsOwn() {
    NetworkDraft d = new NetworkDraft("f");
    List<PhaseDraft> p = phases(d, step(30, "a=G"), step(5, "r1=G"), step(30, "c=G"), step(5, ""));
    assertEquals(3, p.size(), "r1 is green only there");
    assertEquals(Map.of("r1", 'G'), p.get(1).movements());
  }

  @Test
  void sumosLeadingGreenWithAnAmberStepThatKeepsTheLeftGoingFoldsAsSumoShowsIt() {
    NetworkDraft d = new NetworkDraft("f");
    // The example program of SUMO's Traffic Lights page: through + permissive left, amber for the through while
    // the left continues, a protected left, its amber.
    List<PhaseDraft> p = phases(d, step(31, "a=G b=G l=g"), step(5, "a=y b=y l=g"), step(6, "l=G"),
        step(5, "l=y"));
    assertEquals(2, p.size());
    assertEquals(Map.of("a", 'G', "b", 'G', "l", 'g'), p.get(0).movements());
    assertEquals(List.of(31.0, 5.0, 0.0), List.of(p.get(0).green(), p.get(0).yellow(), p.get(0).allRed()));
    assertEquals(Map.of("l", 'G'), p.get(1).movements());
    assertEquals(List.of(6.0, 5.0, 0.0), List.of(p.get(1).green(), p.get(1).yellow(), p.get(1).allRed()));
  }

  @Test
  void stopThenGoInAnAllRedStepStartsNoPhaseAndLosingGreenToStopGetsAmber() {
    NetworkDraft d = new NetworkDraft("f");
    List<PhaseDraft> p = phases(d, step(30, "a=G r1=G"), step(3, "a=y r1=y"), step(2, "r1=s"), step(30, "c=G r1=s"),
        step(3, "c=y"), step(2, ""));
    assertEquals(2, p.size(), "the 2 s step with right on red is clearance, not a phase");
    assertEquals(List.of(3.0, 2.0), List.of(p.get(0).yellow(), p.get(0).allRed()));
    assertEquals(Map.of("c", 'G', "r1", 's'), p.get(1).movements());
  }

  @Test
  void aProgramThatNeverLetsAnythingGoHasNoPhases() {
    assertNull(phases(new NetworkDraft("f"), step(30, "a=y"), step(30, "")));
  }

  @Test
  void clearanceOverTenSecondsIsCappedWithANote() {
    NetworkDraft d = new NetworkDraft("f");
    List<PhaseDraft> p = phases(d, step(30, "a=G"), step(12, "a=y"), step(30, "c=G"), step(4, "c=y"));
    assertEquals(10.0, p.get(0).yellow());
    assertTrue(noted(d, "clearance capped"), d.notes().toString());
  }
}
