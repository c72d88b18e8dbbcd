/// The Common Expression Language, implemented natively in Swift.
public enum CEL {}
