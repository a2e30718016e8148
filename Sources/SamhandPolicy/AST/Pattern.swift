/// A `like` pattern: literal text and `*` wildcards, matched over Unicode scalars as Cedar does.
public struct Pattern: Sendable, Hashable {
  /// One element of a pattern.
  public enum Element: Sendable, Hashable {
    case literal(Unicode.Scalar)
    case wildcard
  }

  public let elements: [Element]

  public init(_ elements: [Element]) {
    self.elements = elements
  }

  /// Whether `text` matches the whole pattern (greedy wildcard with backtracking, linear time).
  public func matches(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    var textIndex = 0
    var patternIndex = 0
    var starPattern = -1
    var starText = 0
    while textIndex < scalars.count {
      if patternIndex < elements.count, case .literal(let scalar) = elements[patternIndex],
        scalar == scalars[textIndex]
      {
        textIndex += 1
        patternIndex += 1
      } else if patternIndex < elements.count, elements[patternIndex] == .wildcard {
        starPattern = patternIndex
        starText = textIndex
        patternIndex += 1
      } else if starPattern >= 0 {
        patternIndex = starPattern + 1
        starText += 1
        textIndex = starText
      } else {
        return false
      }
    }
    while patternIndex < elements.count, elements[patternIndex] == .wildcard {
      patternIndex += 1
    }
    return patternIndex == elements.count
  }
}
