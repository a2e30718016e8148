/// Appending the primitives of the canonical formats (entries and checkpoint messages) to a
/// reusable byte buffer, without intermediate allocations.
extension Array where Element == UInt8 {
  /// Eight bytes, two's complement, big-endian.
  mutating func appendBigEndian(_ value: Int64) {
    Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
  }

  /// Four bytes big-endian; a length of 0xFFFF_FFFF or more is written as the escape
  /// 0xFFFF_FFFF followed by the full length in eight bytes, so every length has exactly one
  /// encoding.
  mutating func appendLength(_ length: Int) {
    if length < 0xFFFF_FFFF {
      Swift.withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian) {
        append(contentsOf: $0)
      }
    } else {
      Swift.withUnsafeBytes(of: UInt32.max.bigEndian) { append(contentsOf: $0) }
      Swift.withUnsafeBytes(of: UInt64(truncatingIfNeeded: length).bigEndian) {
        append(contentsOf: $0)
      }
    }
  }

  /// The length of the string's UTF-8 bytes, then those bytes.
  mutating func appendField(_ text: String) {
    let utf8 = text.utf8
    appendLength(utf8.count)
    let copied: Void? = utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
    if copied == nil {
      append(contentsOf: utf8)
    }
  }

  /// 0x00 for nil; 0x01 and the field otherwise, so nil and "" differ.
  mutating func appendOptionalField(_ text: String?) {
    guard let text else {
      append(0)
      return
    }
    append(1)
    appendField(text)
  }

  /// The length of the bytes, then the bytes.
  mutating func appendBytes(_ bytes: some Collection<UInt8>) {
    appendLength(bytes.count)
    append(contentsOf: bytes)
  }
}
