extension EntityUID {
  /// Reads a uid written in Cedar syntax, such as `Staff::"s1"` or `Samhand::Staff::"s1"`.
  public init(parsing text: String) throws(EntityDataError) {
    do {
      var parser = Parser(tokens: try Lexer.tokens(text: text, file: "uid"))
      let uid = try parser.entityUID()
      guard parser.current.kind == .end else { throw EntityDataError.invalidUID(text) }
      self = uid
    } catch {
      throw .invalidUID(text)
    }
  }
}
