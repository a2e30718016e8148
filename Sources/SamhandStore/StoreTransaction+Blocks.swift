import Foundation
import GRDB
import SamhandCore
import SamhandCrypto

/// Blocks (sperring) and emergency-access grants.
extension StoreTransaction {
  static let blocksTable = "blocks"
  static let breakGlassTable = "break_glass_grants"

  public func insertBlock(
    recipient: RecipientID, target: Block.Target, categories: [InformationCategory],
    reason: String?, by staff: StaffID
  ) throws -> BlockID {
    let id = BlockID.generate()
    let sealer = try sealer(table: Self.blocksTable, rowID: id.rawValue, recipient: recipient)
    let (staffTarget, serviceTarget): (String?, String?) =
      switch target {
      case .staff(let id): (id.rawValue, nil)
      case .service(let code): (nil, code.rawValue)
      }
    try db.cachedStatement(
      sql: """
        INSERT INTO blocks (id, recipient_id, staff_id, service_code, reason_sealed, created_by,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id.rawValue, recipient.rawValue, staffTarget, serviceTarget,
      try reason.map { try sealer.seal($0, column: "reason_sealed") }, staff.rawValue, nowText,
    ])
    for category in Set(categories) {
      try db.cachedStatement(sql: "INSERT INTO block_categories (block_id, category) VALUES (?, ?)")
        .execute(arguments: [id.rawValue, category.rawValue])
    }
    return id
  }

  public func liftBlock(_ id: BlockID, by staff: StaffID) throws -> Bool {
    try db.cachedStatement(
      sql: "UPDATE blocks SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL"
    ).execute(arguments: [nowText, staff.rawValue, id.rawValue])
    return db.changesCount == 1
  }

  public func recipientID(ofBlock id: BlockID) throws -> RecipientID? {
    try String.fetchOne(
      db.cachedStatement(sql: "SELECT recipient_id FROM blocks WHERE id = ?"),
      arguments: [id.rawValue]
    ).map(RecipientID.init(rawValue:))
  }

  /// The recipient's blocks; `liveOnly` leaves out lifted ones.
  public func blocks(of recipient: RecipientID, liveOnly: Bool) throws -> [Block] {
    let key = try dataKey(for: recipient)
    return try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, staff_id, service_code, reason_sealed, created_by, created_at, lifted_at
          FROM blocks WHERE recipient_id = ? AND (? = 0 OR lifted_at IS NULL)
          ORDER BY rowid
          """), arguments: [recipient.rawValue, liveOnly]
    ).map { row in
      let id = BlockID(rawValue: row["id"])
      let target: Block.Target
      if let staff = row["staff_id"] as String? {
        target = .staff(StaffID(rawValue: staff))
      } else {
        target = .service(
          try StoreError.parsed(
            row["service_code"], "service_code", table: Self.blocksTable, id: id.rawValue
          ) { try ServiceCode($0) })
      }
      let categories = try String.fetchAll(
        db.cachedStatement(sql: "SELECT category FROM block_categories WHERE block_id = ?"),
        arguments: [id.rawValue]
      ).map {
        try StoreError.parsed(
          $0, "category", table: "block_categories", id: id.rawValue,
          InformationCategory.init(rawValue:))
      }.sorted()
      let opener = key.map { FieldSealer(table: Self.blocksTable, rowID: id.rawValue, key: $0) }
      return Block(
        id: id, recipientID: recipient, target: target, categories: categories,
        reason: try opener.open(optional: row["reason_sealed"], column: "reason_sealed"),
        createdBy: StaffID(rawValue: row["created_by"]),
        createdAt: try row.timestamp("created_at", table: Self.blocksTable, id: id.rawValue),
        liftedAt: try row.optionalTimestamp("lifted_at", table: Self.blocksTable, id: id.rawValue))
    }
  }

  public func insertBreakGlass(
    recipient: RecipientID, staff: StaffID, reason: String, expiresAt: Date
  ) throws -> BreakGlassID {
    let id = BreakGlassID.generate()
    let sealer = try sealer(table: Self.breakGlassTable, rowID: id.rawValue, recipient: recipient)
    try db.cachedStatement(
      sql: """
        INSERT INTO break_glass_grants (id, recipient_id, staff_id, reason_sealed, granted_at,
          expires_at) VALUES (?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id.rawValue, recipient.rawValue, staff.rawValue,
      try sealer.seal(reason, column: "reason_sealed"), nowText, Timestamp.format(expiresAt),
    ])
    return id
  }

  /// Grants, oldest first; `unreviewedOnly` gives the auditors' review queue.
  public func breakGlassGrants(unreviewedOnly: Bool) throws -> [BreakGlassGrant] {
    try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, recipient_id, staff_id, reason_sealed, granted_at, expires_at, reviewed_at,
            reviewed_by, review_outcome, review_comment_sealed FROM break_glass_grants
          WHERE ? = 0 OR reviewed_at IS NULL ORDER BY granted_at, id
          """), arguments: [unreviewedOnly]
    ).map(breakGlassGrant(from:))
  }

  public func breakGlassGrant(_ id: BreakGlassID) throws -> BreakGlassGrant? {
    try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT id, recipient_id, staff_id, reason_sealed, granted_at, expires_at, reviewed_at,
            reviewed_by, review_outcome, review_comment_sealed FROM break_glass_grants
          WHERE id = ?
          """), arguments: [id.rawValue]
    ).map(breakGlassGrant(from:))
  }

  public func reviewBreakGlass(
    _ id: BreakGlassID, outcome: BreakGlassGrant.ReviewOutcome, comment: String, by staff: StaffID
  ) throws -> Bool {
    guard let grant = try breakGlassGrant(id), grant.reviewedAt == nil else { return false }
    let sealer = try sealer(
      table: Self.breakGlassTable, rowID: id.rawValue, recipient: grant.recipientID)
    try db.cachedStatement(
      sql: """
        UPDATE break_glass_grants SET reviewed_at = ?, reviewed_by = ?, review_outcome = ?,
          review_comment_sealed = ? WHERE id = ? AND reviewed_at IS NULL
        """
    ).execute(arguments: [
      nowText, staff.rawValue, outcome.rawValue,
      try sealer.seal(comment, column: "review_comment_sealed"), id.rawValue,
    ])
    return db.changesCount == 1
  }

  func breakGlassGrant(from row: Row) throws -> BreakGlassGrant {
    let id = BreakGlassID(rawValue: row["id"])
    let recipient = RecipientID(rawValue: row["recipient_id"])
    let opener = try dataKey(for: recipient).map {
      FieldSealer(table: Self.breakGlassTable, rowID: id.rawValue, key: $0)
    }
    return BreakGlassGrant(
      id: id, recipientID: recipient, staffID: StaffID(rawValue: row["staff_id"]),
      reason: try opener.open(row["reason_sealed"], column: "reason_sealed"),
      grantedAt: try row.timestamp("granted_at", table: Self.breakGlassTable, id: id.rawValue),
      expiresAt: try row.timestamp("expires_at", table: Self.breakGlassTable, id: id.rawValue),
      reviewedAt: try row.optionalTimestamp(
        "reviewed_at", table: Self.breakGlassTable, id: id.rawValue),
      reviewedBy: (row["reviewed_by"] as String?).map(StaffID.init(rawValue:)),
      reviewOutcome: try (row["review_outcome"] as String?).map {
        try StoreError.parsed(
          $0, "review_outcome", table: Self.breakGlassTable, id: id.rawValue,
          BreakGlassGrant.ReviewOutcome.init(rawValue:))
      },
      reviewComment: try opener.open(
        optional: row["review_comment_sealed"], column: "review_comment_sealed"))
  }

  /// A sealer for a new row of `recipient`'s; refuses when their key has been shredded.
  func sealer(table: String, rowID: String, recipient: RecipientID) throws -> FieldSealer {
    guard let key = try dataKey(for: recipient) else {
      throw StoreError.recipientErased(recipient.rawValue)
    }
    return FieldSealer(table: table, rowID: rowID, key: key)
  }
}
