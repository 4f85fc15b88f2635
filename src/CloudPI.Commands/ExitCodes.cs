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
    /// The run was partial: the output was written, but some of what it should cover is missing (a region that could
    /// not be read, an input file that stops before the end of a listing). The log names what is missing.
    /// </summary>
    public const int Partial = 3;

    public const int Cancelled = 130;
}
