import Synchronization

/// The data keys a key ring has unwrapped, by recipient and the exact wrapped bytes they came
/// from: every read of a recipient's sealed fields needs their data key, and unwrapping it
/// (AES-GCM under the KEK) cost an audited HTTP read about 6 % of its CPU.
///
/// The wrapped key is still read from the store every time; only its decryption is reused.
/// A shredded key (nothing left to unwrap), a rewrapped one (other bytes) or a wrapped key
/// moved to another recipient (another key here) never meets an entry. The KEKs that can
/// unwrap every data key are in the same memory already, so this holds no secret the process
/// did not hold before.
final class UnwrappedKeys: Sendable {
  struct Key: Hashable, Sendable {
    let recipientID: String
    let wrapped: WrappedDataKey
  }

  /// Keys kept at most; all are dropped when it is full.
  static let capacity = 10_000

  /// By recipient: the wrapped bytes a key was unwrapped from, and the key.
  private let keys = Mutex<[String: (wrapped: WrappedDataKey, key: DataKey)]>([:])

  func key(for memo: Key) -> DataKey? {
    keys.withLock { keys in
      keys[memo.recipientID].flatMap { $0.wrapped == memo.wrapped ? $0.key : nil }
    }
  }

  /// Drops the keys of these recipients: they have been shredded.
  func forget(recipientIDs: Set<String>) {
    keys.withLock { keys in
      for id in recipientIDs { keys[id] = nil }
    }
  }

  func remember(_ key: DataKey, for memo: Key) {
    keys.withLock { keys in
      if keys.count >= Self.capacity { keys.removeAll() }
      keys[memo.recipientID] = (memo.wrapped, key)
    }
  }
}
