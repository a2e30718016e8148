import Foundation
import SamhandCore
import SamhandCrypto

/// Rectification (GDPR art. 16): every change of a recipient's name, contact or next of kin is
/// a new version; `recipients` holds the newest, `recipient_versions` every one, each sealed
/// under the recipient's data key and bound to its row `<recipient>@<version>` (migration 0015).
extension StoreTransaction {
  static let recipientVersionsTable = "recipient_versions"

  /// Applies `change` as the recipient's next version and returns its number. Next of kin to
  /// remove must be current ones (the caller checks); an erased recipient cannot change.
  @discardableResult
  public func recordRecipientChange(
    _ id: RecipientID, _ change: RecipientChange, by actor: StaffID
  ) throws -> Int {
    guard let recipient = try recipient(id) else {
      throw StoreError.recipientNotFound(id.rawValue)
    }
    guard let key = try dataKey(for: id), let name = recipient.name.value,
      case .value(let contact) = recipient.contact
    else { throw StoreError.recipientErased(id.rawValue) }
    if try !hasRecipientVersion(id, recipient.version) {
      try insertRecipientVersion(
        id, recipient.version, key: key, change: "registered", name: name, contact: contact,
        by: try registeringStaff(of: id), at: Timestamp.format(recipient.createdAt))
    }
    let next = recipient.version + 1
    let newName = change.name ?? name
    let newContact = change.contact ?? contact
    let sealer = FieldSealer(table: Self.recipientsTable, rowID: id.rawValue, key: key)
    let nameSealed = try sealer.seal(newName, column: "name_sealed")
    let contactSealed = try newContact.map { try sealer.seal($0, column: "contact_sealed") }
    try connection.execute(
      """
      UPDATE recipients SET name_sealed = \(nameSealed), contact_sealed = \(contactSealed),
        version = \(next)
      WHERE id = \(id.rawValue) AND version = \(recipient.version)
      """)
    try insertRecipientVersion(
      id, next, key: key, change: change.summary, name: newName, contact: newContact, by: actor,
      at: nowText)
    for relative in change.addedRelatives {
      try insertRelative(relative, of: id, key: key, version: next)
    }
    for relative in change.removedRelatives {
      guard try removeRelative(relative, of: id, version: next, by: actor) else {
        throw StoreError.corruptRow(
          table: Self.relativesTable, id: relative.rawValue, reason: "no current next of kin")
      }
    }
    return next
  }

  /// Every version of the recipient's identity record, oldest first. A recipient never
  /// changed since registration has one, read from `recipients`.
  public func recipientVersions(_ id: RecipientID) throws -> [RecipientVersion] {
    guard let recipient = try recipient(id) else { return [] }
    let key = try dataKey(for: id)
    let kin = try relativeRows(of: id, key: key)
    func relatives(in version: Int) -> [Relative] {
      kin.filter { $0.addedIn <= version && ($0.removedIn.map { $0 > version } ?? true) }
        .map(\.relative)
    }
    let rows = try connection.fetchAll(
      """
      SELECT version, change, name_sealed, contact_sealed, changed_by, changed_at
      FROM recipient_versions WHERE recipient_id = \(id.rawValue) ORDER BY version
      """)
    guard !rows.isEmpty else {
      return [
        RecipientVersion(
          version: recipient.version, change: "registered",
          changedBy: try registeringStaff(of: id), changedAt: recipient.createdAt,
          name: recipient.name, contact: recipient.contact,
          relatives: relatives(in: recipient.version))
      ]
    }
    return try rows.map { row in
      let version: Int = try row["version"]
      let opener = key.map {
        FieldSealer(
          table: Self.recipientVersionsTable, rowID: "\(id.rawValue)@\(version)", key: $0)
      }
      guard let changedAt = Timestamp.parse(try row["changed_at"] as String) else {
        throw StoreError.corruptRow(
          table: Self.recipientVersionsTable, id: "\(id.rawValue)@\(version)",
          reason: "unreadable time")
      }
      return RecipientVersion(
        version: version, change: try row["change"],
        changedBy: (try row["changed_by"] as String?).map(StaffID.init(rawValue:)),
        changedAt: changedAt, name: try opener.open(row["name_sealed"], column: "name_sealed"),
        contact: try opener.open(optional: row["contact_sealed"], column: "contact_sealed"),
        relatives: relatives(in: version))
    }
  }

  private func hasRecipientVersion(_ id: RecipientID, _ version: Int) throws -> Bool {
    try connection.fetchValue(
      """
      SELECT EXISTS (SELECT 1 FROM recipient_versions WHERE recipient_id = \(id.rawValue)
        AND version = \(version))
      """, as: Bool.self) ?? false
  }

  private func insertRecipientVersion(
    _ id: RecipientID, _ version: Int, key: DataKey, change: String, name: String,
    contact: String?, by actor: StaffID?, at time: String
  ) throws {
    let sealer = FieldSealer(
      table: Self.recipientVersionsTable, rowID: "\(id.rawValue)@\(version)", key: key)
    let nameSealed = try sealer.seal(name, column: "name_sealed")
    let contactSealed = try contact.map { try sealer.seal($0, column: "contact_sealed") }
    try connection.execute(
      """
      INSERT INTO recipient_versions (recipient_id, version, change, name_sealed,
        contact_sealed, changed_by, changed_at)
      VALUES (\(id.rawValue), \(version), \(change), \(nameSealed), \(contactSealed),
        \(actor?.rawValue), \(time))
      """)
  }

  /// The staff member who registered the recipient, where one is on record.
  private func registeringStaff(of id: RecipientID) throws -> StaffID? {
    try connection.fetchValue(
      """
      SELECT staff_id FROM responsibilities
      WHERE recipient_id = \(id.rawValue) AND via = 'registration' ORDER BY rowid LIMIT 1
      """, as: String.self
    ).map(StaffID.init(rawValue:))
  }
}
