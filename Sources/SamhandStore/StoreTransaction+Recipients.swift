import Foundation
import SamhandCore
import SamhandCrypto

/// Recipients: personal fields sealed under the recipient's own data key, found by national id
/// through the keyed blind index only.
extension StoreTransaction {
  static let recipientsTable = "recipients"

  /// Registers a recipient with a fresh data key. Refuses a national id already registered.
  /// For a minor, also stores in plaintext the date they turn 18, for the agenda.
  @discardableResult
  public func insertRecipient(_ new: NewRecipient, id: RecipientID = .generate()) throws
    -> RecipientID
  {
    let index = keyRing.blindIndex(nationalID: new.nationalID.digits)
    if try recipientID(blindIndex: index) != nil { throw StoreError.duplicateNationalID }
    let dataKey = DataKey.generate()
    let wrapped = try keyRing.wrap(dataKey, recipientID: id.rawValue)
    let sealer = FieldSealer(table: Self.recipientsTable, rowID: id.rawValue, key: dataKey)
    let name = try sealer.seal(new.name, column: "name_sealed")
    let nationalID = try sealer.seal(new.nationalID.digits, column: "national_id_sealed")
    let contact = try new.contact.map { try sealer.seal($0, column: "contact_sealed") }
    let turns18 = new.nationalID.turnsEighteen(after: CalendarDate(clock.now))?.description
    try connection.execute(
      """
      INSERT INTO recipients (id, registered_by_service, created_at, national_id_index,
        name_sealed, national_id_sealed, contact_sealed, turns_18_on)
      VALUES (\(id.rawValue), \(new.registeredBy.rawValue), \(nowText), \(index), \(name),
        \(nationalID), \(contact), \(turns18))
      """)
    try insertDataKey(wrapped, for: id)
    for relative in new.relatives {
      try insertRelative(relative, of: id, key: dataKey)
    }
    return id
  }

  /// The recipient with its fields opened (its current version), or nil when no such
  /// recipient exists.
  public func recipient(_ id: RecipientID) throws -> Recipient? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT registered_by_service, created_at, name_sealed, national_id_sealed,
          contact_sealed, version FROM recipients WHERE id = \(id.rawValue)
        """)
    else { return nil }
    let corrupt = { (reason: String) in
      StoreError.corruptRow(table: Self.recipientsTable, id: id.rawValue, reason: reason)
    }
    guard let service = try? ServiceCode(try row["registered_by_service"] as String),
      let created = Timestamp.parse(try row["created_at"] as String)
    else { throw corrupt("unreadable service or time") }
    let version: Int = try row["version"]
    let opener = try dataKey(for: id).map {
      FieldSealer(table: Self.recipientsTable, rowID: id.rawValue, key: $0)
    }
    guard let opener else {
      return Recipient(
        id: id, registeredBy: service, createdAt: created, name: .erased, nationalID: .erased,
        contact: .erased, relatives: try relatives(of: id, key: nil), version: version)
    }
    let nationalDigits = try opener.open(
      try row["national_id_sealed"] as Data, column: "national_id_sealed")
    guard let nationalID = try? NationalID(nationalDigits) else {
      throw corrupt("sealed national id does not validate")
    }
    return Recipient(
      id: id, registeredBy: service, createdAt: created,
      name: .value(try opener.open(try row["name_sealed"] as Data, column: "name_sealed")),
      nationalID: .value(nationalID),
      contact: .value(
        try (try row["contact_sealed"] as Data?).map {
          try opener.open($0, column: "contact_sealed")
        }),
      relatives: try relatives(of: id, key: opener.key), version: version)
  }

  /// Finds a recipient by national id via the blind index; the plaintext is never queried.
  public func recipientID(nationalID: NationalID) throws -> RecipientID? {
    try recipientID(blindIndex: keyRing.blindIndex(nationalID: nationalID.digits))
  }

  private func recipientID(blindIndex: Data) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT id FROM recipients WHERE national_id_index = \(blindIndex)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// Crypto-shredding: destroys the recipient's data key, their blind index and every
  /// plaintext value derived from their sealed fields (`turns_18_on`), and records the shred
  /// so that every process evicts the unwrapped key from its memory (`SQLiteStore`). Every
  /// sealed field of theirs reads back as erased from now on; the ciphertexts that remain
  /// cannot be opened. With `secure_delete` on, the old bytes are zeroed in their pages.
  public func shredRecipient(_ id: RecipientID) throws {
    let shredded = try connection.execute(
      """
      UPDATE recipient_keys SET wrapped_key = NULL, shredded_at = \(nowText)
      WHERE recipient_id = \(id.rawValue) AND wrapped_key IS NOT NULL
      """)
    guard shredded == 1 else { throw StoreError.recipientNotFound(id.rawValue) }
    try connection.execute(
      """
      UPDATE recipients SET national_id_index = NULL, turns_18_on = NULL
      WHERE id = \(id.rawValue)
      """)
    try connection.execute("INSERT INTO shredded_keys (recipient_id) VALUES (\(id.rawValue))")
    keyRing.forgetDataKeys(of: [id.rawValue])
  }
}

/// Seals and opens the columns of one row with one data key, binding each value to its place.
struct FieldSealer {
  let table: String
  let rowID: String
  let key: DataKey

  func seal(_ text: String, column: String) throws -> Data {
    try key.seal(text, context: context(column))
  }

  func open(_ sealed: Data, column: String) throws -> String {
    try key.openString(sealed, context: context(column))
  }

  /// The AAD of `column` in this row; only for columns of the registry (`SealedColumns`), so
  /// that no sealed column escapes the record of processing.
  private func context(_ column: String) throws -> SealContext {
    guard SealedColumns.contains(table: table, column: column) else {
      throw StoreError.unregisteredSealedColumn(table: table, column: column)
    }
    return SealContext(table: table, column: column, rowID: rowID, keyVersion: key.version)
  }
}

/// Opening with a sealer that may be absent: no sealer means the data key was shredded, and
/// every field reads as erased.
extension Optional where Wrapped == FieldSealer {
  func open(_ sealed: Data, column: String) throws -> Protected<String> {
    guard let sealer = self else { return .erased }
    return .value(try sealer.open(sealed, column: column))
  }

  func open(optional sealed: Data?, column: String) throws -> Protected<String?> {
    guard let sealer = self else { return .erased }
    return .value(try sealed.map { try sealer.open($0, column: column) })
  }
}
