using Microsoft.Win32.SafeHandles;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// A temporary file an enricher keeps its spilled state in. On Linux and macOS its name is removed as soon as it is
/// open, so even a killed run (<c>kill -9</c>, out of memory) leaves nothing behind; on Windows it is deleted when
/// its handle is closed.
/// </summary>
internal static class TemporaryFile
{
    /// <summary>A new, empty file named after <paramref name="kind"/>, open for reading and writing at any offset, and
    /// its name (already gone on Unix, gone once the handle is closed on Windows).</summary>
    public static (SafeFileHandle File, string Path) Open(string kind)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cloudpi-{kind}-{Guid.NewGuid():N}.tmp");
        if (OperatingSystem.IsWindows())
        {
            return (File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose), path);
        }

        // An open file outlives its name: unlinked now, its space is freed when the handle closes, however the process ends.
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        File.Delete(path);
        return (file, path);
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> of <paramref name="file"/>.</summary>
    /// <exception cref="EndOfStreamException">The file ends first.</exception>
    public static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset, string what)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var got = RandomAccess.Read(file, buffer[read..], offset + read);
            read += got > 0 ? got : throw new EndOfStreamException($"the temporary file of {what} ended early");
        }
    }
}
