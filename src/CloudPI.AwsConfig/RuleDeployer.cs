using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CloudPI.Aws;
using Serilog;

namespace CloudPI.AwsConfig;

/// <summary>
/// Deploys the catalog's managed rules: checks each region has a configuration recorder, plans against the rules
/// already there (<see cref="RegionDeploymentPlan"/>), puts the new and changed ones, and optionally starts an
/// evaluation. Config evaluates managed rules with its service-linked role, so no iam:PassRole is needed.
/// </summary>
public sealed class RuleDeployer(ILogger log)
{
    /// <summary>The most rule names StartConfigRulesEvaluation takes per call.</summary>
    public const int MaxRulesPerEvaluation = 25;

    // Relaxed escaping keeps InputParameters readable ({\"blockedPort1\":...} rather than \u0022); lines go to a terminal or a file, not HTML.
    private static readonly JsonTypeInfo<PlannedPut> DryRunJson = (JsonTypeInfo<PlannedPut>)new JsonSerializerOptions
    {
        TypeInfoResolver = DeploymentJson.Default,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }.GetTypeInfo(typeof(PlannedPut));

    private readonly ILogger _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>The rules that can be deployed; a rule with a required parameter that has no default is skipped with a warning.</summary>
    public IReadOnlyList<ManagedRule> Deployable(IEnumerable<ManagedRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var deployable = new List<ManagedRule>();
        foreach (var rule in rules)
        {
            if (rule.MissingRequiredParameter is { } parameter)
            {
                _log.Warning("Skipping {Rule} ({Identifier}): its required parameter {Parameter} has no default; deploy it yourself with a value",
                    rule.Name, rule.Identifier, parameter.Name);
                continue;
            }

            deployable.Add(rule);
        }

        return deployable;
    }

    /// <summary>Managed rules only evaluate what a recorder records: refuse to deploy to a region without one.</summary>
    public async Task EnsureRecordersAsync(IEnumerable<IAwsConfigClient> clients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clients);
        foreach (var client in clients)
        {
            var response = await client.DescribeConfigurationRecordersAsync(new DescribeConfigurationRecordersRequest(), cancellationToken).ConfigureAwait(false);
            if (response.ConfigurationRecorders.Count == 0)
            {
                throw new RuleDeploymentException(
                    $"no AWS Config configuration recorder in {client.Region}: run 'aws configservice put-configuration-recorder' first");
            }

            _log.Information("{Region}: configuration recorder {Recorder} found", client.Region, response.ConfigurationRecorders[0].Name);
        }
    }

    public async Task<RegionDeploymentPlan> PlanAsync(IAwsConfigClient client, IReadOnlyList<ManagedRule> rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var existing = await client.DescribeAllConfigRulesAsync(new DescribeConfigRulesRequest(), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var plan = RegionDeploymentPlan.Create(client.Region, rules, existing);
        foreach (var planned in plan.Rules)
        {
            LogDecision(plan.Region, planned);
        }

        _log.Information("{Region}: {Create} to create, {Update} to update, {Unchanged} unchanged, {Covered} covered by other rules, {NameTaken} names taken",
            plan.Region, Count(plan, RuleAction.Create), Count(plan, RuleAction.Update), Count(plan, RuleAction.Unchanged),
            Count(plan, RuleAction.Covered), Count(plan, RuleAction.NameTaken));
        return plan;
    }

    /// <summary>Puts the rules the plan creates or updates. A rule the region does not offer is skipped with a warning.</summary>
    public async Task<int> ApplyAsync(IAwsConfigClient client, RegionDeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        var put = 0;
        foreach (var planned in plan.Rules.Where(r => r.NeedsPut))
        {
            try
            {
                await client.PutConfigRuleAsync(new PutConfigRuleRequest { ConfigRule = planned.Desired }, cancellationToken).ConfigureAwait(false);
                put++;
            }
            catch (AwsConfigException error) when (error.ErrorCode == "InvalidParameterValueException" && error.ServiceMessage?.Contains("sourceIdentifier", StringComparison.OrdinalIgnoreCase) == true)
            {
                _log.Warning("{Region}: {Identifier} is not offered in this region, {Rule} skipped ({Message})", plan.Region, planned.Rule.Identifier, planned.Rule.Name, error.ServiceMessage);
            }
            catch (AwsConfigException error) when (error.ErrorCode == "NoAvailableConfigurationRecorderException")
            {
                throw new RuleDeploymentException(
                    $"no AWS Config configuration recorder in {plan.Region}: run 'aws configservice put-configuration-recorder' first", error);
            }
        }

        _log.Information("{Region}: put {Count} Config rules", plan.Region, put);
        return put;
    }

    /// <summary>Starts an evaluation of the plan's rules, 25 names per call. LimitExceededException means one is already running: a warning.</summary>
    public async Task StartEvaluationAsync(IAwsConfigClient client, RegionDeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        var names = plan.Rules.Select(r => r.EvaluatedRuleName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in names.Chunk(MaxRulesPerEvaluation))
        {
            try
            {
                await client.StartConfigRulesEvaluationAsync(new StartConfigRulesEvaluationRequest { ConfigRuleNames = batch }, cancellationToken).ConfigureAwait(false);
                _log.Information("{Region}: evaluation started for {Count} rules", plan.Region, batch.Length);
            }
            catch (AwsConfigException error) when (error.ErrorCode == "LimitExceededException")
            {
                _log.Warning("{Region}: an evaluation is already running for some of {Count} rules; not started again ({Message})", plan.Region, batch.Length, error.ServiceMessage);
            }
        }
    }

    /// <summary>One JSON line per PutConfigRule the plan would send: what --dry-run prints.</summary>
    public static IEnumerable<string> DryRunLines(RegionDeploymentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Rules.Where(r => r.NeedsPut).Select(r => JsonSerializer.Serialize(
            new PlannedPut(plan.Region, r.Action.ToString().ToLowerInvariant(), new PutConfigRuleRequest { ConfigRule = r.Desired }),
            DryRunJson));
    }

    private void LogDecision(string region, PlannedRule planned)
    {
        switch (planned.Action)
        {
            case RuleAction.Create:
                _log.Information("{Region}: {Rule} ({Identifier}) will be created", region, planned.Rule.Name, planned.Rule.Identifier);
                break;
            case RuleAction.Update:
                _log.Information("{Region}: {Rule} ({Identifier}) differs from the catalog and will be updated", region, planned.Rule.Name, planned.Rule.Identifier);
                break;
            case RuleAction.Unchanged:
                _log.Information("{Region}: {Rule} ({Identifier}) already deployed as is, left alone", region, planned.Rule.Name, planned.Rule.Identifier);
                break;
            case RuleAction.Covered:
                _log.Information("{Region}: {Identifier} already runs as {Existing}, left alone", region, planned.Rule.Identifier, planned.ExistingRuleName);
                break;
            case RuleAction.NameTaken:
                _log.Warning("{Region}: a rule named {Rule} runs another identifier than {Identifier}; left alone", region, planned.Rule.Name, planned.Rule.Identifier);
                break;
        }
    }

    private static int Count(RegionDeploymentPlan plan, RuleAction action) => plan.Rules.Count(r => r.Action == action);
}

/// <summary>A dry-run line: the region, create or update, and the request body (usable with --cli-input-json).</summary>
public sealed record PlannedPut(string Region, string Action, PutConfigRuleRequest PutConfigRule);

[JsonSerializable(typeof(PlannedPut))]
internal sealed partial class DeploymentJson : JsonSerializerContext;
