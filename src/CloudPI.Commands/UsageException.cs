namespace CloudPI.Commands;

/// <summary>The command line is wrong (a missing path, conflicting options): exit code 2, like a parse error.</summary>
public sealed class UsageException(string message) : Exception(message);
