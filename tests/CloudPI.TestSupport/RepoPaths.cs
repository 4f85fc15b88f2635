namespace CloudPI.TestSupport;

/// <summary>Locates the repository and the shared folder that CI places beside the clone.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The project's shared/ folder: ../shared next to the clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SharedData(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    public static string Examples(params string[] parts) => Path.Combine([Root, "examples", .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudPI.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CloudPI.sln not found above {AppContext.BaseDirectory}");
    }
}
