import Foundation
import SamhandAudit

/// A recipient's access log as a document that proves itself (`samhand recipient access-log
/// --proofs`, `GET /v1/recipients/{id}/access-log/extract`): every entry with its audit
/// entry as recorded and an inclusion proof against one signed checkpoint, carried as its
/// C2SP note. Whoever holds it, and the log's public key, can check offline
/// (`samhand audit check-extract`) that each look it lists is in the log the checkpoint
/// signed, even after the database was rolled back or rewritten.
public struct AccessLogExtract: Sendable, Codable, Equatable {
  /// The format name and version this extract is written in.
  public static let currentFormat = "samhand-access-log-extract/1"

  public let format: String
  public let recipientId: String
  /// The signed checkpoint every proof leads to, as a C2SP signed note.
  public let checkpoint: String
  public let entries: [Entry]

  /// One line of the access log, with its proof.
  public struct Entry: Sendable, Codable, Equatable {
    public let time: Date
    public let staffId: String
    public let staffName: String?
    public let service: String?
    public let action: String
    public let purpose: String?
    public let breakGlass: Bool
    public let allowed: Bool
    public let osUser: String?
    public let policyDigest: String?
    public let proof: Proof
  }

  /// Where the entry sits in the log and how it leads to the checkpoint's root.
  public struct Proof: Sendable, Codable, Equatable {
    /// The entry's sequence number (from 1).
    public let sequence: Int64
    /// Its leaf in the Merkle tree (`sequence - 1`).
    public let leafIndex: Int64
    /// The audit entry as recorded: its canonical bytes are the leaf.
    public let event: AuditEvent
    /// The inclusion proof's hashes (base64), leaf to root.
    public let inclusion: [String]
  }
}

extension AccessLogExtract.Entry {
  init(_ line: AccessLogEntry, sequence: Int64, event: AuditEvent, inclusion: [MerkleHash]) {
    time = line.time
    staffId = line.staffID
    staffName = line.staffName
    service = line.service
    action = line.action
    purpose = line.purpose
    breakGlass = line.breakGlass
    allowed = line.allowed
    osUser = line.osUser
    policyDigest = line.policyDigest
    proof = .init(
      sequence: sequence, leafIndex: sequence - 1, event: event,
      inclusion: inclusion.map(\.base64))
  }

  /// The first field shown that the proven event does not back, if any.
  func fieldNotBacked(by event: AuditEvent) -> String? {
    let fields: [(String, Bool)] = [
      // To the second: an extract's times may be written without fractions.
      ("time", Self.seconds(time) == Self.seconds(AccessLogEntry.date(event.timeMillis))),
      ("staffId", staffId == event.actor),
      ("service", service == event.actorService), ("action", action == event.action),
      ("purpose", purpose == event.purpose), ("breakGlass", breakGlass == event.breakGlass),
      ("allowed", allowed == (event.decision == .allow)), ("osUser", osUser == event.osUser),
      ("policyDigest", policyDigest == event.policyDigest),
    ]
    return fields.first { !$0.1 }?.0
  }

  private static func seconds(_ date: Date) -> Int64 {
    Int64(date.timeIntervalSince1970.rounded(.down))
  }
}

extension AccessLogExtract {
  /// Reads an extract as the CLI (fractional seconds) or the HTTP API (whole seconds)
  /// wrote it.
  public static func decode(_ data: Data) throws -> AccessLogExtract {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let text = try decoder.singleValueContainer().decode(String.self)
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      if let date = formatter.date(from: text) { return date }
      formatter.formatOptions = [.withInternetDateTime]
      guard let date = formatter.date(from: text) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
      }
      return date
    }
    return try decoder.decode(AccessLogExtract.self, from: data)
  }
}
