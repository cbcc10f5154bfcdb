/// An optional output field that JSON writes as `null` when it is nil, where synthesized
/// `Encodable` would leave the key out: `@Nullable var author: String?`. Output types stay plain
/// structs with synthesized `Encodable`; a field without the wrapper is left out when nil.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
