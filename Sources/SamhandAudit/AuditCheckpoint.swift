import Foundation

/// A signed statement "the log had this head at this time". Entries alone cannot prove that
/// nothing was cut off or rewritten from some point on; a checkpoint signed with a key the
/// writer of the log does not hand out can.
///
/// ```swift
/// let checkpoint = try AuditCheckpoint.sign(
///   head: entry.head, timeMillis: now, keyID: "audit-1", key: privateKey)
/// checkpoint.hasValidSignature(publicKey: privateKey.publicKey)  // true
/// ```
public struct AuditCheckpoint: Sendable, Equatable {
  public let sequence: Int64
  public let headHash: Data
  public let timeMillis: Int64
  /// Names the public key that verifies `signature`.
  public let keyID: String
  public let signature: Data

  public init(sequence: Int64, headHash: Data, timeMillis: Int64, keyID: String, signature: Data) {
    self.sequence = sequence
    self.headHash = headHash
    self.timeMillis = timeMillis
    self.keyID = keyID
    self.signature = signature
  }
}
