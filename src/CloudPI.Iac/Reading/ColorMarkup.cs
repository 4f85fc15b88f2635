using System.Text.RegularExpressions;

namespace CloudPI.Iac.Reading;

/// <summary>Pulumi's colour markup (<c>&lt;{%fg 1%}&gt;</c>, <c>&lt;{%reset%}&gt;</c>), left in event text unless <c>--color never</c>.</summary>
internal static partial class ColorMarkup
{
    public static string Strip(string text) => Markup().Replace(text, string.Empty);

    [GeneratedRegex(@"<\{%[^%]*%\}>")]
    private static partial Regex Markup();
}
