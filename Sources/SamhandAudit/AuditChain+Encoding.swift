/// The canonical encoding of an entry: the exact bytes the chain hash covers. Version 2
/// (written since the OS user and policy digest were recorded) is version 1 with a new tag
/// and two fields appended; an entry written as version 1 keeps its version-1 bytes.
///
/// ```
/// entry   = v1 | v2
/// v1      = tag(1) fields
/// v2      = tag(2) fields opt(osUser) opt(policyDigest)
/// fields  = sequence timeMillis str(actor) opt(actorService) str(action)
///           str(resourceType) opt(resourceID) opt(recipientID) str(decision)
///           list(policyIDs) opt(purpose) bool(breakGlass) str(requestID) str(channel)
///           str(outcome)
/// tag(v)  = 0x53 0x41 0x45 v                     ("SAE", format version v)
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
/// Every field is length-prefixed or fixed-width and the tag names the version, so two
/// different (sequence, event) pairs never share an encoding. A change of format gets a new
/// version byte in the tag; the verifier encodes each entry in the version it was written in.
extension AuditChain {
  /// The tag that opens every version-1 entry: "SAE" and the format version.
  public static let encodingTag: [UInt8] = AuditEncodingVersion.v1.tag

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
    // The tag byte by byte: no array per entry on the verifier's hot path.
    writer.write(byte: 0x53)
    writer.write(byte: 0x41)
    writer.write(byte: 0x45)
    writer.write(byte: UInt8(event.encodingVersion.rawValue))
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
    if event.encodingVersion == .v2 {
      writer.writeOptionalField(event.osUser)
      writer.writeOptionalField(event.policyDigest)
    }
  }
}
