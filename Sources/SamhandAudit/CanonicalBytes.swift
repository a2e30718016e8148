/// Writes the primitives of the canonical formats (entries and checkpoint messages) straight
/// into memory in one pass: the verifier's hot path, so no per-field array appends and no
/// separate pass to size the output. Writes that do not fit are skipped but still counted, so
/// `offset` ends at the full size and the caller can grow the memory and write again.
struct CanonicalWriter {
  private let bytes: UnsafeMutableRawBufferPointer
  private(set) var offset: Int

  init(_ bytes: UnsafeMutableRawBufferPointer, offset: Int) {
    self.bytes = bytes
    self.offset = offset
  }

  @inline(__always)
  mutating func write(byte: UInt8) {
    if offset < bytes.count {
      bytes.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
    }
    offset += 1
  }

  @inline(__always)
  mutating func write(bytes source: UnsafeRawBufferPointer) {
    let count = source.count
    let next = offset + count
    defer { offset = next }
    guard next <= bytes.count else { return }
    if count >= 8 && count <= 16 {
      // Most fields are short: two overlapping word copies beat a call to memmove.
      let head = source.loadUnaligned(as: UInt64.self)
      let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      bytes.storeBytes(of: head, toByteOffset: offset, as: UInt64.self)
      bytes.storeBytes(of: tail, toByteOffset: next - 8, as: UInt64.self)
    } else if count < 8 {
      for index in 0..<count {
        bytes.storeBytes(of: source[index], toByteOffset: offset + index, as: UInt8.self)
      }
    } else {
      UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<next]).copyMemory(from: source)
    }
  }

  /// Eight bytes, two's complement, big-endian.
  @inline(__always)
  mutating func writeBigEndian(_ value: Int64) {
    writeBigEndian(UInt64(bitPattern: value))
  }

  @inline(__always)
  private mutating func writeBigEndian<Value: FixedWidthInteger>(_ value: Value) {
    let next = offset + Value.bitWidth / 8
    if next <= bytes.count {
      bytes.storeBytes(of: value.bigEndian, toByteOffset: offset, as: Value.self)
    }
    offset = next
  }

  /// Four bytes big-endian; a length of 0xFFFF_FFFF or more is written as the escape
  /// 0xFFFF_FFFF followed by the full length in eight bytes, so every length has exactly one
  /// encoding.
  @inline(__always)
  mutating func writeLength(_ length: Int) {
    if length < 0xFFFF_FFFF {
      writeBigEndian(UInt32(truncatingIfNeeded: length))
    } else {
      writeBigEndian(UInt32.max)
      writeBigEndian(UInt64(truncatingIfNeeded: length))
    }
  }

  /// The length of the string's UTF-8 bytes, then those bytes.
  @inline(__always)
  mutating func writeField(_ text: String) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable {
      writeLength($0.count)
      write(bytes: UnsafeRawBufferPointer($0))
    }
    if copied == nil {
      writeLength(text.utf8.count)
      for byte in text.utf8 {
        write(byte: byte)
      }
    }
  }

  /// 0x00 for nil; 0x01 and the field otherwise, so nil and "" differ.
  @inline(__always)
  mutating func writeOptionalField(_ text: String?) {
    guard let text else {
      write(byte: 0)
      return
    }
    write(byte: 1)
    writeField(text)
  }
}

extension Array where Element == UInt8 {
  /// Lets `write` fill the array from `offset` on, growing it when it is too short (it never
  /// shrinks, so a reused scratch buffer stops growing); returns the end offset. Bytes past
  /// the end are left from earlier use. `value` is handed to `write` rather than captured by
  /// it, so that an event is borrowed, not copied, on the verifier's hot path.
  mutating func writeCanonical<Value>(
    at offset: Int, _ value: Value,
    _ write: (inout CanonicalWriter, Value) -> Void
  ) -> Int {
    growIfShorter(than: offset + 256)
    let end = writeOnce(at: offset, value, write)
    guard end > count else { return end }
    growIfShorter(than: end)
    return writeOnce(at: offset, value, write)
  }

  /// One attempt: returns the end offset, beyond `count` if the bytes did not fit.
  private mutating func writeOnce<Value>(
    at offset: Int, _ value: Value, _ write: (inout CanonicalWriter, Value) -> Void
  ) -> Int {
    withUnsafeMutableBytes { bytes in
      var writer = CanonicalWriter(bytes, offset: offset)
      write(&writer, value)
      return writer.offset
    }
  }

  /// `writeCanonical` that leaves exactly the written bytes after `offset`.
  mutating func appendCanonical<Value>(
    _ value: Value, _ write: (inout CanonicalWriter, Value) -> Void
  ) {
    let end = writeCanonical(at: count, value, write)
    removeSubrange(end...)
  }

  private mutating func growIfShorter(than needed: Int) {
    if count < needed {
      append(contentsOf: repeatElement(0, count: needed - count))
    }
  }
}
