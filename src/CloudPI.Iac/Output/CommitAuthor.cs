using System.Diagnostics;
using System.Text;

namespace CloudPI.Iac.Output;

/// <summary>
/// Who made the change being gated, for the metrics' Author and Email dimensions: explicit <c>AUTHOR</c>/<c>EMAIL</c>,
/// then GitLab's and GitHub's CI variables, then the last commit (<c>git log -1</c>), then CodeBuild's initiator (name
/// only), then <c>unknown</c>; never empty
/// (put-metric-data rejects null dimension values, which the sample produced).
/// </summary>
public sealed record CommitAuthor(string Name, string Email)
{
    public const string Fallback = "unknown";

    public static CommitAuthor Resolve(Func<string, string?> environment, Func<string, string?> gitLog)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(gitLog);
        // CodeBuild's initiator names the pipeline or IAM principal, not the committer: only when git cannot tell.
        var name = First(environment("AUTHOR"), environment("GITLAB_USER_NAME"), environment("GITHUB_ACTOR"))
            ?? First(gitLog("%an"))
            ?? First(environment("CODEBUILD_INITIATOR"));
        var email = First(environment("EMAIL"), environment("GITLAB_USER_EMAIL"))
            ?? First(gitLog("%ae"));
        return new CommitAuthor(name ?? Fallback, email ?? Fallback);
    }

    public static CommitAuthor FromEnvironment() => Resolve(Environment.GetEnvironmentVariable, GitLog);

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Trim() != "null")?.Trim();

    /// <summary><c>git log -1 --format=FORMAT</c> in the current directory; null when git or a repository is missing.</summary>
    private static string? GitLog(string format)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["log", "-1", $"--format={format}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed.
        }
    }
}
