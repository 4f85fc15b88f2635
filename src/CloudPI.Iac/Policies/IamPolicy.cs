using CloudPI.Controls.Policies;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Policies;

/// <summary>
/// Reads IAM policy documents as resources carry them (a JSON string, or an object) and answers the questions the
/// S3 and SQS checks ask. Answers are tri-state: null means an unknown value decides.
/// </summary>
internal static class IamPolicy
{
    /// <summary>The statements of <paramref name="policy"/>: Missing when there is no policy, Unknown when it is not known yet.</summary>
    public static (ValueState State, IReadOnlyList<IacValue> Statements) Statements(IacValue policy)
    {
        var document = policy.ParseEmbeddedJson();
        if (!document.IsKnown)
        {
            return (document.State, []);
        }

        var statements = document["Statement"];
        return statements.IsUnknown ? (ValueState.Unknown, []) : (ValueState.Known, statements.Items().ToList());
    }

    /// <summary>Whether a statement lets anyone in: an Allow to a public principal with no restrictive condition.</summary>
    public static bool? AllowsPublicAccess(IacValue statement, bool acceptSourceIpCondition)
    {
        var effect = statement["Effect"];
        if (effect.IsUnknown)
        {
            return null;
        }

        if (!string.Equals(effect.String, "Allow", StringComparison.Ordinal))
        {
            return false;
        }

        var principal = IsPublicPrincipal(statement["Principal"]);
        if (principal != true)
        {
            return principal;
        }

        var restricted = HasRestrictiveCondition(statement["Condition"], acceptSourceIpCondition);
        return restricted is null ? null : !restricted;
    }

    /// <summary><c>"*"</c>, <c>{"AWS": "*"}</c> (or a list holding it), <c>arn:aws:iam::*:root</c>, <c>{"CanonicalUser": "*"}</c>.</summary>
    public static bool? IsPublicPrincipal(IacValue principal)
    {
        if (principal.IsUnknown)
        {
            return null;
        }

        if (principal.String is { } single)
        {
            return PublicPolicy.IsEveryone(single);
        }

        var values = principal["AWS"].Items().Concat(principal["CanonicalUser"].Items()).ToList();
        if (values.Any(v => v.String is { } s && PublicPolicy.IsEveryone(s)))
        {
            return true;
        }

        return values.Any(v => v.IsUnknown) ? null : false;
    }

    /// <summary>Whether the statement's actions (or the complement of its NotAction) include <paramref name="action"/>.</summary>
    public static bool? CoversAction(IacValue statement, string action)
    {
        if (!statement["NotAction"].IsMissing)
        {
            return true; // an Allow of "everything but ..." is broad enough to count as covering.
        }

        var actions = statement["Action"].Items().ToList();
        if (actions.Any(a => a.String is { } pattern && ActionPattern.Matches(pattern, action)))
        {
            return true;
        }

        return actions.Any(a => a.IsUnknown) ? null : false;
    }

    private static bool? HasRestrictiveCondition(IacValue condition, bool acceptSourceIpCondition)
    {
        if (condition.IsUnknown)
        {
            return null;
        }

        if (!condition.IsKnown || condition.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return false;
        }

        var undecided = false;
        foreach (var block in condition.Element.EnumerateObject())
        {
            var restrictive = IsRestrictive(block.Name, IacValue.From(block.Value), acceptSourceIpCondition);
            if (restrictive == true)
            {
                return true;
            }

            undecided |= restrictive is null;
        }

        return undecided ? null : false;
    }

    private static bool? IsRestrictive(string conditionOperator, IacValue keys, bool acceptSourceIpCondition)
    {
        if (keys.IsUnknown)
        {
            return null;
        }

        if (!keys.IsKnown || keys.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return false;
        }

        var operation = conditionOperator.Replace("ForAnyValue:", string.Empty, StringComparison.Ordinal).Replace("ForAllValues:", string.Empty, StringComparison.Ordinal);
        foreach (var entry in keys.Element.EnumerateObject())
        {
            var values = IacValue.From(entry.Value).Items().ToList();
            if (values.Any(v => v.IsUnknown))
            {
                return null;
            }

            var meaningful = values.Count > 0 && values.All(v => v.String is { Length: > 0 } s && s != "*");
            var restrictiveKey = operation switch
            {
                "StringEquals" or "StringEqualsIgnoreCase" or "StringLike" => PublicPolicy.RestrictiveKeys.Contains(entry.Name),
                "ArnEquals" or "ArnLike" => PublicPolicy.ArnKeys.Contains(entry.Name),
                "IpAddress" => acceptSourceIpCondition && entry.Name.Equals("aws:SourceIp", StringComparison.OrdinalIgnoreCase)
                    && values.All(v => v.String is not ("0.0.0.0/0" or "::/0")),
                _ => false,
            };
            if (restrictiveKey && meaningful)
            {
                return true;
            }
        }

        return false;
    }
}
