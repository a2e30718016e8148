import Foundation
import SamhandCore
import SamhandStore

/// The recipient's copy of everything held (innsyn, GDPR art. 15 and 20).
extension SamhandService {
  /// Everything held about the recipient, as `format`. Gated as the policy action `export` on
  /// the recipient (by default: leaders and coordinators of the registering service, stating
  /// the purpose `innsyn`), and audited as one entry, `recipient.export`, that the export's own
  /// access log already shows. Decided, audited and read in one transaction.
  public func exportRecipient(
    _ id: RecipientID, format: RecipientExportFormat, as actor: Actor, options: RequestOptions
  ) throws -> Data {
    let export = try gate.write(
      request(actor, .export, "recipient.export", options), notFound: Self.noRecipient(id),
      resolve: { try Self.auditedRecipient(id, in: $0) },
      perform: { transaction, _ in
        try Self.everythingHeld(id, in: transaction, by: actor.staffID, at: clock.now)
      })
    switch format {
    case .json: return try export.json()
    case .fhir: return try FHIRBundle(export).json()
    case .markdown: return Data(RecipientDocument(export: export).render(.markdown).utf8)
    case .html: return Data(RecipientDocument(export: export).render(.html).utf8)
    }
  }

  static func everythingHeld(
    _ id: RecipientID, in transaction: StoreTransaction, by actor: StaffID, at now: Date
  ) throws -> RecipientExport {
    guard let recipient = try transaction.recipient(id) else { throw noRecipient(id) }
    return RecipientExport(
      exportedAt: now, exportedBy: actor, recipient: recipient,
      identityVersions: try transaction.recipientVersions(id),
      consents: try transaction.consents(of: id),
      blocks: try transaction.blocks(of: id, liveOnly: false),
      plans: try withHistory(
        transaction.planIDs(of: id), read: transaction.plan(_:atVersion:),
        history: transaction.planVersions),
      groups: try withHistory(
        transaction.groupIDs(of: id), read: transaction.group(_:atVersion:),
        history: transaction.groupVersions),
      handovers: try transaction.handovers(of: id).compactMap { try transaction.handover($0.id) },
      lifeDomainScores: try transaction.lifeDomainScores(of: id),
      responsibilities: try transaction.responsibilityHistory(of: id),
      assignments: try transaction.assignments(of: id),
      breakGlassGrants: try transaction.breakGlassGrants(of: id),
      notices: try transaction.noticeIDs(of: id).compactMap { try transaction.notice($0) },
      erasureRequests: try transaction.erasureRequests(of: id),
      legalHolds: try transaction.legalHolds(of: id),
      accessLog: try accessLogLines(of: id, in: transaction).map(\.line))
  }

  /// Each record as it stands, with what changed in every version and its content then.
  private static func withHistory<ID, Value: Sendable & Encodable>(
    _ ids: [ID], read: (ID, Int?) throws -> Value?, history: (ID) throws -> [AggregateVersion]
  ) throws -> [RecipientExport.WithHistory<Value>] {
    try ids.compactMap { id in
      guard let current = try read(id, nil) else { return nil }
      let changes = try history(id)
      return RecipientExport.WithHistory(
        current: current, history: changes,
        versions: try changes.compactMap { try read(id, $0.version) })
    }
  }
}
