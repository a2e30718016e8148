/// A place in the chain, sequence and hash, held inline: what the verifier remembers of the
/// head at each checkpoint it reached, to report it should that checkpoint's signature fail.
struct ChainPosition: Sendable, Equatable {
  var sequence: Int64
  var hash: ChainHash
}
