using CloudPI.Dracon.Io;
using CloudPI.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

/// <summary>Files written by Dracon's Go components parse, are recognised, and re-serialise byte for byte.</summary>
public class InteropTests
{
    // The producer-style encoding given in the contract reference, 227 bytes.
    internal const string ReferenceVectorHex =
        "0a3d0a2435623062366133652d326634642d346636652d396338612d306431653266336134623563120608a0e3c8b806"
        + "1a0d0a047465616d1205636c6f75641212636c6f756470692d6177732d636f6e6669671a8d010a3d61726e3a6177733a"
        + "6563323a65752d776573742d313a3131313132323232333333333a73656375726974792d67726f75702f73672d30616263"
        + "31323334120e726573747269637465642d7373681a2b53656375726974792067726f757020616c6c6f7773205353482066"
        + "726f6d2074686520696e7465726e657420044207756e6b6e6f776e62006a029c02";

    public static TheoryData<string> GoFiles()
    {
        var directory = RepoPaths.SharedData("dracon-pb");
        Assert.True(Directory.Exists(directory), $"interop vectors missing: {directory} (shared/ must sit beside the clone)");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.pb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoFiles))]
    public void Go_file_parses_as_its_type_and_reserialises_identically(string fileName)
    {
        var path = RepoPaths.SharedData("dracon-pb", fileName);
        var original = File.ReadAllBytes(path);

        var message = DraconFile.Read(path);

        var expectedKind = fileName.Contains(".enriched.", StringComparison.Ordinal)
            ? DraconMessageKind.EnrichedLaunchToolResponse
            : DraconMessageKind.LaunchToolResponse;
        Assert.Equal(expectedKind, message.Kind);
        Assert.NotEmpty(message.ToolName);
        Assert.Equal(Convert.ToHexString(original), Convert.ToHexString(message.Message.ToByteArray()));
    }

    /// <summary>A file is read as a stream (never whole into memory); a pipe, which cannot be read twice, is read whole
    /// and decided the same way.</summary>
    [Theory]
    [MemberData(nameof(GoFiles))]
    public async Task Go_file_read_through_a_pipe_is_the_same_message_as_read_from_disk(string fileName)
    {
        var path = RepoPaths.SharedData("dracon-pb", fileName);
        using var temp = new TempDirectory();
        var pipe = NamedPipe(temp, "vector.pb");
        var writer = Task.Run(() => File.WriteAllBytes(pipe, File.ReadAllBytes(path)));
        var piped = DraconFile.Read(pipe);
        await writer;

        var fromDisk = DraconFile.Read(path);
        Assert.Equal(fromDisk.Kind, piped.Kind);
        Assert.Equal(fromDisk.Message, piped.Message);
    }

    /// <summary>A named pipe (mkfifo) in <paramref name="temp"/>: a path that can be read only once, as it is written.</summary>
    internal static string NamedPipe(TempDirectory temp, string name)
    {
        var pipe = temp.Combine(name);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return pipe;
    }

    [Fact]
    public void All_22_upstream_vectors_are_present()
    {
        Assert.Equal(22, Directory.GetFiles(RepoPaths.SharedData("dracon-pb"), "*.pb").Length);
    }

    [Fact]
    public void Building_the_reference_message_gives_the_reference_bytes()
    {
        var scanInfo = new ScanInfo
        {
            ScanUuid = "5b0b6a3e-2f4d-4f6e-9c8a-0d1e2f3a4b5c",
            ScanStartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 10, 18, 10, 0, 0, TimeSpan.Zero)),
        };
        scanInfo.ScanTags["team"] = "cloud";
        var issue = Issues.SshIssue();
        issue.ContextSegment = string.Empty;
        issue.Cwe.Add(284);
        var response = new LaunchToolResponse { ScanInfo = scanInfo, ToolName = "cloudpi-aws-config" };
        response.Issues.Add(issue);

        var bytes = response.ToByteArray();

        Assert.Equal(227, bytes.Length);
        Assert.Equal(ReferenceVectorHex, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Reference_bytes_decode_with_explicit_presence_of_the_empty_context_segment()
    {
        var message = DraconFile.Decode("vector.pb", Convert.FromHexString(ReferenceVectorHex));

        var response = Assert.IsType<LaunchToolResponse>(message.Message);
        Assert.Equal("cloudpi-aws-config", response.ToolName);
        Assert.Equal("cloud", response.ScanInfo.ScanTags["team"]);
        var issue = Assert.Single(response.Issues);
        Assert.True(issue.HasContextSegment);
        Assert.Equal(string.Empty, issue.ContextSegment);
        Assert.Equal([284], issue.Cwe);
    }
}
