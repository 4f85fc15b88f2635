namespace CloudPI.Controls;

/// <summary>
/// An enum value's name, lower- or upper-cased, made once per value: verdict, severity and criticality names go into
/// every finding's annotations, and a <c>ToString().ToLowerInvariant()</c> there allocated twice per name and finding.
/// </summary>
public static class EnumText
{
    public static string Name<T>(T value)
        where T : struct, Enum =>
        Names<T>.Name.TryGetValue(value, out var text) ? text : value.ToString();

    public static string Lower<T>(T value)
        where T : struct, Enum =>
        Names<T>.Lower.TryGetValue(value, out var text) ? text : value.ToString().ToLowerInvariant();

    public static string Upper<T>(T value)
        where T : struct, Enum =>
        Names<T>.Upper.TryGetValue(value, out var text) ? text : value.ToString().ToUpperInvariant();

    private static class Names<T>
        where T : struct, Enum
    {
        // Undefined values (a newer protobuf enum's) are named as ToString names them, each time.
        public static readonly Dictionary<T, string> Name = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString());

        public static readonly Dictionary<T, string> Lower = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());

        public static readonly Dictionary<T, string> Upper = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString().ToUpperInvariant());
    }
}
