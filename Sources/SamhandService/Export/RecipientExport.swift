import Foundation
import SamhandCore

/// The formats a recipient's copy of everything held comes in: Samhand's own JSON document
/// (schema `RecipientExport` in the OpenAPI document), a FHIR R4 `Bundle` of type
/// `collection`, or a document for the person to read (Markdown or self-contained HTML).
public enum RecipientExportFormat: String, Sendable, CaseIterable {
  case json, fhir
  case markdown = "md"
  case html

  /// The media type of the exported bytes.
  public var mediaType: String {
    switch self {
    case .json: return "application/json"
    case .fhir: return "application/fhir+json"
    case .markdown: return "text/markdown; charset=utf-8"
    case .html: return "text/html; charset=utf-8"
    }
  }

  /// The formats' names, for an error message: "json, fhir, md, html".
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Everything held about one recipient (GDPR art. 15 and 20, DOMAIN L26), whichever service
/// wrote it: the identity record with every version, consents and blocks, plans and groups
/// with the content of every version, handovers with their events, life-domain scores, who
/// held responsibility, staff assignments, emergency access grants, notices, erasure requests,
/// legal holds, and the access log. Sealed fields read as their plaintext, or `"[erased]"`.
/// `tableSections` says where each table holding recipient data lands (a test holds it to the
/// schema). JSON, FHIR and the readable document are all rendered from this one value.
///
/// ```swift
/// let bytes = try service.exportRecipient(id, format: .json, as: siri, options: innsyn)
/// ```
public struct RecipientExport: Sendable, Encodable {
  /// A plan or group with every version of it: what changed, who, when (`history`), and the
  /// content as it stood at each version (`versions`, oldest first, one per `history` entry).
  public struct WithHistory<Value: Sendable & Encodable>: Sendable, Encodable {
    public let current: Value
    public let history: [AggregateVersion]
    public let versions: [Value]
  }

  /// The name of this document's shape; a change that breaks readers raises `formatVersion`.
  public let format = "samhand-recipient-export"
  public let formatVersion = 1
  public let exportedAt: Date
  public let exportedBy: StaffID
  public let recipient: Recipient
  public let identityVersions: [RecipientVersion]
  public let consents: [Consent]
  public let blocks: [Block]
  public let plans: [WithHistory<Plan>]
  public let groups: [WithHistory<Group>]
  public let handovers: [HandoverRecord]
  public let lifeDomainScores: [LifeDomainScore]
  public let responsibilities: [ResponsibilityPeriod]
  public let assignments: [Assignment]
  public let breakGlassGrants: [BreakGlassGrant]
  public let notices: [Notice]
  public let erasureRequests: [ErasureRequest]
  public let legalHolds: [LegalHold]
  public let accessLog: [AccessLogEntry]

  /// The JSON document: the API's camelCase keys (`recipientId`, `nationalId`: every `ID` in a
  /// Swift name reads `Id`), sorted, dates in ISO 8601.
  public func json() throws -> Data {
    try Self.encoder.encode(self)
  }

  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    encoder.dateEncodingStrategy = .iso8601
    encoder.keyEncodingStrategy = .custom { path in
      ExportKey(path.last.map { $0.stringValue.replacingOccurrences(of: "ID", with: "Id") } ?? "")
    }
    return encoder
  }

  private struct ExportKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
