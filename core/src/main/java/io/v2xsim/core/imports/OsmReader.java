package io.v2xsim.core.imports;

import io.v2xsim.core.collections.LongIntMap;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an OSM XML 0.6 file (JDK StAX, one pass, no DOM): every node's position goes into flat arrays, and only
 * the ways {@link OsmTags#modelled} keeps are held with their tags, so memory grows with the node count (about 24
 * bytes a node) and the road network, not with the file's buildings, relations and metadata. Relations are
 * skipped. Every problem is located as line and column where the parser stood (the end of the offending tag).
 */
final class OsmReader {
  /** Where in the file: 1-based line and column. */
  record Pos(int line, int column) {}

  /** A way kept for import, its node references as in the file with each {@code <nd>}'s position. */
  record Way(long id, long[] refs, Pos[] refPos, Map<String, String> tags, Map<String, Pos> tagPos, Pos pos) {}

  /** What the file holds for the importer. */
  record Data(double[] lat, double[] lon, LongIntMap index, long[] ids, BitSet signals, List<Way> ways,
      double[] bounds, List<String> skipped) {
    /** Dense index of node {@code id}, or {@link LongIntMap#ABSENT}. */
    int node(long id) {
      return index.get(key(id));
    }
  }

  private final String file;
  private double[] lat = new double[1 << 12];
  private double[] lon = new double[1 << 12];
  private long[] ids = new long[1 << 12];
  private int count;
  private final LongIntMap index = new LongIntMap();
  private final BitSet signals = new BitSet();
  private final List<Way> ways = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private double[] bounds;

  private OsmReader(String file) {
    this.file = file;
  }

  /** OSM ids may be negative (editors give unsaved objects negative ids); the map takes non-negative keys. */
  static long key(long id) {
    return (id << 1) ^ (id >> 63);
  }

  static Data read(Path path, String display) {
    OsmReader r = new OsmReader(display);
    r.parse(path);
    return new Data(Arrays.copyOf(r.lat, r.count), Arrays.copyOf(r.lon, r.count), r.index, Arrays.copyOf(r.ids, r.count),
        r.signals, r.ways, r.bounds, r.skipped);
  }

