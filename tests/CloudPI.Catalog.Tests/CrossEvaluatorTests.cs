using CloudPI.Controls;
using CloudPI.Enrichers;
using CloudPI.Exploitability.Conditions;
using CloudPI.Exploitability.Criticality;
using CloudPI.GraphChecks;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;

namespace CloudPI.Catalog.Tests;

/// <summary>
/// The catalog's promise: one control, one meaning. Every control that has an evaluator (graph, Pulumi, its own exploit
/// condition) has shared cases, every risk kind's shared exploit condition the evaluated controls rely on has cases,
/// and each case gives the same verdict on every evaluator that can express it.
/// </summary>
public sealed class CrossEvaluatorTests
{
    private static readonly IReadOnlyDictionary<string, IControlCases> CasesByControl = typeof(CrossEvaluatorTests).Assembly.GetTypes()
        .Where(t => typeof(IControlCases).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IControlCases)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.ControlId, StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> GraphEvaluated = GraphCheckCatalog.All.Select(c => c.Control.Id).ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> PulumiEvaluated = IacChecks.All.SelectMany(c => c.Controls).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> OwnExploitCondition = ExploitConditionCatalog.ControlsWithOwnCondition.ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> EvaluatedControls => new(GraphEvaluated.Union(PulumiEvaluated).Union(OwnExploitCondition).Order(StringComparer.Ordinal));

