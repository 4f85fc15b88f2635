using CloudPI.Graph.Synthetic;
using CloudPI.Iac.Model;

namespace CloudPI.PlannedExposure;

/// <summary>
/// What an instance hands whoever gets into it, in Cartography's shapes: its metadata options
/// (<c>metadatahttptokens</c>, <c>metadatahttpendpoint</c>) and its instance profile (<c>INSTANCE_PROFILE</c> to the
/// profile, <c>iaminstanceprofile</c> its ARN), from which the exploitability analysis finds the role.
/// </summary>
public sealed partial class PulumiOverlay
{
    private void AddInstanceCredentials(IacResource r, string instance, string id)
    {
        var metadata = r.Inputs["metadataOptions"];
        foreach (var (input, property) in new[] { ("httpTokens", "metadatahttptokens"), ("httpEndpoint", "metadatahttpendpoint") })
        {
            var value = metadata[input];
            if (value.IsUnknown)
            {
                // Unknown, the setting is left as it is: the narrowest and widest plans agree, so nothing is claimed from it.
                Unknown(r, $"metadataOptions.{input}", id);
            }
            else if (value.String is { } known)
            {
                _graph.Upsert(id, SyntheticLabels.Instance, [new(property, known)]);
            }
        }

        var profile = r.Property("iamInstanceProfile");
        if (profile.IsMissing)
        {
            return;
        }

        _graph.Unlink("INSTANCE_PROFILE", instance);
        var profileNode = profile.String is { } name
            ? _graph.Find(name, SyntheticLabels.InstanceProfile[0]) ?? _graph.FindBy(SyntheticLabels.InstanceProfile[0], "name", name)
            : null;
        if (profileNode is null)
        {
            // A profile this change creates, or one the graph lacks: the role it carries is not known.
            Unknown(r, "iamInstanceProfile", id);
        }

        if (profileNode is not null)
        {
            _graph.Link("INSTANCE_PROFILE", instance, profileNode);
        }

        _graph.Upsert(id, SyntheticLabels.Instance, [new("iaminstanceprofile", profileNode is null ? null : _graph.Property(profileNode, "arn") ?? _graph.IdOf(profileNode))]);
    }
}
