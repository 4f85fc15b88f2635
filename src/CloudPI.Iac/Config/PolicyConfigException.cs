namespace CloudPI.Iac.Config;

/// <summary>The policy config file is wrong: an unknown check, a bad level or a bad parameter (exit code 2).</summary>
public sealed class PolicyConfigException(string message, Exception? inner = null) : Exception(message, inner);
