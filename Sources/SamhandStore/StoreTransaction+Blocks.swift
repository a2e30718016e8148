import Foundation
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
    let reasonSealed = try reason.map { try sealer.seal($0, column: "reason_sealed") }
    try connection.execute(
      """
      INSERT INTO blocks (id, recipient_id, staff_id, service_code, reason_sealed, created_by,
        created_at) VALUES (\(id.rawValue), \(recipient.rawValue), \(staffTarget),
        \(serviceTarget), \(reasonSealed), \(staff.rawValue), \(nowText))
      """)
    for category in Set(categories) {
      try connection.execute(
        """
        INSERT INTO block_categories (block_id, category)
        VALUES (\(id.rawValue), \(category.rawValue))
        """)
    }
    return id
  }

  public func liftBlock(_ id: BlockID, by staff: StaffID) throws -> Bool {
    try connection.execute(
      """
      UPDATE blocks SET lifted_at = \(nowText), lifted_by = \(staff.rawValue)
      WHERE id = \(id.rawValue) AND lifted_at IS NULL
      """) == 1
  }

  public func recipientID(ofBlock id: BlockID) throws -> RecipientID? {
    try connection.fetchValue(
      "SELECT recipient_id FROM blocks WHERE id = \(id.rawValue)", as: String.self
    ).map(RecipientID.init(rawValue:))
  }

  /// The recipient's blocks; `liveOnly` leaves out lifted ones.
  public func blocks(of recipient: RecipientID, liveOnly: Bool) throws -> [Block] {
    let key = try dataKey(for: recipient)
    return try connection.fetchAll(
      """
      SELECT id, staff_id, service_code, reason_sealed, created_by, created_at, lifted_at
      FROM blocks
      WHERE recipient_id = \(recipient.rawValue) AND (\(liveOnly) = 0 OR lifted_at IS NULL)
      ORDER BY rowid
      """
    ).map { row in
      let id = BlockID(rawValue: try row["id"])
      let target: Block.Target
      if let staff = try row["staff_id"] as String? {
        target = .staff(StaffID(rawValue: staff))
      } else {
        target = .service(
          try StoreError.parsed(
            try row["service_code"], "service_code", table: Self.blocksTable, id: id.rawValue
          ) { try ServiceCode($0) })
      }
      let categories = try connection.fetchValues(
        "SELECT category FROM block_categories WHERE block_id = \(id.rawValue)", as: String.self
      ).map {
        try StoreError.parsed(
          $0, "category", table: "block_categories", id: id.rawValue,
          InformationCategory.init(rawValue:))
      }.sorted()
      let opener = key.map { FieldSealer(table: Self.blocksTable, rowID: id.rawValue, key: $0) }
      return Block(
        id: id, recipientID: recipient, target: target, categories: categories,
        reason: try opener.open(optional: try row["reason_sealed"], column: "reason_sealed"),
        createdBy: StaffID(rawValue: try row["created_by"]),
        createdAt: try row.timestamp("created_at", table: Self.blocksTable, id: id.rawValue),
        liftedAt: try row.optionalTimestamp("lifted_at", table: Self.blocksTable, id: id.rawValue))
    }
  }

  public func insertBreakGlass(
    recipient: RecipientID, staff: StaffID, reason: String, expiresAt: Date
  ) throws -> BreakGlassID {
    let id = BreakGlassID.generate()
    let sealer = try sealer(table: Self.breakGlassTable, rowID: id.rawValue, recipient: recipient)
    let reasonSealed = try sealer.seal(reason, column: "reason_sealed")
    try connection.execute(
      """
      INSERT INTO break_glass_grants (id, recipient_id, staff_id, reason_sealed, granted_at,
        expires_at) VALUES (\(id.rawValue), \(recipient.rawValue), \(staff.rawValue),
        \(reasonSealed), \(nowText), \(Timestamp.format(expiresAt)))
      """)
    return id
  }

  /// Grants, oldest first; `unreviewedOnly` gives the auditors' review queue.
  public func breakGlassGrants(unreviewedOnly: Bool) throws -> [BreakGlassGrant] {
    try connection.fetchAll(
      """
      SELECT id, recipient_id, staff_id, reason_sealed, granted_at, expires_at, reviewed_at,
        reviewed_by, review_outcome, review_comment_sealed FROM break_glass_grants
      WHERE \(unreviewedOnly) = 0 OR reviewed_at IS NULL ORDER BY granted_at, id
      """
    ).map(breakGlassGrant(from:))
  }

  public func breakGlassGrant(_ id: BreakGlassID) throws -> BreakGlassGrant? {
    try connection.fetchOne(
      """
      SELECT id, recipient_id, staff_id, reason_sealed, granted_at, expires_at, reviewed_at,
        reviewed_by, review_outcome, review_comment_sealed FROM break_glass_grants
      WHERE id = \(id.rawValue)
      """
    ).map(breakGlassGrant(from:))
  }

  public func reviewBreakGlass(
    _ id: BreakGlassID, outcome: BreakGlassGrant.ReviewOutcome, comment: String, by staff: StaffID
  ) throws -> Bool {
    guard let grant = try breakGlassGrant(id), grant.reviewedAt == nil else { return false }
    let sealer = try sealer(
      table: Self.breakGlassTable, rowID: id.rawValue, recipient: grant.recipientID)
    let commentSealed = try sealer.seal(comment, column: "review_comment_sealed")
    return try connection.execute(
      """
      UPDATE break_glass_grants SET reviewed_at = \(nowText), reviewed_by = \(staff.rawValue),
        review_outcome = \(outcome.rawValue), review_comment_sealed = \(commentSealed)
      WHERE id = \(id.rawValue) AND reviewed_at IS NULL
      """) == 1
  }

  func breakGlassGrant(from row: StoreRow) throws -> BreakGlassGrant {
    let id = BreakGlassID(rawValue: try row["id"])
    let recipient = RecipientID(rawValue: try row["recipient_id"])
    let opener = try dataKey(for: recipient).map {
      FieldSealer(table: Self.breakGlassTable, rowID: id.rawValue, key: $0)
    }
    return BreakGlassGrant(
      id: id, recipientID: recipient, staffID: StaffID(rawValue: try row["staff_id"]),
      reason: try opener.open(try row["reason_sealed"], column: "reason_sealed"),
      grantedAt: try row.timestamp("granted_at", table: Self.breakGlassTable, id: id.rawValue),
      expiresAt: try row.timestamp("expires_at", table: Self.breakGlassTable, id: id.rawValue),
      reviewedAt: try row.optionalTimestamp(
        "reviewed_at", table: Self.breakGlassTable, id: id.rawValue),
      reviewedBy: (try row["reviewed_by"] as String?).map(StaffID.init(rawValue:)),
      reviewOutcome: try (try row["review_outcome"] as String?).map {
        try StoreError.parsed(
          $0, "review_outcome", table: Self.breakGlassTable, id: id.rawValue,
          BreakGlassGrant.ReviewOutcome.init(rawValue:))
      },
      reviewComment: try opener.open(
        optional: try row["review_comment_sealed"], column: "review_comment_sealed"))
  }

  /// A sealer for a new row of `recipient`'s; refuses when their key has been shredded.
  func sealer(table: String, rowID: String, recipient: RecipientID) throws -> FieldSealer {
    guard let key = try dataKey(for: recipient) else {
      throw StoreError.recipientErased(recipient.rawValue)
    }
    return FieldSealer(table: table, rowID: rowID, key: key)
  }
}
