using System.Text;

namespace CloudPI.Dracon.Io;

/// <summary>
/// Reads a text input (rules, policy configs, JSON) as UTF-8 and refuses bytes that are not: replacing them would
/// silently change values (a criticality tag "prod" that no longer matches).
/// </summary>
public static class StrictText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="FormatException">The file holds invalid UTF-8; the message names the file, line and byte offset.</exception>
    public static string ReadAllText(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>The text of <paramref name="bytes"/> (a UTF-8 byte order mark is dropped), or a FormatException naming <paramref name="sourceName"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string sourceName)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return Strict.GetString(bytes[bom..]);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = bom + ex.Index;
            var line = bytes[..offset].Count((byte)'\n') + 1;
            throw new FormatException($"{sourceName}: invalid UTF-8 at line {line}, byte offset {offset}", ex);
        }
    }
}
