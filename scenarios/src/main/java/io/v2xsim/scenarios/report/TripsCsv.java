package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.TripRecord;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * trips.csv: the seed, then every component of core's {@link TripRecord} in declaration order. Read by
 * reflection so that a field core adds shows up here without a change. Times and lengths with 3 decimals
 * (ms, mm); NaN (the event did not happen) as an empty field.
 */
public final class TripsCsv {
  private static final RecordComponent[] COLUMNS = TripRecord.class.getRecordComponents();
  static final int DECIMALS = 3;

  private TripsCsv() {}

  public static void write(Writer out, List<RunResult> results) throws IOException {
    out.write("seed");
    for (RecordComponent column : COLUMNS) {
      out.write(',');
      out.write(column.getName());
    }
    out.write('\n');
    for (RunResult result : results) {
      for (TripRecord trip : result.trips()) {
        out.write(Long.toString(result.seed()));
        for (RecordComponent column : COLUMNS) {
          out.write(',');
          out.write(cell(value(column, trip)));
        }
        out.write('\n');
      }
    }
  }

  /** Several arms: the same columns after an {@code arm} column, arm by arm. */
  public static void writeArms(Writer out, List<String> arms, List<List<RunResult>> results) throws IOException {
    out.write("arm,seed");
    for (RecordComponent column : COLUMNS) {
      out.write(',');
      out.write(column.getName());
    }
    out.write('\n');
    for (int a = 0; a < arms.size(); a++) {
      String arm = Csv.field(arms.get(a));
      for (RunResult result : results.get(a)) {
        for (TripRecord trip : result.trips()) {
          out.write(arm);
          out.write(',');
          out.write(Long.toString(result.seed()));
          for (RecordComponent column : COLUMNS) {
            out.write(',');
            out.write(cell(value(column, trip)));
          }
          out.write('\n');
        }
      }
    }
  }

  static String cell(Object value) {
    if (value instanceof Double) {
      return Csv.number((Double) value, DECIMALS);
    } else if (value instanceof Float) {
      return Csv.number((Float) value, DECIMALS);
    } else if (value == null) {
      return "";
    }
    return Csv.field(value.toString());
  }

  private static Object value(RecordComponent column, TripRecord trip) {
    try {
      return column.getAccessor().invoke(trip);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read TripRecord." + column.getName(), e);
    }
  }
}
