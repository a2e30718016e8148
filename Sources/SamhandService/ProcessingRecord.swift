import Foundation
import SamhandCore
import SamhandPolicy
import SamhandStore

/// The record of processing activities (GDPR art. 30, DOMAIN L28), generated from the
/// installation rather than written by hand: purposes and legal bases from the policies in
/// force (their `@basis` annotations), categories of data from the schema and the registry of
/// sealed columns, recipient services from the store, retention and security measures from
/// the settings and key versions. Holds no recipient data, only how it is processed.
public struct ProcessingRecord: Sendable, Encodable {
  public struct Purpose: Sendable, Encodable {
    public let purpose: ProcessingPurpose
    public let summary: String
    public let actions: [String]
    /// The legal bases of the permits in force for these actions.
    public let legalBases: [String]
  }

  public struct PolicyBasis: Sendable, Encodable {
    public let id: PolicyID
    public let effect: String
    /// Nil when the policy states none (the record then says so).
    public let basis: String?
  }

  public struct DataCategory: Sendable, Encodable {
    public let category: InformationCategory
    public let description: String
    /// `table.column: what it holds`, for each sealed column guarded by this category.
    public let sealedColumns: [String]
  }

  public struct RecipientService: Sendable, Encodable {
    public let code: ServiceCode
    public let name: String
  }

  public let generatedAt: Date
  public let schemaVersion: Int
  public let policyDigest: String?
  public let purposes: [Purpose]
  public let dataSubjects: [String]
  public let categories: [DataCategory]
  public let tables: [StoredTable]
  public let services: [RecipientService]
  public let retention: [String]
  public let security: [String]
  public let settings: [String]
  public let policies: [PolicyBasis]
}

extension ProcessingRecord {
  /// Who the data is about (art. 30(1)(c)).
  static let dataSubjects = [
    "Service recipients (tjenestemottakere) with long-term, coordinated services",
    "Their next of kin (pårørende), children as next of kin included",
    "External participants in responsibility groups",
    "Staff of the services (names, roles, what they did: the audit log)",
  ]

  /// What each information category holds; the record lists every category.
  static func describe(_ category: InformationCategory) -> String {
    switch category {
    case .identity:
      return "Name, national identity number, contact data, next of kin, consents, blocks "
        + "(sperring) and emergency-access reasons"
    case .plan:
      return "The individual plan: goals, measures, substance contracts, references, comments, "
        + "revisions, Brukerplan life-domain scores, notices to the coordinating unit"
    case .group:
      return "The responsibility group: members, meetings, agendas, minutes, decisions, action "
        + "items"
    case .handover:
      return "Handovers between services: notes, reasons, checklists, who holds responsibility"
    case .health:
      return "Health information (GDPR art. 9), shared only with consent or as the law allows"
    case .substanceUse:
      return "Information on substance use (GDPR art. 9), shared only with consent or as the "
        + "law allows"
    case .finances:
      return "Financial information (social assistance, debt counselling)"
    }
  }

  /// The actions a policy's scope names; nil when it names every action.
  static func actions(of policy: Policy) -> Set<String>? {
    switch policy.action {
    case .any: return nil
    case .equal(let uid), .in(let uid), .isTypeIn(_, let uid): return [uid.id]
    case .inAny(let uids): return Set(uids.map(\.id))
    case .isType: return nil
    }
  }
}

extension SamhandService {
  /// The record of processing for an auditor over HTTP: decided and audited as a read of the
  /// audit log (`processing-record.show`), so only those the policies let read the audit log
  /// get it (a 403 for anyone else: the record's existence is no secret).
  public func processingRecord(as actor: Actor, options: RequestOptions) throws
    -> ProcessingRecord
  {
    try gate.read(
      request(actor, .readAudit, "processing-record.show", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      read: { transaction, _ in try processingRecord(in: transaction) })
  }

  /// The record of processing for this installation (`samhand processing-record`, the
  /// operator's command on the machine that holds the keys), as of the service clock.
  public func processingRecord() throws -> ProcessingRecord {
    try store.read { try processingRecord(in: $0) }
  }

  private func processingRecord(in transaction: StoreTransaction) throws -> ProcessingRecord {
    let status = try status(in: transaction)
    let (tables, services) = (try transaction.schemaTables(), try transaction.services())
    let policies = decider.policySet?.policies ?? []
    let purposes = ProcessingPurpose.allCases.map { purpose in
      let names = Set(purpose.actions.map(\.rawValue))
      let bases = policies.filter { policy in
        policy.effect == .permit
          && ProcessingRecord.actions(of: policy).map { !$0.isDisjoint(with: names) } ?? true
      }.compactMap { $0.annotations["basis"] }
      return ProcessingRecord.Purpose(
        purpose: purpose, summary: purpose.summary, actions: purpose.actions.map(\.rawValue),
        legalBases: Array(Set(bases)).sorted())
    }
    let categories = InformationCategory.allCases.map { category in
      ProcessingRecord.DataCategory(
        category: category, description: ProcessingRecord.describe(category),
        sealedColumns: SealedColumns.all.filter { $0.category == category }.map {
          "\($0.table).\($0.column): \($0.holds)"
        })
    }
    let keys = status.keyVersions.map { key in
      "key-encryption key version \(key.version): \(key.status), wraps \(key.dataKeys) data keys"
    }
    return ProcessingRecord(
      generatedAt: clock.now, schemaVersion: status.counts.schemaVersion,
      policyDigest: policyDigest, purposes: purposes, dataSubjects: ProcessingRecord.dataSubjects,
      categories: categories, tables: tables,
      services: services.map { .init(code: $0.code, name: $0.name) },
      retention: [
        "Nothing is deleted in place: every change is a new version (history, not overwrite).",
        "Erasure (samhand recipient erase) destroys the recipient's data key: every sealed "
          + "field reads [erased] in the database and in every backup (crypto-shredding).",
        "The audit log is append-only and kept with the installation; its entries hold ids, "
          + "never sealed content. It holds \(status.counts.auditEntries) entries.",
        "Backups (samhand backup) hold the database, policies and settings, never the keys.",
      ],
      security: [
        "Names, national ids, contact data and all free text sealed with AES-256-GCM under a "
          + "data key per recipient, bound to table, column, row and key version "
          + "(\(SealedColumns.all.count) sealed columns)."
      ] + keys + [
        "National ids found by a keyed blind index (HMAC-SHA-256), never by plaintext.",
        "Access decided per request by the Cedar policies in force (default deny, forbid "
          + "wins); every look and change audited with a stated purpose.",
        "Audit log: RFC 6962 Merkle tree, Ed25519-signed checkpoints every "
          + "\(settings.checkpointInterval) entries and at least every "
          + "\(settings.checkpointSeconds) s on a server; \(status.auditTree.treeSize) entries, "
          + "\(status.auditTree.unsignedEntries) not yet covered by a checkpoint.",
        "Emergency access lasts \(settings.breakGlassHours) hours and is reviewed by an auditor.",
        "Bearer tokens stored as hashes, with expiry; the HTTP API listens on \(settings.host).",
      ],
      settings: Settings.keys.map { "\($0.name) = \($0.value(in: settings)): \($0.help)" },
      policies: policies.map {
        .init(id: $0.id, effect: $0.effect.rawValue, basis: $0.annotations["basis"])
      })
  }
}
