using System.Globalization;

namespace CloudPI.Iac.Reading;

/// <summary>Where in which file a reader is, so a malformed input is reported as <c>FILE: $.steps[3].newState: ...</c>.</summary>
internal readonly record struct JsonPath(string File, string Path)
{
    public static JsonPath Root(string file) => new(file, "$");

    public JsonPath Property(string name) => this with { Path = $"{Path}.{name}" };

    public JsonPath Index(int index) => this with { Path = string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]") };

    public IacFormatException Error(string problem) => new($"{File}: {Path}: {problem}");
}
