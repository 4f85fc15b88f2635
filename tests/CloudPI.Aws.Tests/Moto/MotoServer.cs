namespace CloudPI.Aws.Tests.Moto;

/// <summary>Whether moto can run here, and whether its absence is a failure (CI) or a skip (a developer machine).</summary>
internal static class MotoServer
{
    public const string Executable = "moto_server";

    public static bool IsOnPath { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, Executable)));

    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A test that needs moto_server: skipped when it is missing, except in CI (CI=true), where the test fails.</summary>
public sealed class MotoFactAttribute : FactAttribute
{
    public MotoFactAttribute()
    {
        if (!MotoServer.IsOnPath && !MotoServer.IsCi)
        {
            Skip = $"{MotoServer.Executable} is not on PATH (pip install 'moto[server]==5.2.1'); with CI=true these tests fail instead";
        }
    }
}
