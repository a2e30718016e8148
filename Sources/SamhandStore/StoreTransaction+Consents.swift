import Foundation
import SamhandCore
import SamhandCrypto

/// Consents: scope in plaintext (the policies read it), purpose and document reference sealed.
extension StoreTransaction {
  static let consentsTable = "consents"

  public func insertConsent(_ new: NewConsent, recordedBy: StaffID) throws -> ConsentID {
    let id = ConsentID.generate()
    let sealer = try sealer(
      table: Self.consentsTable, rowID: id.rawValue, recipient: new.recipientID)
    let purpose = try sealer.seal(new.purpose, column: "purpose_sealed")
    let documentReference = try new.documentReference.map {
      try sealer.seal($0, column: "document_reference_sealed")
    }
    try connection.execute(
      """
      INSERT INTO consents (id, recipient_id, given_by, form, purpose_sealed,
        document_reference_sealed, valid_from, valid_until, recorded_by, recorded_at)
      VALUES (\(id.rawValue), \(new.recipientID.rawValue), \(new.givenBy.rawValue),
        \(new.form.rawValue), \(purpose), \(documentReference), \(new.validFrom.description),
        \(new.validUntil?.description), \(recordedBy.rawValue), \(nowText))
      """)
    for service in new.services {
      try connection.execute(
        """
        INSERT INTO consent_services (consent_id, service_code)
        VALUES (\(id.rawValue), \(service.rawValue))
        """)
    }
    for staff in new.staff {
      try connection.execute(
        "INSERT INTO consent_staff (consent_id, staff_id) VALUES (\(id.rawValue), \(staff.rawValue))"
      )
    }
    for category in new.categories {
      try connection.execute(
        """
        INSERT INTO consent_categories (consent_id, category)
        VALUES (\(id.rawValue), \(category.rawValue))
        """)
    }
    return id
  }

  /// Marks a consent withdrawn; false when it was already withdrawn.
  public func withdrawConsent(_ id: ConsentID, by staff: StaffID) throws -> Bool {
    try connection.execute(
      """
      UPDATE consents SET withdrawn_at = \(nowText), withdrawn_by = \(staff.rawValue)
      WHERE id = \(id.rawValue) AND withdrawn_at IS NULL
      """) == 1
  }

  /// The recipient a consent belongs to, for routing a request on a consent id to its gate.
  public func recipientID(ofConsent id: ConsentID) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT recipient_id FROM consents WHERE id = \(id.rawValue)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// Every consent of a recipient, newest first, with sealed fields opened (or erased).
  public func consents(of recipient: RecipientID) throws -> [Consent] {
    let key = try dataKey(for: recipient)
    return try connection.fetchAll(
      """
      SELECT id, given_by, form, purpose_sealed, document_reference_sealed, valid_from,
        valid_until, recorded_by, recorded_at, withdrawn_at FROM consents
      WHERE recipient_id = \(recipient.rawValue) ORDER BY recorded_at DESC, id
      """
    ).map { row in try consent(from: row, recipient: recipient, key: key) }
  }

  /// Live consents ending between `from` and `until` among the given recipients.
  public func consentsEnding(
    between from: CalendarDate, and until: CalendarDate, visible: RecipientNarrowing
  ) throws -> [(ConsentID, RecipientID, CalendarDate)] {
    let query: StoreSQL = """
      SELECT c.id, c.recipient_id, c.valid_until FROM consents c
      WHERE c.withdrawn_at IS NULL AND c.valid_until BETWEEN \(from.description)
        AND \(until.description)
        AND \(visible.sql(recipient: "c.recipient_id", category: .identity))
      ORDER BY c.valid_until, c.id
      """
    return try connection.fetchAll(query).map { row in
      let id: String = try row["id"]
      guard let end = try? CalendarDate(parsing: try row["valid_until"] as String) else {
        throw StoreError.corruptRow(table: Self.consentsTable, id: id, reason: "bad end date")
      }
      return (ConsentID(rawValue: id), RecipientID(rawValue: try row["recipient_id"]), end)
    }
  }

