import Foundation
import GRDB
import SamhandCore
import SamhandCrypto

/// Consents: scope in plaintext (the policies read it), purpose and document reference sealed.
extension StoreTransaction {
  static let consentsTable = "consents"

  public func insertConsent(_ new: NewConsent, recordedBy: StaffID) throws -> ConsentID {
    let id = ConsentID.generate()
    let sealer = try sealer(
      table: Self.consentsTable, rowID: id.rawValue, recipient: new.recipientID)
    try db.cachedStatement(
      sql: """
        INSERT INTO consents (id, recipient_id, given_by, form, purpose_sealed,
          document_reference_sealed, valid_from, valid_until, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id.rawValue, new.recipientID.rawValue, new.givenBy.rawValue, new.form.rawValue,
      try sealer.seal(new.purpose, column: "purpose_sealed"),
      try new.documentReference.map { try sealer.seal($0, column: "document_reference_sealed") },
      new.validFrom.description, new.validUntil?.description, recordedBy.rawValue, nowText,
    ])
    for service in new.services {
      try db.cachedStatement(
        sql: "INSERT INTO consent_services (consent_id, service_code) VALUES (?, ?)"
      ).execute(arguments: [id.rawValue, service.rawValue])
    }
    for staff in new.staff {
      try db.cachedStatement(sql: "INSERT INTO consent_staff (consent_id, staff_id) VALUES (?, ?)")
        .execute(arguments: [id.rawValue, staff.rawValue])
    }
    for category in new.categories {
      try db.cachedStatement(
        sql: "INSERT INTO consent_categories (consent_id, category) VALUES (?, ?)"
      ).execute(arguments: [id.rawValue, category.rawValue])
    }
    return id
  }

  /// Marks a consent withdrawn; false when it was already withdrawn.
  public func withdrawConsent(_ id: ConsentID, by staff: StaffID) throws -> Bool {
    try db.cachedStatement(
      sql: """
        UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL
        """
    ).execute(arguments: [nowText, staff.rawValue, id.rawValue])
    return db.changesCount == 1
  }

  /// The recipient a consent belongs to, for routing a request on a consent id to its gate.
  public func recipientID(ofConsent id: ConsentID) throws -> RecipientID? {
    try String.fetchOne(
      db.cachedStatement(sql: "SELECT recipient_id FROM consents WHERE id = ?"),
      arguments: [id.rawValue]
    ).map(RecipientID.init(rawValue:))
  }

  /// Every consent of a recipient, newest first, with sealed fields opened (or erased).
  public func consents(of recipient: RecipientID) throws -> [Consent] {
    let key = try dataKey(for: recipient)
    return try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, given_by, form, purpose_sealed, document_reference_sealed, valid_from,
            valid_until, recorded_by, recorded_at, withdrawn_at FROM consents
          WHERE recipient_id = ? ORDER BY recorded_at DESC, id
          """), arguments: [recipient.rawValue]
    ).map { row in try consent(from: row, recipient: recipient, key: key) }
  }

  /// Live consents ending between `from` and `until` among the given recipients.
  public func consentsEnding(
    between from: CalendarDate, and until: CalendarDate, visible: RecipientNarrowing
  ) throws -> [(ConsentID, RecipientID, CalendarDate)] {
    let query: SQL = """
      SELECT c.id, c.recipient_id, c.valid_until FROM consents c
      WHERE c.withdrawn_at IS NULL AND c.valid_until BETWEEN \(from.description)
        AND \(until.description)
        AND \(visible.sql(recipient: "c.recipient_id", category: .identity))
      ORDER BY c.valid_until, c.id
      """
    return try rows(query).map { row in
      let id: String = row["id"]
      guard let end = try? CalendarDate(parsing: row["valid_until"] as String) else {
        throw StoreError.corruptRow(table: Self.consentsTable, id: id, reason: "bad end date")
      }
      return (ConsentID(rawValue: id), RecipientID(rawValue: row["recipient_id"]), end)
    }
  }

  private func consent(from row: Row, recipient: RecipientID, key: DataKey?) throws -> Consent {
    let id = ConsentID(rawValue: row["id"])
    let opener = key.map { FieldSealer(table: Self.consentsTable, rowID: id.rawValue, key: $0) }
    let corrupt = StoreError.corruptRow(
      table: Self.consentsTable, id: id.rawValue, reason: "unreadable value")
    guard let givenBy = Consent.GivenBy(rawValue: row["given_by"]),
      let form = Consent.Form(rawValue: row["form"]),
      let validFrom = try? CalendarDate(parsing: row["valid_from"]),
      let recordedAt = Timestamp.parse(row["recorded_at"])
    else { throw corrupt }
    let validUntil = try (row["valid_until"] as String?).map { text in
      guard let date = try? CalendarDate(parsing: text) else { throw corrupt }
      return date
    }
    let services = try String.fetchAll(
      db.cachedStatement(
        sql: "SELECT service_code FROM consent_services WHERE consent_id = ? ORDER BY 1"),
      arguments: [id.rawValue]
    ).map {
      try StoreError.parsed(
        $0, "service_code", table: "consent_services", id: id.rawValue
      ) { try ServiceCode($0) }
    }
    let staff = try String.fetchAll(
      db.cachedStatement(sql: "SELECT staff_id FROM consent_staff WHERE consent_id = ? ORDER BY 1"),
      arguments: [id.rawValue]
    ).map(StaffID.init(rawValue:))
    let categories = try String.fetchAll(
      db.cachedStatement(sql: "SELECT category FROM consent_categories WHERE consent_id = ?"),
      arguments: [id.rawValue]
    ).map {
      try StoreError.parsed(
        $0, "category", table: "consent_categories", id: id.rawValue,
        InformationCategory.init(rawValue:))
    }.sorted()
    return Consent(
      id: id, recipientID: recipient, givenBy: givenBy, form: form,
      purpose: try opener.open(row["purpose_sealed"], column: "purpose_sealed"),
      documentReference: try opener.open(
        optional: row["document_reference_sealed"], column: "document_reference_sealed"),
      services: services, staff: staff, categories: categories, validFrom: validFrom,
      validUntil: validUntil, recordedBy: StaffID(rawValue: row["recorded_by"]),
      recordedAt: recordedAt,
      withdrawnAt: try row.optionalTimestamp(
        "withdrawn_at", table: Self.consentsTable, id: id.rawValue))
  }
}

