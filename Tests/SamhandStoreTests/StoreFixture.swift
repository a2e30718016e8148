import Foundation
import SamhandAudit
import SamhandCore
import SamhandStore
import SamhandTestSupport
import Testing

/// A freshly initialised data directory with its open store.
struct StoreFixture {
  let temporary: TemporaryDirectory
  let directory: DataDirectory
  let store: SQLiteStore

  static let operatorActor = AuditActor.operator(osUser: "test")

  init(checkpointInterval: Int? = nil) throws {
    temporary = try TemporaryDirectory("samhand-store")
    directory = DataDirectory(url: temporary.path("data"))
    _ = try directory.initialize(by: Self.operatorActor)
    let environment = checkpointInterval.map { ["SAMHAND_CHECKPOINT_INTERVAL": "\($0)"] } ?? [:]
    store = try directory.open(environment: environment).store
  }

  static let nav = try! ServiceCode("nav")

  /// Registers `count` fictional recipients with synthetic national ids; `offset` skips the
  /// national ids of recipients an earlier call registered.
  @discardableResult
  func addRecipients(_ count: Int, marker: String = "Testperson", offset: Int = 0) throws
    -> [RecipientID]
  {
    try store.write { transaction in
      if !(try transaction.serviceExists(Self.nav)) {
        try transaction.insertService(Self.nav, name: "NAV")
      }
      return try (offset..<offset + count).map { index in
        let nationalID = try #require(
          NationalID.synthetic(
            year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28,
            individual: index / 40 * 7))
        return try transaction.insertRecipient(
          NewRecipient(
            name: "\(marker) \(index)", nationalID: nationalID,
            contact: "\(marker)-contact-\(index)@example.invalid", registeredBy: Self.nav))
      }
    }
  }

  /// A sample audit event for a recipient.
  func event(_ index: Int, recipient: RecipientID? = nil) -> AuditEvent {
    AuditEvent(
      timeMillis: 1_790_000_000_000 + Int64(index), actor: "staff-\(index % 7)",
      actorService: index % 3 == 0 ? nil : "nav", action: "recipient.read",
      resourceType: "recipient", resourceID: recipient?.rawValue, recipientID: recipient?.rawValue,
      decision: index % 5 == 0 ? .deny : .allow,
      policyIDs: index % 4 == 0 ? [] : ["nav-caseworker-reads", "global-consent"],
      purpose: index % 2 == 0 ? "follow-up" : nil, breakGlass: index % 11 == 0,
      requestID: "req-\(index)", channel: .http, outcome: index % 5 == 0 ? .denied : .success)
  }
}
