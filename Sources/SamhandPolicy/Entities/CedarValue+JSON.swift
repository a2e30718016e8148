import Foundation

extension CedarValue {
  /// Reads a value in Cedar's JSON value format: `__entity` marks an entity reference, any
  /// other object is a record, arrays are sets; `__extn` values are refused.
  init(json: JSONValue, path: String) throws(EntityDataError) {
    switch json {
    case .bool(let value): self = .bool(value)
    case .integer(let value): self = .long(value)
    case .string(let value): self = .string(value)
    case .array(let items):
      var set: Set<CedarValue> = []
      for (index, item) in items.enumerated() {
        set.insert(try CedarValue(json: item, path: "\(path)[\(index)]"))
      }
      self = .set(set)
    case .object(let fields):
      if let reference = fields["__entity"], fields.count == 1 {
        self = .entity(try EntityUID(json: reference, path: path + ".__entity"))
      } else if fields["__extn"] != nil, fields.count == 1 {
        throw .extensionValue(path: path)
      } else {
        var record: [String: CedarValue] = [:]
        for (key, value) in fields {
          record[key] = try CedarValue(json: value, path: "\(path).\(key)")
        }
        self = .record(record)
      }
    case .null, .fraction:
      throw .invalid(path: path, detail: "\(json.kindName) is not a Cedar value")
    }
  }

  /// Reads a context record from JSON text such as `{"purpose":"treatment"}`.
  public static func record(json data: Data) throws(EntityDataError) -> [String: CedarValue] {
    guard case .record(let fields) = try CedarValue(json: JSONValue.parse(data), path: "context")
    else {
      throw .invalid(path: "context", detail: "must be a JSON object")
    }
    return fields
  }
}

extension EntityUID {
  /// Reads `{"type": …, "id": …}` or `{"__entity": {"type": …, "id": …}}`.
  init(json: JSONValue, path: String) throws(EntityDataError) {
    guard case .object(let fields) = json else {
      throw .invalid(path: path, detail: "expected an object with `type` and `id`")
    }
    if let inner = fields["__entity"] {
      try self.init(json: inner, path: path + ".__entity")
      return
    }
    guard case .string(let type) = fields["type"], case .string(let id) = fields["id"] else {
      throw .invalid(path: path, detail: "expected string fields `type` and `id`")
    }
    self.init(type: type, id: id)
  }
}
