import Foundation
import SamhandCore
import SamhandCrypto

/// Recipient data keys, stored wrapped by a versioned key-encryption key.
extension StoreTransaction {
  func insertDataKey(_ wrapped: WrappedDataKey, for id: RecipientID) throws {
    try connection.execute(
      """
      INSERT INTO recipient_keys (recipient_id, data_key_version, kek_version, wrapped_key)
      VALUES (\(id.rawValue), \(wrapped.dataKeyVersion), \(wrapped.kekVersion),
        \(wrapped.ciphertext))
      """)
  }

  /// The recipient's unwrapped data key, or nil once it has been shredded.
  func dataKey(for id: RecipientID) throws -> DataKey? {
    guard
      let row = try connection.fetchOne(
        """
        SELECT data_key_version, kek_version, wrapped_key FROM recipient_keys
        WHERE recipient_id = \(id.rawValue)
        """)
    else {
      throw StoreError.corruptRow(
        table: "recipient_keys", id: id.rawValue, reason: "the recipient has no data key")
    }
    return try dataKey(wrappedIn: row, of: id)
  }

  /// The data key in a row with `recipient_keys`' columns `data_key_version`, `kek_version`
  /// and `wrapped_key`, unwrapped; nil once it has been shredded.
  func dataKey(wrappedIn row: StoreRow, of id: RecipientID) throws -> DataKey? {
    guard let ciphertext = try row["wrapped_key"] as Data? else {
      // Shredded: a reader on a snapshot older than the shred may have cached it since.
      keyRing.forgetDataKeys(of: [id.rawValue])
      return nil
    }
    let wrapped = WrappedDataKey(
      kekVersion: try row["kek_version"], dataKeyVersion: try row["data_key_version"],
      ciphertext: ciphertext)
    do {
      return try keyRing.unwrap(wrapped, recipientID: id.rawValue)
    } catch CryptoError.unknownKeyVersion(let version) {
      return try unwrapAfterReload(wrapped, of: id, missing: version)
    }
  }

  /// Unwraps with the key ring reloaded from disk: another process rotated to a version this
  /// one has not loaded yet. Throws ``StoreError/keyVersionUnavailable(version:recipientID:)``
  /// when the key file of that version is not there either.
  private func unwrapAfterReload(_ wrapped: WrappedDataKey, of id: RecipientID, missing: Int)
    throws -> DataKey
  {
    do {
      return try keys.reload(following: recordedKeyVersions())
        .unwrap(wrapped, recipientID: id.rawValue)
    } catch CryptoError.unknownKeyVersion(let version) {
      throw StoreError.keyVersionUnavailable(version: version, recipientID: id.rawValue)
    } catch CryptoError.keyFileMissing, CryptoError.keyFileMalformed {
      throw StoreError.keyVersionUnavailable(version: missing, recipientID: id.rawValue)
    }
  }

  /// Rewraps every live data key under `ring`'s current key-encryption key, in this
  /// transaction. Returns how many keys were rewrapped.
  public func rewrapDataKeys(with ring: KeyRing) throws -> Int {
    let rows = try connection.fetchAll(
      """
      SELECT recipient_id, data_key_version, kek_version, wrapped_key FROM recipient_keys
      WHERE wrapped_key IS NOT NULL AND kek_version != \(ring.currentKEKVersion)
      """)
    for row in rows {
      let recipientID: String = try row["recipient_id"]
      let old = WrappedDataKey(
        kekVersion: try row["kek_version"], dataKeyVersion: try row["data_key_version"],
        ciphertext: try row["wrapped_key"])
      let rewrapped = try ring.wrap(
        ring.unwrap(old, recipientID: recipientID), recipientID: recipientID)
      try connection.execute(
        """
        UPDATE recipient_keys SET kek_version = \(rewrapped.kekVersion),
          wrapped_key = \(rewrapped.ciphertext) WHERE recipient_id = \(recipientID)
        """)
    }
    return rows.count
  }

  /// How many live data keys each key-encryption key version wraps.
  public func dataKeyCountsByKEKVersion() throws -> [Int: Int] {
    let rows = try connection.fetchAll(
      """
      SELECT kek_version, COUNT(*) AS data_keys FROM recipient_keys WHERE wrapped_key IS NOT NULL
      GROUP BY kek_version
      """)
    return Dictionary(
      uniqueKeysWithValues: try rows.map { (try $0["kek_version"], try $0["data_keys"]) })
  }
}
