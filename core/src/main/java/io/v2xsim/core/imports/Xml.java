package io.v2xsim.core.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the elements of an XML file with their attributes and line numbers (JDK StAX), so that SUMO
 * importers can point at the offending element. External entities and DTDs are refused.
 */
final class Xml {
  /** One start tag. {@code depth} is 1 for the root element. */
  record Element(String name, Map<String, String> attributes, int line, int depth) {}

  /** Receives start tags and end tags in document order. */
  interface Handler {
    void start(Element e);

    default void end(String name, int depth) {}
  }

  private Xml() {}

  static void read(Path path, String display, Handler handler) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(path)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      int depth = 0;
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) {
              attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            handler.start(new Element(r.getLocalName(), attrs, r.getLocation().getLineNumber(), depth));
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            handler.end(r.getLocalName(), depth);
            depth--;
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      String msg = e.getMessage();
      int cut = msg == null ? -1 : msg.indexOf("Message: ");
      throw new ImportException(display, line, "malformed XML: " + (cut >= 0 ? msg.substring(cut + 9) : msg));
    } catch (NoSuchFileException e) {
      throw new ImportException(display, 0, "no such file");
    } catch (IOException e) {
      throw new ImportException(display, 0, "cannot be read: " + e.getMessage());
    }
  }

  static String required(Element e, String attr, String display) {
    String v = e.attributes().get(attr);
    if (v == null || v.isBlank()) {
      throw new ImportException(display, e.line(), "<" + e.name() + "> has no attribute '" + attr + "'"
          + (e.attributes().containsKey("id") ? " (id '" + e.attributes().get("id") + "')" : ""));
    }
    return v;
  }

  static double number(Element e, String attr, double absent, String display) {
    String v = e.attributes().get(attr);
    if (v == null) {
      return absent;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException ex) {
      throw new ImportException(display, e.line(), "<" + e.name() + "> attribute " + attr + "=\"" + v
          + "\" is not a number");
    }
  }

  static int integer(Element e, String attr, String display) {
    String v = required(e, attr, display);
    try {
      int i = Integer.parseInt(v.strip());
      if (i < 0) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException ex) {
      throw new ImportException(display, e.line(), "<" + e.name() + "> attribute " + attr + "=\"" + v
          + "\" is not a non-negative integer");
    }
  }

  /** Points of a SUMO shape attribute "x1,y1 x2,y2 ...", shifted by {@code -offset}. */
  static double[][] shape(Element e, String attr, double[] offset, String display) {
    String v = e.attributes().get(attr);
    if (v == null || v.isBlank()) {
      return new double[0][];
    }
    String[] parts = v.strip().split("\\s+");
    double[][] pts = new double[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      String[] xy = parts[i].split(",");
      try {
        pts[i] = new double[] {Double.parseDouble(xy[0]) - offset[0], Double.parseDouble(xy[1]) - offset[1]};
      } catch (RuntimeException ex) {
        throw new ImportException(display, e.line(), "<" + e.name() + "> attribute " + attr + " has a malformed point '"
            + parts[i] + "' (expected x,y)");
      }
    }
    return pts;
  }
}
