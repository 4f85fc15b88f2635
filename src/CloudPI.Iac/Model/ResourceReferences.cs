namespace CloudPI.Iac.Model;

/// <summary>
/// Resolves references between the resources of a stack. Both directions are indexed (identifiers once, referrers
/// once per property and types), so stack-level checks stay linear in the number of resources.
/// </summary>
internal sealed class ResourceReferences(IacStack stack)
{
    private readonly Dictionary<string, (Dictionary<string, List<IacResource>> Linked, List<IacResource> Undecided)> _referrers = new(StringComparer.Ordinal);
    private Dictionary<string, List<IacResource>>? _identified;

    private const string StackReference = "pulumi:pulumi:StackReference";

    /// <summary>
    /// The resources <paramref name="source"/>'s <paramref name="property"/> names: the recorded dependencies that are
    /// resources of this stack, and those whose identifier equals a known value. A StackReference does not count: its
    /// value comes from another stack, so depending on it names nothing here.
    /// </summary>
    public IEnumerable<IacResource> Targets(IacResource source, string property)
    {
        ArgumentNullException.ThrowIfNull(source);
        var recorded = source.PropertyDependencies.TryGetValue(property, out var urns)
            ? urns.Select(stack.Find).OfType<IacResource>().Where(r => r.Type != StackReference)
            : [];
        var value = source.Property(property).String;
        var named = value is not null && Identified.TryGetValue(value, out var resources) ? resources : [];
        return recorded.Concat(named).Distinct();
    }

    public IEnumerable<(IacResource Resource, LinkState State)> Referrers(IacResource target, string property, string[] types)
    {
        ArgumentNullException.ThrowIfNull(target);
        var index = ReferrerIndex(property, types);
        var linked = index.Linked.TryGetValue(target.Urn, out var sources) ? sources : [];
        return linked.Select(s => (s, LinkState.Linked)).Concat(index.Undecided.Select(s => (s, LinkState.Unknown)));
    }

    private Dictionary<string, List<IacResource>> Identified => _identified ??= IndexIdentifiers();

    private (Dictionary<string, List<IacResource>> Linked, List<IacResource> Undecided) ReferrerIndex(string property, string[] types)
    {
        var key = property + "|" + string.Join('|', types);
        if (_referrers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var linked = new Dictionary<string, List<IacResource>>(StringComparer.Ordinal);
        var undecided = new List<IacResource>();
        foreach (var source in stack.OfType(types))
        {
            var targets = Targets(source, property).ToList();

            // A secret or unknown value that no dependency traces to a resource of this stack may name any of them.
            if (targets.Count == 0 && source.Property(property).IsUnknown)
            {
                undecided.Add(source);
                continue;
            }

            foreach (var target in targets)
            {
                (linked.TryGetValue(target.Urn, out var list) ? list : linked[target.Urn] = []).Add(source);
            }
        }

        return _referrers[key] = (linked, undecided);
    }

    private Dictionary<string, List<IacResource>> IndexIdentifiers()
    {
        var index = new Dictionary<string, List<IacResource>>(StringComparer.Ordinal);
        foreach (var resource in stack.Resources)
        {
            foreach (var identifier in Identifiers(resource).Distinct(StringComparer.Ordinal))
            {
                (index.TryGetValue(identifier, out var list) ? list : index[identifier] = []).Add(resource);
            }
        }

        return index;
    }

    private static IEnumerable<string> Identifiers(IacResource target)
    {
        if (target.Id is { Length: > 0 } id)
        {
            yield return id;
        }

        foreach (var name in (string[])["id", "arn", "url", "bucket", "clusterIdentifier"])
        {
            if (target.Property(name).String is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }
}
