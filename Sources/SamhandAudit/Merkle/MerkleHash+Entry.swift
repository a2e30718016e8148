extension MerkleHash {
  /// The leaf hash of an audit entry: RFC 6962 over its canonical encoding, the same bytes
  /// the chain hash covers (whatever version the encoding is).
  public static func leaf(sequence: Int64, event: AuditEvent, buffer: inout [UInt8])
    -> MerkleHash
  {
    buffer.removeAll(keepingCapacity: true)
    AuditChain.appendCanonicalEncoding(sequence: sequence, event: event, to: &buffer)
    return .leaf(buffer)
  }
}
