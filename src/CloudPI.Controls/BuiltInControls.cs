using CloudPI.Controls.Catalog.Ec2;
using CloudPI.Controls.Catalog.SecurityGroup;

namespace CloudPI.Controls;

/// <summary>The list of built-in controls; a test checks that every control declared under Catalog/ is listed here.</summary>
internal static class BuiltInControls
{
    public static IReadOnlyList<Control> All { get; } =
    [
        Ec2Imdsv2Check.Control,
        RestrictedSsh.Control,
    ];
}
