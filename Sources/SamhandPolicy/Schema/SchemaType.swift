/// The type of an attribute or context field in the schema.
public indirect enum SchemaType: Sendable {
  case bool
  case long
  case string
  case set(SchemaType)
  case record([String: Schema.Attribute])
  case entity(String)
  case extensionType(String)
}
