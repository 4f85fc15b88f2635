namespace CloudPI.Iac;

/// <summary>An input file is not a Pulumi preview, stack export or engine-event stream, or is malformed or truncated.</summary>
public sealed class IacFormatException(string message, Exception? inner = null) : Exception(message, inner);