/// The part of a consent or block the policies read: who, which categories. Read without
/// opening any sealed field, on every gated request.
public struct AccessScope: Sendable, Equatable {
  public let services: Set<ServiceCode>
  public let staff: Set<StaffID>
  /// Empty means every category (blocks only).
  public let categories: Set<InformationCategory>

  public func covers(_ category: InformationCategory) -> Bool {
    categories.isEmpty || categories.contains(category)
  }
}

extension StoreTransaction {
  /// Scopes of the recipient's consents that are live on `date`: not withdrawn, begun, not ended.
  public func liveConsentScopes(of recipient: RecipientID, on date: CalendarDate) throws
    -> [AccessScope]
  {
    let day = date.description
    return try String.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id FROM consents WHERE recipient_id = ? AND withdrawn_at IS NULL
            AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?)
          """), arguments: [recipient.rawValue, day, day]
    ).map { id in
      try scope(
        services: "SELECT service_code FROM consent_services WHERE consent_id = ?",
        staff: "SELECT staff_id FROM consent_staff WHERE consent_id = ?",
        categories: "SELECT category FROM consent_categories WHERE consent_id = ?",
        table: Self.consentsTable, id: id)
    }
  }

  /// Scopes of the recipient's blocks that have not been lifted.
  public func liveBlockScopes(of recipient: RecipientID) throws -> [AccessScope] {
    try String.fetchAll(
      db.cachedStatement(sql: "SELECT id FROM blocks WHERE recipient_id = ? AND lifted_at IS NULL"),
      arguments: [recipient.rawValue]
    ).map { id in
      try scope(
        services: "SELECT service_code FROM blocks WHERE id = ? AND service_code IS NOT NULL",
        staff: "SELECT staff_id FROM blocks WHERE id = ? AND staff_id IS NOT NULL",
        categories: "SELECT category FROM block_categories WHERE block_id = ?",
        table: Self.blocksTable, id: id)
    }
  }

  /// The scope of consent or block `id` of `table`; a code that does not parse makes it a
  /// corrupt row (left out, it would narrow a block and so widen access).
  private func scope(
    services: String, staff: String, categories: String, table: String, id: String
  ) throws -> AccessScope {
    AccessScope(
      services: Set(
        try String.fetchAll(db.cachedStatement(sql: services), arguments: [id]).map {
          try StoreError.parsed($0, "service_code", table: table, id: id) { try ServiceCode($0) }
        }),
      staff: Set(
        try String.fetchAll(db.cachedStatement(sql: staff), arguments: [id]).map(
          StaffID.init(rawValue:))),
      categories: Set(
        try String.fetchAll(db.cachedStatement(sql: categories), arguments: [id]).map {
          try StoreError.parsed(
            $0, "category", table: table, id: id, InformationCategory.init(rawValue:))
        }))
  }
}
