import Foundation
import GRDB
import SamhandCore
import SamhandCrypto

/// Next of kin, sealed under their recipient's data key.
extension StoreTransaction {
  static let relativesTable = "relatives"

  func insertRelative(_ relative: NewRelative, of recipient: RecipientID, key: DataKey) throws {
    let id = RelativeID.generate()
    let sealer = FieldSealer(table: Self.relativesTable, rowID: id.rawValue, key: key)
    try db.cachedStatement(
      sql: """
        INSERT INTO relatives (id, recipient_id, name_sealed, relation_sealed, contact_sealed,
          is_child, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id.rawValue, recipient.rawValue, try sealer.seal(relative.name, column: "name_sealed"),
      try sealer.seal(relative.relation, column: "relation_sealed"),
      try relative.contact.map { try sealer.seal($0, column: "contact_sealed") },
      relative.isChild, nowText,
    ])
  }

  /// The recipient's next of kin; with no key (shredded) every sealed field reads as erased.
  func relatives(of recipient: RecipientID, key: DataKey?) throws -> [Relative] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, name_sealed, relation_sealed, contact_sealed, is_child FROM relatives
          WHERE recipient_id = ? ORDER BY rowid
          """), arguments: [recipient.rawValue]
    ).map { row in
      let id = RelativeID(rawValue: row["id"])
      let opener = key.map { FieldSealer(table: Self.relativesTable, rowID: id.rawValue, key: $0) }
      return Relative(
        id: id, name: try opener.open(row["name_sealed"], column: "name_sealed"),
        relation: try opener.open(row["relation_sealed"], column: "relation_sealed"),
        contact: try opener.open(optional: row["contact_sealed"], column: "contact_sealed"),
        isChild: row["is_child"])
    }
  }
}
