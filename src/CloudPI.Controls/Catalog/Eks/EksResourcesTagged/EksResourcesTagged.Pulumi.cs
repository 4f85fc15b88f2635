using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Eks;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// EKS clusters, node groups and Fargate profiles carry the required tags in their effective tags:
/// <c>tagsAll</c> when the provider computed it (pulumi-aws v6), else the provider's default tags (an explicit
/// provider's <c>defaultTags</c>, or the <c>aws:defaultTags</c> stack config for the default provider) overlaid by
/// the resource's <c>tags</c>. The sample ignored default tags and node groups.
/// </summary>
public sealed class EksResourcesTaggedCheck() : IacCheck(EksResourcesTagged.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new EksResourcesTaggedCheck());

    public override int Position => 10;

    private const string RequiredTags = "requiredTags";

    public override IReadOnlyList<CheckParameter> Parameters { get; } =
    [
        CheckParameter.List(RequiredTags, "Tag keys every EKS resource must carry with a non-empty value.", ["Name", "env"]),
    ];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parameters);
        var required = parameters.StringList(RequiredTags);
        foreach (var resource in stack.OfType(AwsTypes.EksTaggable))
        {
            var tags = EffectiveTags(stack, resource);
            var unknown = required.FirstOrDefault(k => tags(k).IsUnknown);
            var missing = required.Where(k => tags(k).String is null or "" && !tags(k).IsUnknown).ToList();
            if (missing.Count > 0)
            {
                yield return Fail(resource, $"tags.{missing[0]}", $"missing or empty required tags: {string.Join(", ", missing)}");
            }
            else if (unknown is not null)
            {
                yield return Unknown(resource, $"tags.{unknown}", $"tag {unknown} is not known before deployment");
            }
            else
            {
                yield return Pass(resource, $"carries {string.Join(", ", required)}");
            }
        }
    }

    /// <summary>Looks a tag up as AWS will apply it: the resource's own tag wins over the provider's default.</summary>
    private static Func<string, IacValue> EffectiveTags(IacStack stack, IacResource resource)
    {
        var tagsAll = resource.Property("tagsAll");
        if (tagsAll.IsKnown)
        {
            return key => tagsAll[key];
        }

        var tags = resource.Property("tags");
        var defaults = DefaultTags(stack, resource);
        return key =>
        {
            var own = tags[key];
            return own.IsMissing ? defaults[key] : own;
        };
    }

    private static IacValue DefaultTags(IacStack stack, IacResource resource)
    {
        var provider = resource.ProviderUrn is null ? null : stack.Find(resource.ProviderUrn);
        if (provider is not null)
        {
            return provider.Property("defaultTags").ParseEmbeddedJson()["tags"];
        }

        // The default provider never appears in a preview: its settings are the stack's aws: config.
        var isDefaultProvider = resource.ProviderUrn is null || resource.ProviderUrn.Contains("::pulumi:providers:aws::default", StringComparison.Ordinal);
        if (isDefaultProvider)
        {
            return stack.Config.TryGetValue("aws:defaultTags", out var json) ? IacValue.FromJsonText(json)["tags"] : IacValue.Missing;
        }

        return stack.ListsEveryResource ? IacValue.Missing : IacValue.Unknown;
    }
}
