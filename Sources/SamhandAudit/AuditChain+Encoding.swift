/// The canonical encoding of an entry, version 1: the exact bytes the chain hash covers.
///
/// ```
/// entry   = tag sequence timeMillis str(actor) opt(actorService) str(action)
///           str(resourceType) opt(resourceID) opt(recipientID) str(decision)
///           list(policyIDs) opt(purpose) bool(breakGlass) str(requestID) str(channel)
///           str(outcome)
/// tag     = 0x53 0x41 0x45 0x01                  ("SAE", format version 1)
/// sequence, timeMillis = 8 bytes, two's complement, big-endian
/// str(s)  = len(byte count of s in UTF-8) then the UTF-8 bytes
/// len(n)  = n in 4 bytes big-endian if n < 0xFFFFFFFF,
///           else 0xFF 0xFF 0xFF 0xFF then n in 8 bytes big-endian
/// opt(s)  = 0x00 if nil, else 0x01 str(s)        (nil and "" differ)
/// bool(b) = 0x00 or 0x01
/// list(l) = len(count of l) then str(each element), in order
/// enums   = str(raw value), e.g. "not-evaluated"
/// ```
///
/// Every field is length-prefixed or fixed-width, so two different (sequence, event) pairs
/// never share an encoding. A change of format gets a new version byte in the tag.
extension AuditChain {
  /// The tag that opens every encoded entry: "SAE" and the format version.
  public static let encodingTag: [UInt8] = [0x53, 0x41, 0x45, 0x01]

  /// The canonical encoding of an entry; see the format above.
  public static func canonicalEncoding(sequence: Int64, event: AuditEvent) -> [UInt8] {
    var buffer: [UInt8] = []
    appendCanonicalEncoding(sequence: sequence, event: event, to: &buffer)
    return buffer
  }

  /// Appends the canonical encoding to `buffer`, so that a caller encoding many entries can
  /// reuse one buffer instead of allocating per entry.
  public static func appendCanonicalEncoding(
    sequence: Int64, event: AuditEvent, to buffer: inout [UInt8]
  ) {
    buffer.appendCanonical(event) { writer, event in
      writeCanonicalEncoding(sequence: sequence, event: event, to: &writer)
    }
  }

  static func writeCanonicalEncoding(
    sequence: Int64, event: AuditEvent, to writer: inout CanonicalWriter
  ) {
    encodingTag.withUnsafeBytes { writer.write(bytes: $0) }
    writer.writeBigEndian(sequence)
    writer.writeBigEndian(event.timeMillis)
    writer.writeField(event.actor)
    writer.writeOptionalField(event.actorService)
    writer.writeField(event.action)
    writer.writeField(event.resourceType)
    writer.writeOptionalField(event.resourceID)
    writer.writeOptionalField(event.recipientID)
    writer.writeField(event.decision.rawValue)
    writer.writeLength(event.policyIDs.count)
    for policyID in event.policyIDs {
      writer.writeField(policyID)
    }
    writer.writeOptionalField(event.purpose)
    writer.write(byte: event.breakGlass ? 1 : 0)
    writer.writeField(event.requestID)
    writer.writeField(event.channel.rawValue)
    writer.writeField(event.outcome.rawValue)
  }
}
