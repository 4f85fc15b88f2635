namespace CloudPI.Commands;

/// <summary>Process exit codes, the same for every CloudPI executable.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed: bad input file, unreachable service, analysis error.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The preventive gate (<c>producer pulumi</c>): a mandatory check failed. The same value as <see cref="Failure"/>:
    /// either way, do not deploy.
    /// </summary>
    public const int ChecksFailed = 1;

    /// <summary>
    /// The preventive gate: the Pulumi preview failed or is incomplete (cut short, error diagnostics, steps its summary
    /// counts but does not list), so resources that would fail may be missing from it.
    /// </summary>
    public const int IncompletePreview = Partial;

    /// <summary>
    /// The run was partial: the output was written, but some of what it should cover is missing (a region that could
    /// not be read, an input file that stops before the end of a listing). The log names what is missing.
    /// </summary>
    public const int Partial = 3;

    /// <summary>Interrupted by SIGINT (Ctrl+C): 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (a pipeline step's deadline, docker stop): 128 + 15.</summary>
    public const int Terminated = 143;
}