    /// <summary>The risk kinds whose shared exploit condition judges the findings of a control some evaluator decides.</summary>
    public static TheoryData<RiskKind> SharedExploitConditions => new(GraphEvaluated.Union(PulumiEvaluated)
        .Where(id => !OwnExploitCondition.Contains(id))
        .Select(id => ControlCatalog.Default.Resolve(id)!.Risk)
        .Distinct()
        .Order());

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (control, name) in CasesByControl.Values.SelectMany(c => c.Cases.Select(@case => (c.ControlId, @case.Name))).OrderBy(c => c.ControlId, StringComparer.Ordinal))
            {
                data.Add(control, name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EvaluatedControls))]
    public void Every_evaluator_of_a_control_has_failing_and_passing_shared_cases(string controlId)
    {
        Assert.True(ControlCatalog.Default.Resolve(controlId)?.Id == controlId, $"{controlId} is not a catalog control");
        Assert.True(CasesByControl.TryGetValue(controlId, out var cases), $"{controlId} has an evaluator but no shared cases in its catalog folder");
        if (GraphEvaluated.Contains(controlId))
        {
            AssertBothVerdicts(controlId, "Cartography graph", cases.Cases.Where(c => c.Graph is not null));
        }

        if (PulumiEvaluated.Contains(controlId))
        {
            AssertBothVerdicts(controlId, "Pulumi", cases.Cases.Where(c => c.Pulumi is not null));
        }

        if (OwnExploitCondition.Contains(controlId))
        {
            var statuses = cases.Cases.Select(c => c.Exploitable).OfType<ExploitabilityStatus>().ToHashSet();
            Assert.True(statuses.Contains(ExploitabilityStatus.NotExploitable) && statuses.Count > 1,
                $"{controlId} has its own exploit condition but no exploitability cases where it holds and where it does not");
        }
    }

    [Theory]
    [MemberData(nameof(SharedExploitConditions))]
    public void Every_shared_exploit_condition_in_use_has_cases(RiskKind risk) =>
        Assert.True(
            CasesByControl.Values.Any(c => !OwnExploitCondition.Contains(c.ControlId) && ControlCatalog.Default.Resolve(c.ControlId)!.Risk == risk && c.Cases.Any(@case => @case.Exploitable is not null)),
            $"no control judged by the shared {risk} exploit condition has exploitability cases");

    [Fact]
    public void Every_set_of_cases_belongs_to_an_evaluated_control() =>
        Assert.All(CasesByControl.Keys, id => Assert.True(GraphEvaluated.Contains(id) || PulumiEvaluated.Contains(id) || OwnExploitCondition.Contains(id), $"cases for {id}, which no evaluator decides"));

    [Fact]
    public void A_subgraph_of_a_control_no_graph_check_decides_is_there_for_its_exploitability() =>
        Assert.All(CasesByControl.Values.Where(c => !GraphEvaluated.Contains(c.ControlId)).SelectMany(c => c.Cases.Select(@case => (c.ControlId, Case: @case))),
            c => Assert.True(c.Case.Graph is null || c.Case.Exploitable is not null, $"{c.ControlId} / {c.Case.Name}: a subgraph no evaluator judges"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_evaluator_reaches_the_expected_verdict(string controlId, string caseName)
    {
        var @case = CasesByControl[controlId].Cases.Single(c => c.Name == caseName);
        Assert.True(@case.Graph is not null || @case.Pulumi is not null, $"{controlId} / {caseName} is written for no evaluator");
        if (@case.Graph is not null && GraphEvaluated.Contains(controlId))
        {
            Assert.Equal(@case.Expected, GraphVerdict(controlId, @case));
        }

        if (@case.Exploitable is { } exploitable)
        {
            Assert.Equal(exploitable, ExploitabilityVerdict(controlId, @case));
        }

        if (@case.Pulumi is not null)
        {
            Assert.Equal(@case.Expected, PulumiVerdict(controlId, @case));
        }
    }

    private static void AssertBothVerdicts(string controlId, string evaluator, IEnumerable<ControlCase> cases)
    {
        var verdicts = cases.Select(c => c.Expected).ToHashSet();
        Assert.True(verdicts.Contains(Expected.Fail) && verdicts.Contains(Expected.Pass), $"{controlId} needs a failing and a passing case written for the {evaluator} evaluator");
    }

    private static Expected GraphVerdict(string controlId, ControlCase @case)
    {
        var graph = @case.Graph!(new CartographyGraph()).Check();
        Assert.True(graph.View.Graph.TryFindById(@case.GraphResource, out _), $"the subgraph has no node {@case.GraphResource}");
        var findings = GraphCheckCatalog.Run(graph.View, graph.Engine);
        return findings.Any(f => f.Control.Id == controlId && f.Resource.Id == @case.GraphResource) ? Expected.Fail : Expected.Pass;
    }

    /// <summary>A finding of the control on the case's node, judged as the exploitability enricher judges it: the
    /// reachability of the control's traffic (the most exposed when it has several), then the exploit condition.</summary>
    private static ExploitabilityStatus ExploitabilityVerdict(string controlId, ControlCase @case)
    {
        Assert.True(@case.Graph is not null, $"{controlId} / {@case.Name}: an exploitability expectation needs a subgraph");
        var graph = @case.Graph!(new CartographyGraph()).Check();
        var control = ControlCatalog.Default.Resolve(controlId)!;
        var resource = graph.Node(@case.GraphResource);
        var reach = new ReachabilityAnnotator(graph.Engine).Evaluate(new ResolvedIssue(new Ocurity.Dracon.V1.Issue { Type = controlId }, control, resource));
        return new ExploitabilityAnalyzer(graph.View, CriticalityRules.BuiltIn).Assess(new FindingContext(control, control.Severity, resource, reach)).Status;
    }

    private static Expected PulumiVerdict(string controlId, ControlCase @case)
    {
        var stack = @case.Pulumi!(new PreviewBuilder()).Build();
        var results = IacChecks.All.Where(check => check.Controls.Any(c => c.Id == controlId))
            .SelectMany(check => check.Evaluate(stack, PolicyConfig.Default.Parameters(check)))
            .Where(r => r.Control.Id == controlId && r.Resource.Name == @case.PulumiResource)
            .ToList();
        Assert.True(results.Count > 0, $"no Pulumi verdict on {@case.PulumiResource}");
        Assert.DoesNotContain(results, r => r.Verdict == Verdict.Unknown);
        return results.Any(r => r.Verdict == Verdict.Fail) ? Expected.Fail : Expected.Pass;
    }
}
