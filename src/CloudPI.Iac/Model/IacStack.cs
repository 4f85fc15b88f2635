namespace CloudPI.Iac.Model;

/// <summary>
/// Every resource of one input file, with what a stack-level check needs to know about the file itself (whether
/// unchanged resources were left out) and the references between its resources.
/// </summary>
public sealed class IacStack
{
    private readonly ILookup<string, IacResource> _byType;
    private readonly Dictionary<string, IacResource> _byUrn;
    private readonly ResourceReferences _references;

    public IacStack(
        string file,
        InputFormat format,
        IReadOnlyList<IacResource> resources,
        IReadOnlyDictionary<string, string> config,
        bool listsEveryResource,
        IReadOnlyList<PolicyViolation> policyViolations,
        IReadOnlyList<string> incompleteReasons,
        IReadOnlyList<IacResource>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        File = file;
        Format = format;
        Resources = resources;
        Config = config;
        ListsEveryResource = listsEveryResource;
        PolicyViolations = policyViolations;
        IncompleteReasons = incompleteReasons;
        Removed = removed ?? [];
        _byType = resources.ToLookup(r => r.Type, StringComparer.Ordinal);
        _byUrn = resources.GroupBy(r => r.Urn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _references = new ResourceReferences(this);
    }

    public string File { get; }

    public InputFormat Format { get; }

    public IReadOnlyList<IacResource> Resources { get; }

    /// <summary>Stack configuration (<c>aws:region</c>, <c>aws:defaultTags</c>, ...); secrets are blinded.</summary>
    public IReadOnlyDictionary<string, string> Config { get; }

    /// <summary>False for a preview without <c>--show-sames</c>: an absent resource may exist unchanged.</summary>
    public bool ListsEveryResource { get; }

    public IReadOnlyList<PolicyViolation> PolicyViolations { get; }

    /// <summary>
    /// Why the input may not show everything the deployment would do (the preview failed, was cut short, or lists
    /// fewer steps than it counts); empty when it is complete. What it leaves out was never checked.
    /// </summary>
    public IReadOnlyList<string> IncompleteReasons { get; }

    /// <summary>
    /// The old state of every resource the deployment removes (deleted, or replaced by a new one), as the preview
    /// recorded it; the checks never see these, an analysis of what the change closes does.
    /// </summary>
    public IReadOnlyList<IacResource> Removed { get; }

    public IEnumerable<IacResource> OfType(params string[] types) => types.SelectMany(t => _byType[t]);

    public IacResource? Find(string urn) => _byUrn.GetValueOrDefault(urn);

    /// <summary>
    /// The resources <paramref name="source"/>'s <paramref name="property"/> refers to: by the recorded property
    /// dependencies, and by comparing a known value with each resource's id, ARN, URL or name.
    /// </summary>
    public IEnumerable<IacResource> Targets(IacResource source, string property) => _references.Targets(source, property);

    /// <summary>
    /// Every resource of <paramref name="types"/> whose <paramref name="property"/> refers to <paramref name="target"/>
    /// (<see cref="LinkState.Linked"/>), or might: its value is unknown or secret and no recorded dependency names a
    /// resource of the stack (<see cref="LinkState.Unknown"/>), so it may refer to any target.
    /// </summary>
    public IEnumerable<(IacResource Resource, LinkState State)> Referrers(IacResource target, string property, params string[] types) =>
        _references.Referrers(target, property, types);
}
