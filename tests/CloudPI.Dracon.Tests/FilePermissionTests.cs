using System.Runtime.Versioning;
using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.TestSupport;

namespace CloudPI.Dracon.Tests;

/// <summary>
/// Dracon's protobuf files stay owner-only as Dracon writes them; every other output (reports, SARIF, graphs) is
/// created like any new file, so a CI step running as another user can read it.
/// </summary>
public class FilePermissionTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes
    public void Dracon_files_are_owner_only_and_other_outputs_follow_the_umask()
    {
        using var temp = new TempDirectory();
        var response = Issues.Response("tool", "s", Issues.SshIssue("r1"));
        DraconFile.Write(temp.Combine("tool.pb"), response);
        using (var files = new AtomicFileSet())
        {
            EnricherFiles.Stage(files, temp.Path, "tool", "reachability", Issues.Response("tool", "s"), []);
            files.Commit();
        }

        AtomicFile.WriteAllText(temp.Combine("report.md"), "# report");
        File.WriteAllText(temp.Combine("reference.txt"), "created the ordinary way");

        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(temp.Combine("tool.pb")));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(temp.Combine("tool.reachability.enriched.pb")));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(temp.Combine("tool.raw.pb")));
        Assert.Equal(File.GetUnixFileMode(temp.Combine("reference.txt")), File.GetUnixFileMode(temp.Combine("report.md")));
    }
}
