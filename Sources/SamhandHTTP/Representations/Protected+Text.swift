import SamhandCore

extension Protected where Value == String {
  /// The plaintext, or the erased marker.
  var text: String { description }
}

extension Protected where Value == String? {
  /// The plaintext (null when absent), or the erased marker.
  var text: String? {
    switch self {
    case .value(let value): return value
    case .erased: return Self.erasedMarker
    }
  }
}
