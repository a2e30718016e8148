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
    }
  }

  static func everythingHeld(
    _ id: RecipientID, in transaction: StoreTransaction, by actor: StaffID, at now: Date
  ) throws -> RecipientExport {
    guard let recipient = try transaction.recipient(id) else { throw noRecipient(id) }
    let plans = try transaction.planIDs(of: id).compactMap { plan in
      try transaction.plan(plan).map {
        RecipientExport.WithHistory(current: $0, history: try transaction.planVersions(plan))
      }
    }
    let groups = try transaction.groupIDs(of: id).compactMap { group in
      try transaction.group(group).map {
        RecipientExport.WithHistory(current: $0, history: try transaction.groupVersions(group))
      }
    }
    return RecipientExport(
      exportedAt: now, exportedBy: actor, recipient: recipient,
      identityVersions: try transaction.recipientVersions(id),
      consents: try transaction.consents(of: id),
      blocks: try transaction.blocks(of: id, liveOnly: false), plans: plans, groups: groups,
      handovers: try transaction.handovers(of: id).compactMap { try transaction.handover($0.id) },
      lifeDomainScores: try transaction.lifeDomainScores(of: id),
      responsibilities: try transaction.responsibilityHistory(of: id),
      accessLog: try accessLogLines(of: id, in: transaction).map(\.line))
  }
}
