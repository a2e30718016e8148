/// What kind of damage the verifier found.
public enum AuditProblemKind: String, Sendable, Codable {
  /// An entry's content, sequence number or stored hash differs from what was chained, or the
  /// chain up to a checkpoint was rewritten.
  case changed
  /// An entry in the middle of the log is gone.
  case missing
  /// An entry that does not belong to the chain stands in the log.
  case inserted
  /// Entries of the chain stand out of their order.
  case reordered
  /// Entries a signed checkpoint vouches for are gone from the end of the log.
  case truncated
  /// A checkpoint's signature does not verify, or names an unknown key, or cannot belong to
  /// any log.
  case badCheckpoint = "bad-checkpoint"
  /// The store could not decode a row.
  case undecodable
}

/// The first thing wrong with an audit log, in a form an auditor can act on.
public struct AuditProblem: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The sequence where the log stops being trustworthy, when there is one.
  public let sequence: Int64?
  public let kind: AuditProblemKind
  /// One readable line.
  public let detail: String

  public init(sequence: Int64?, kind: AuditProblemKind, detail: String) {
    self.sequence = sequence
    self.kind = kind
    self.detail = detail
  }

  public var description: String {
    guard let sequence else { return "\(kind.rawValue): \(detail)" }
    return "\(kind.rawValue) at entry \(sequence): \(detail)"
  }
}
