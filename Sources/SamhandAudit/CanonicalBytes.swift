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
    if count >= 8 && count < 16 {
      // Most fields are small strings, which the standard library hands over as a stack copy
      // it has just stored word by word: a word read across those two stores would stall
      // (no store forwarding), so the first word is read whole and the rest in 4, 2 and 1
      // byte pieces, each within the second word.
      copy(UInt64.self, from: source, at: 0)
      copyPieces(from: source, at: 8, count: count - 8)
    } else if count == 16 {
      copy(UInt64.self, from: source, at: 0)
      copy(UInt64.self, from: source, at: 8)
    } else if count > 16 && count <= 32 {
      // The previous hash and longer ids: overlapping word copies of both 16-byte halves.
      copy(UInt64.self, from: source, at: 0)
      copy(UInt64.self, from: source, at: 8)
      copy(UInt64.self, from: source, at: count - 16)
      copy(UInt64.self, from: source, at: count - 8)
    } else if count < 8 {
      copyPieces(from: source, at: 0, count: count)
    } else {
      UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<next]).copyMemory(from: source)
    }
  }

  /// Copies `count` (below 8) bytes from `start` on to the same place after `offset`.
  @inline(__always)
  private func copyPieces(from source: UnsafeRawBufferPointer, at start: Int, count: Int) {
    var position = start
    if count & 4 != 0 {
      copy(UInt32.self, from: source, at: position)
      position += 4
    }
    if count & 2 != 0 {
      copy(UInt16.self, from: source, at: position)
      position += 2
    }
    if count & 1 != 0 {
      copy(UInt8.self, from: source, at: position)
    }
  }

  /// Copies the piece at `start` to the same place after `offset`.
  @inline(__always)
  private func copy<Piece: FixedWidthInteger>(
    _: Piece.Type, from source: UnsafeRawBufferPointer, at start: Int
  ) {
    bytes.storeBytes(
      of: source.loadUnaligned(fromByteOffset: start, as: Piece.self),
      toByteOffset: offset + start, as: Piece.self)
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
