namespace CloudPI.Controls;

/// <summary>
/// The built-in controls. Each control's metadata file registers its control from a module initializer, which runs
/// before any code of this assembly, so the catalog is complete whenever it is first read.
/// </summary>
internal static class BuiltInControls
{
    private static readonly List<Control> Registered = [];

    /// <summary>Every built-in control, ordered by id.</summary>
    public static IReadOnlyList<Control> All => [.. Registered.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public static void Register(Control control) => Registered.Add(control);
}
