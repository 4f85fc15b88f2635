namespace CloudPI.Bolt.Values;

/// <summary>
/// The structure shapes a connection uses: element ids on graph entities (5.0+) and UTC-based DateTime
/// structures 'I'/'i' (5.0+, or 4.4 when the server accepted patch_bolt ["utc"]) instead of legacy 'F'/'f'.
/// </summary>
public readonly record struct BoltDialect(bool HasElementIds, bool UtcDateTime)
{
    public static BoltDialect Bolt5 { get; } = new(HasElementIds: true, UtcDateTime: true);

    public static BoltDialect Bolt44 { get; } = new(HasElementIds: false, UtcDateTime: false);

    public static BoltDialect Bolt44Utc { get; } = new(HasElementIds: false, UtcDateTime: true);
}
