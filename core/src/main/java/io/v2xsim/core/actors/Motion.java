package io.v2xsim.core.actors;

/**
 * How a scripted actor's speed changes along its path: it stands still for {@code pauseSeconds[i]} on reaching
 * {@code pauseAt[i]} metres (a pedestrian who stops at the kerb, looks, then goes) and takes speed
 * {@code newSpeed[i]} from {@code changeAt[i]} metres on (a child who starts to run). Both lists ascend by
 * distance. Arrays, not lists: the actor system reads them every tick.
 */
public record Motion(double[] pauseAt, double[] pauseSeconds, double[] changeAt, double[] newSpeed) {
  public static final Motion NONE = new Motion(new double[0], new double[0], new double[0], new double[0]);

  public Motion {
    if (pauseAt.length != pauseSeconds.length || changeAt.length != newSpeed.length) {
      throw new IllegalArgumentException("pause and speed-change arrays must pair up");
    }
  }

  public boolean isConstant() {
    return pauseAt.length == 0 && changeAt.length == 0;
  }
}
