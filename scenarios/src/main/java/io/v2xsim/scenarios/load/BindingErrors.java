package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a Jackson binding failure into a located finding. The {@link ShapeChecker} runs first and catches
 * what binding would reject, with every problem at once; this is the safety net for anything it lets by,
 * so that even then the user gets a file, a line and a field, never a Jackson stack trace.
 */
final class BindingErrors {
  private BindingErrors() {}

  static Finding translate(JsonMappingException e, SourceMap sourceMap) {
    String pointer = Pointers.fromJacksonPath(e.getPath());
    String message;
    Location location;
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
      message = Messages.unknownKey(unknown.getPropertyName(), unknown.getReferringClass());
      location = sourceMap.keyOf(pointer);
    } else if (e instanceof InvalidNullException) {
      message = "must not be empty";
      location = sourceMap.valueOf(pointer);
    } else if (e instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) e;
      String got = e instanceof InvalidFormatException
          ? ", got " + Messages.quote(((InvalidFormatException) e).getValue())
          : "";
      message = mismatch.getTargetType() != null
          ? "expected " + Messages.expected(mismatch.getTargetType()) + got
          : e.getOriginalMessage();
      location = sourceMap.valueOf(pointer);
    } else {
      message = e.getOriginalMessage();
      location = null;
    }
    return new Finding(pointer, location != null ? location : sourceMap.locate(pointer), message);
  }
}
