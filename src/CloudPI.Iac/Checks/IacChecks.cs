namespace CloudPI.Iac.Checks;

/// <summary>
/// The preventive checks. Each lives in its control's catalog folder and registers itself from a module initializer,
/// which runs before any code of this assembly.
/// </summary>
public static class IacChecks
{
    private static readonly List<IacCheck> Registered = [];

    /// <summary>The checks in the order their results are reported.</summary>
    public static IReadOnlyList<IacCheck> All => [.. Registered.OrderBy(c => c.Position)];

    internal static void Register(IacCheck check) => Registered.Add(check);
}
