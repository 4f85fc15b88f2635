using System.Globalization;
using Google.Protobuf.Reflection;
using System.Security.Cryptography;
using System.Text;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon;

/// <summary>
/// Dracon's deduplication hash (pkg/enrichment GetHash): SHA-256 over target, type, title, the source up to
/// "?ref=", severity and confidence by proto enum name, cvss with six decimals, description and cve, concatenated
/// without separators, as lower-case hex. Uuid, cwe, context and SBOM are deliberately not part of it.
/// </summary>
public static class IssueHash
{
    private static readonly EnumDescriptor SeverityEnum = IssueReflection.Descriptor.FindTypeByName<EnumDescriptor>("Severity");
    private static readonly EnumDescriptor ConfidenceEnum = IssueReflection.Descriptor.FindTypeByName<EnumDescriptor>("Confidence");

    public static string Compute(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var refIndex = issue.Source.IndexOf("?ref=", StringComparison.Ordinal);
        var source = refIndex >= 0 ? issue.Source[..refIndex] : issue.Source;
        var text = string.Concat(
            issue.Target,
            issue.Type,
            issue.Title,
            source,
            EnumName(SeverityEnum, (int)issue.Severity),
            issue.Cvss.ToString("F6", CultureInfo.InvariantCulture),
            EnumName(ConfidenceEnum, (int)issue.Confidence),
            issue.Description,
            issue.Cve);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // Go's String() of an enum: the proto name, or the number for values the descriptor does not know.
    private static string EnumName(EnumDescriptor descriptor, int number) =>
        descriptor.FindValueByNumber(number)?.Name ?? number.ToString(CultureInfo.InvariantCulture);
}
