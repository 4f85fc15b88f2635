using CloudPI.Dracon.Io;

namespace CloudPI.Commands;

/// <summary>Text files a user hands a command (rules, ranges, mute lists): strict UTF-8, and any failure a usage error naming the file.</summary>
internal static class InputText
{
    public static T Parse<T>(string path, string what, Func<string, T> parse)
    {
        string text;
        try
        {
            text = StrictText.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the {what}: {ex.Message}");
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        try
        {
            return parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
