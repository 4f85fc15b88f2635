namespace CloudPI.Iac.Model;

/// <summary>
/// One resource as a check sees it, whatever file it came from: its URN, type token, inputs (and, from a stack
/// export, outputs), provider and the dependencies that link it to resources whose ids are not known yet.
/// </summary>
public sealed class IacResource
{
    public required string Urn { get; init; }

    /// <summary>The Pulumi type token, e.g. <c>aws:ec2/securityGroup:SecurityGroup</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The step's operation (<c>create</c>, <c>same</c>, ...) or <c>state</c> for a stack export.</summary>
    public required string Operation { get; init; }

    /// <summary>Whether this deployment creates the resource (anew or as a replacement), so nothing of it exists yet.</summary>
    public bool IsCreated => Operation is "create" or "replace" or "create-replacement";

    public IacValue Inputs { get; init; }

    /// <summary>Outputs are only meaningful in a stack export; a preview's new state has none for creates.</summary>
    public IacValue Outputs { get; init; }

    public string? Id { get; init; }

    /// <summary>The provider resource's URN (the <c>&lt;urn&gt;::&lt;id&gt;</c> reference without its id).</summary>
    public string? ProviderUrn { get; init; }

    /// <summary>Input name → the URNs its value was computed from; empty when the source carries none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PropertyDependencies { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Where the program declared the resource (<c>project:///index.ts#12,3</c>), when Pulumi recorded it.</summary>
    public string? SourcePosition { get; init; }

    /// <summary>The resource's logical name: the last URN segment.</summary>
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>An input, else the output of the same name (a stack export evaluates outputs ∪ inputs).</summary>
    public IacValue Property(string name)
    {
        var input = Inputs[name];
        return input.IsMissing ? Outputs[name] : input;
    }

    public override string ToString() => Urn;
}