  private void parse(Path path) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      XMLStreamReader x = factory.createXMLStreamReader(in);
      try {
        elements(x);
      } finally {
        x.close();
      }
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNumber());
      int column = at == null ? 0 : Math.max(0, at.getColumnNumber());
      String msg = e.getMessage();
      int cut = msg == null ? -1 : msg.indexOf("Message: ");
      throw new ImportException(file, line, column, "malformed XML: " + (cut >= 0 ? msg.substring(cut + 9) : msg)
          + (msg != null && msg.contains("end of file") ? " (is the file truncated?)" : ""));
    } catch (NoSuchFileException e) {
      throw new ImportException(file, 0, "no such file");
    } catch (IOException e) {
      throw new ImportException(file, 0, "cannot be read: " + e.getMessage());
    }
  }

  private Pos pos(XMLStreamReader x) {
    Location l = x.getLocation();
    return new Pos(l.getLineNumber(), l.getColumnNumber());
  }

  private ImportException error(Pos p, String problem) {
    return new ImportException(file, p.line(), p.column(), problem);
  }

  private void elements(XMLStreamReader x) throws XMLStreamException {
    int depth = 0;
    boolean sawOsm = false;
    // The element being read at depth 2: a node (its index) or a way (its refs and tags).
    int nodeIndex = -1;
    long wayId = 0;
    Pos wayPos = null;
    long[] refs = new long[16];
    Pos[] refPos = new Pos[16];
    int refCount = 0;
    Map<String, String> tags = null;
    Map<String, Pos> tagPos = null;
    while (x.hasNext()) {
      int event = x.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 2) {
          String name = x.getLocalName();
          if (name.equals("way")) {
            if (refCount < 2) {
              throw error(wayPos, "way " + wayId + " has " + refCount + " node(s); a way needs at least two");
            }
            String why = OsmTags.modelled(tags);
            if (why == null) {
              ways.add(new Way(wayId, Arrays.copyOf(refs, refCount), Arrays.copyOf(refPos, refCount), tags, tagPos,
                  wayPos));
            } else if (!why.isEmpty()) {
              skipped.add("way " + wayId + " (" + why + ")");
            }
            tags = null;
          }
          nodeIndex = -1;
        }
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      depth++;
      String name = x.getLocalName();
      if (depth == 1) {
        if (!name.equals("osm")) {
          throw error(pos(x), "root element is <" + name + ">, expected <osm> (an OpenStreetMap XML file)");
        }
        sawOsm = true;
        continue;
      }
      if (depth == 2) {
        switch (name) {
          case "bounds" -> bounds = new double[] {coordinate(x, "minlat", 90), coordinate(x, "minlon", 180),
              coordinate(x, "maxlat", 90), coordinate(x, "maxlon", 180)};
          case "node" -> nodeIndex = node(x);
          case "way" -> {
            wayPos = pos(x);
            wayId = id(x, "way");
            refCount = 0;
            tags = new LinkedHashMap<>();
            tagPos = new LinkedHashMap<>();
          }
          default -> { } // relations, changesets, notes: not needed for the road network
        }
        continue;
      }
      if (depth == 3) {
        if (name.equals("nd") && tags != null) {
          if (refCount == refs.length) {
            refs = Arrays.copyOf(refs, refCount * 2);
            refPos = Arrays.copyOf(refPos, refCount * 2);
          }
          refPos[refCount] = pos(x);
          refs[refCount++] = longAttr(x, "ref", "<nd>");
        } else if (name.equals("tag")) {
          String k = x.getAttributeValue(null, "k");
          String v = x.getAttributeValue(null, "v");
          if (k == null || v == null) {
            throw error(pos(x), "<tag> needs attributes k and v");
          }
          if (tags != null) {
            tags.put(k, v);
            tagPos.put(k, pos(x));
          } else if (nodeIndex >= 0 && k.equals("highway") && v.equals("traffic_signals")) {
            // https://wiki.openstreetmap.org/wiki/Tag:highway%3Dtraffic_signals
            signals.set(nodeIndex);
          }
        }
      }
    }
    if (!sawOsm) {
      throw new ImportException(file, 0, "no <osm> element: not an OpenStreetMap XML file");
    }
  }

  private int node(XMLStreamReader x) {
    long id = id(x, "node");
    double la = coordinate(x, "lat", 90);
    double lo = coordinate(x, "lon", 180);
    if (count == lat.length) {
      lat = Arrays.copyOf(lat, count * 2);
      lon = Arrays.copyOf(lon, count * 2);
      ids = Arrays.copyOf(ids, count * 2);
    }
    if (index.put(key(id), count) != LongIntMap.ABSENT) {
      throw error(pos(x), "duplicate node id " + id);
    }
    lat[count] = la;
    lon[count] = lo;
    ids[count] = id;
    return count++;
  }

  private long id(XMLStreamReader x, String what) {
    return longAttr(x, "id", "<" + what + ">");
  }

  private long longAttr(XMLStreamReader x, String attr, String what) {
    String v = x.getAttributeValue(null, attr);
    if (v == null) {
      throw error(pos(x), what + " has no attribute '" + attr + "'");
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw error(pos(x), what + " attribute " + attr + "=\"" + v + "\" is not an integer");
    }
  }

  private double coordinate(XMLStreamReader x, String attr, double limit) {
    String v = x.getAttributeValue(null, attr);
    if (v == null) {
      throw error(pos(x), "<" + x.getLocalName() + "> has no attribute '" + attr + "'");
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (!(Math.abs(d) <= limit)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw error(pos(x), "<" + x.getLocalName() + "> attribute " + attr + "=\"" + v + "\" is not a number between -"
          + (int) limit + " and " + (int) limit);
    }
  }
}