  private func consent(from row: StoreRow, recipient: RecipientID, key: DataKey?) throws
    -> Consent
  {
    let id = ConsentID(rawValue: try row["id"])
    let opener = key.map { FieldSealer(table: Self.consentsTable, rowID: id.rawValue, key: $0) }
    let corrupt = StoreError.corruptRow(
      table: Self.consentsTable, id: id.rawValue, reason: "unreadable value")
    guard let givenBy = Consent.GivenBy(rawValue: try row["given_by"]),
      let form = Consent.Form(rawValue: try row["form"]),
      let validFrom = try? CalendarDate(parsing: try row["valid_from"]),
      let recordedAt = Timestamp.parse(try row["recorded_at"])
    else { throw corrupt }
    let validUntil = try (try row["valid_until"] as String?).map { text in
      guard let date = try? CalendarDate(parsing: text) else { throw corrupt }
      return date
    }
    let services = try connection.fetchValues(
      "SELECT service_code FROM consent_services WHERE consent_id = \(id.rawValue) ORDER BY 1",
      as: String.self
    ).map {
      try StoreError.parsed(
        $0, "service_code", table: "consent_services", id: id.rawValue
      ) { try ServiceCode($0) }
    }
    let staff = try connection.fetchValues(
      "SELECT staff_id FROM consent_staff WHERE consent_id = \(id.rawValue) ORDER BY 1",
      as: String.self
    ).map(StaffID.init(rawValue:))
    let categories = try connection.fetchValues(
      "SELECT category FROM consent_categories WHERE consent_id = \(id.rawValue)",
      as: String.self
    ).map {
      try StoreError.parsed(
        $0, "category", table: "consent_categories", id: id.rawValue,
        InformationCategory.init(rawValue:))
    }.sorted()
    return Consent(
      id: id, recipientID: recipient, givenBy: givenBy, form: form,
      purpose: try opener.open(try row["purpose_sealed"], column: "purpose_sealed"),
      documentReference: try opener.open(
        optional: try row["document_reference_sealed"], column: "document_reference_sealed"),
      services: services, staff: staff, categories: categories, validFrom: validFrom,
      validUntil: validUntil, recordedBy: StaffID(rawValue: try row["recorded_by"]),
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
    return try connection.fetchValues(
      """
      SELECT id FROM consents WHERE recipient_id = \(recipient.rawValue) AND withdrawn_at IS NULL
        AND valid_from <= \(day) AND (valid_until IS NULL OR valid_until >= \(day))
      """, as: String.self
    ).map { id in
      try scope(
        services: "SELECT service_code FROM consent_services WHERE consent_id = \(id)",
        staff: "SELECT staff_id FROM consent_staff WHERE consent_id = \(id)",
        categories: "SELECT category FROM consent_categories WHERE consent_id = \(id)",
        table: Self.consentsTable, id: id)
    }
  }

  /// Scopes of the recipient's blocks that have not been lifted.
  public func liveBlockScopes(of recipient: RecipientID) throws -> [AccessScope] {
    try connection.fetchValues(
      "SELECT id FROM blocks WHERE recipient_id = \(recipient.rawValue) AND lifted_at IS NULL",
      as: String.self
    ).map { id in
      try scope(
        services: "SELECT service_code FROM blocks WHERE id = \(id) AND service_code IS NOT NULL",
        staff: "SELECT staff_id FROM blocks WHERE id = \(id) AND staff_id IS NOT NULL",
        categories: "SELECT category FROM block_categories WHERE block_id = \(id)",
        table: Self.blocksTable, id: id)
    }
  }

  /// The scope of consent or block `id` of `table`; a code that does not parse makes it a
  /// corrupt row (left out, it would narrow a block and so widen access).
  private func scope(
    services: StoreSQL, staff: StoreSQL, categories: StoreSQL, table: String, id: String
  ) throws -> AccessScope {
    AccessScope(
      services: Set(
        try connection.fetchValues(services, as: String.self).map {
          try StoreError.parsed($0, "service_code", table: table, id: id) { try ServiceCode($0) }
        }),
      staff: Set(
        try connection.fetchValues(staff, as: String.self).map(
          StaffID.init(rawValue:))),
      categories: Set(
        try connection.fetchValues(categories, as: String.self).map {
          try StoreError.parsed(
            $0, "category", table: table, id: id, InformationCategory.init(rawValue:))
        }))
  }
}
