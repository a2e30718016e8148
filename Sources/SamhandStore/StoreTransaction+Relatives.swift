import Foundation
import SamhandCore
import SamhandCrypto

/// Next of kin, sealed under their recipient's data key.
extension StoreTransaction {
  static let relativesTable = "relatives"

  /// Records a next of kin of `recipient` as of the recipient's `version`.
  func insertRelative(
    _ relative: NewRelative, of recipient: RecipientID, key: DataKey, version: Int = 1
  ) throws {
    let id = RelativeID.generate()
    let sealer = FieldSealer(table: Self.relativesTable, rowID: id.rawValue, key: key)
    let name = try sealer.seal(relative.name, column: "name_sealed")
    let relation = try sealer.seal(relative.relation, column: "relation_sealed")
    let contact = try relative.contact.map { try sealer.seal($0, column: "contact_sealed") }
    try connection.execute(
      """
      INSERT INTO relatives (id, recipient_id, name_sealed, relation_sealed, contact_sealed,
        is_child, created_at, added_in_version)
      VALUES (\(id.rawValue), \(recipient.rawValue), \(name), \(relation), \(contact),
        \(relative.isChild), \(nowText), \(version))
      """)
  }

  /// The recipient's current next of kin (not removed); with no key (shredded) every sealed
  /// field reads as erased.
  func relatives(of recipient: RecipientID, key: DataKey?) throws -> [Relative] {
    try relativeRows(of: recipient, key: key).filter { $0.removedIn == nil }.map(\.relative)
  }

  /// Every next of kin the recipient has had, with the versions that added and removed them.
  func relativeRows(of recipient: RecipientID, key: DataKey?) throws -> [(
    relative: Relative, addedIn: Int, removedIn: Int?
  )] {
    try connection.fetchAll(
      """
      SELECT id, name_sealed, relation_sealed, contact_sealed, is_child, added_in_version,
        removed_in_version FROM relatives WHERE recipient_id = \(recipient.rawValue) ORDER BY rowid
      """
    ).map { row in
      let id = RelativeID(rawValue: try row["id"])
      let opener = key.map { FieldSealer(table: Self.relativesTable, rowID: id.rawValue, key: $0) }
      let relative = Relative(
        id: id, name: try opener.open(try row["name_sealed"], column: "name_sealed"),
        relation: try opener.open(try row["relation_sealed"], column: "relation_sealed"),
        contact: try opener.open(optional: try row["contact_sealed"], column: "contact_sealed"),
        isChild: try row["is_child"])
      return (relative, try row["added_in_version"], try row["removed_in_version"])
    }
  }

  /// Marks a current next of kin as removed by the recipient's `version`; the row and its
  /// sealed fields stay for the history. False when `relative` is no current next of kin of
  /// `recipient`.
  func removeRelative(
    _ relative: RelativeID, of recipient: RecipientID, version: Int, by actor: StaffID
  ) throws -> Bool {
    try connection.execute(
      """
      UPDATE relatives SET removed_in_version = \(version), removed_by = \(actor.rawValue),
        removed_at = \(nowText)
      WHERE id = \(relative.rawValue) AND recipient_id = \(recipient.rawValue)
        AND removed_in_version IS NULL
      """) == 1
  }
}
