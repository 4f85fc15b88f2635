using CloudPI.Controls;
using CloudPI.GraphChecks;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;

namespace CloudPI.Catalog.Tests;

/// <summary>
/// The catalog's promise: one control, one meaning. Every control that has an evaluator has shared cases, and each
/// case gives the same verdict on every evaluator that can express it.
/// </summary>
public sealed class CrossEvaluatorTests
{
    private static readonly IReadOnlyDictionary<string, IControlCases> CasesByControl = typeof(CrossEvaluatorTests).Assembly.GetTypes()
        .Where(t => typeof(IControlCases).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (IControlCases)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.ControlId, StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> GraphEvaluated = GraphCheckCatalog.All.Select(c => c.Control.Id).ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> PulumiEvaluated = IacChecks.All.SelectMany(c => c.Controls).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> EvaluatedControls => new(GraphEvaluated.Union(PulumiEvaluated).Order(StringComparer.Ordinal));

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
    }

    [Fact]
    public void Every_set_of_cases_belongs_to_an_evaluated_control() =>
        Assert.All(CasesByControl.Keys, id => Assert.True(GraphEvaluated.Contains(id) || PulumiEvaluated.Contains(id), $"cases for {id}, which no evaluator decides"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_evaluator_reaches_the_expected_verdict(string controlId, string caseName)
    {
        var @case = CasesByControl[controlId].Cases.Single(c => c.Name == caseName);
        Assert.True(@case.Graph is not null || @case.Pulumi is not null, $"{controlId} / {caseName} is written for no evaluator");
        if (@case.Graph is not null)
        {
            Assert.Equal(@case.Expected, GraphVerdict(controlId, @case));
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
