package io.v2xsim.vehicle.agent;

/** Compares UTF-8 bytes of a received frame with a Java string without decoding (no allocation). */
final class Utf8 {
  private Utf8() {}

  /** Whether {@code b[off, off + len)} is the UTF-8 encoding of {@code s}. */
  static boolean equals(byte[] b, int off, int len, String s) {
    int p = off;
    int end = off + len;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      int c = s.charAt(i);
      if (Character.isHighSurrogate((char) c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        c = Character.toCodePoint((char) c, s.charAt(++i));
      }
      int k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (p + k > end) {
        return false;
      }
      switch (k) {
        case 1 -> {
          if (b[p] != (byte) c) {
            return false;
          }
        }
        case 2 -> {
          if (b[p] != (byte) (0xC0 | c >> 6) || b[p + 1] != (byte) (0x80 | c & 0x3F)) {
            return false;
          }
        }
        case 3 -> {
          if (b[p] != (byte) (0xE0 | c >> 12) || b[p + 1] != (byte) (0x80 | c >> 6 & 0x3F)
              || b[p + 2] != (byte) (0x80 | c & 0x3F)) {
            return false;
          }
        }
        default -> {
          if (b[p] != (byte) (0xF0 | c >> 18) || b[p + 1] != (byte) (0x80 | c >> 12 & 0x3F)
              || b[p + 2] != (byte) (0x80 | c >> 6 & 0x3F) || b[p + 3] != (byte) (0x80 | c & 0x3F)) {
            return false;
          }
        }
      }
      p += k;
    }
    return p == end;
  }
}
