using System.CommandLine;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Producers;
using CloudPI.Iac;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using CloudPI.Iac.Output;
using CloudPI.Iac.Reading;

namespace CloudPI.Commands.Producers;

/// <summary>
/// <c>cloudpi producer pulumi</c>: the preventive gate. Reads a Pulumi preview, stack export or engine-event stream,
/// runs the 13 checks, writes Dracon/SARIF/CloudWatch outputs, then exits 1 when a mandatory check failed and 3 when
/// the preview itself failed or is incomplete.
/// </summary>
public static class PulumiProducerCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in", "-in") { Description = "pulumi preview --json (ideally --show-sames), pulumi stack export, or streaming engine events.", Required = true };
        var output = new Option<string?>("--out", "-out") { Description = "The Dracon LaunchToolResponse (.pb) to write." };
        var append = new Option<bool>("--append", "-append") { Description = "Add the issues to an existing -out file." };
        var policyConfig = new Option<string?>("--policy-config") { Description = "CrossGuard policy-config JSON: levels and parameters per check, over the --enforcement preset (see README)." };
        var enforcement = new Option<string>("--enforcement")
        {
            Description = "Levels before --policy-config: mandatory (default: any failing check blocks) or recommended (only internet exposure blocks).",
            DefaultValueFactory = _ => EnforcementPreset.Mandatory.Name,
        };
        enforcement.AcceptOnlyFromAmong([.. EnforcementPreset.All.Select(p => p.Name)]);
        var metricsOut = new Option<string?>("--metrics-out") { Description = "CloudWatch put-metric-data JSON; split into FILE.2.json, ... beyond 1000 datums or 1 MB." };
        var metricsNamespace = new Option<string>("--metrics-namespace")
        {
            Description = "The CloudWatch namespace to use with the metrics file.",
            DefaultValueFactory = _ => CloudWatchMetrics.DefaultNamespace,
        };
        var sarifOut = new Option<string?>("--sarif-out") { Description = "SARIF 2.1.0 report (GitHub code scanning)." };
        var projectDir = new Option<string>("--project-dir")
        {
            Description = "The Pulumi project's directory (holding Pulumi.yaml) relative to the repository root: SARIF locations are given from the root.",
            DefaultValueFactory = _ => ".",
        };
        var failOnUnknown = new Option<bool>("--fail-on-unknown") { Description = "Treat undecided (unknown before deployment) mandatory checks as failures." };
        var command = new Command("pulumi", "Preventive checks on a Pulumi preview: Dracon issues, SARIF, CloudWatch metrics, and a CI gate (exit 1 on mandatory failures, 3 on a failed or incomplete preview).")
        {
            input, output, append, policyConfig, enforcement, metricsOut, metricsNamespace, sarifOut, projectDir, failOnUnknown,
        };
        command.SetHandler((parseResult, context) =>
        {
            var namespaceProblem = CloudWatchMetrics.NamespaceProblem(parseResult.GetRequiredValue(metricsNamespace));
            if (namespaceProblem is not null)
            {
                throw new UsageException($"--metrics-namespace {namespaceProblem}");
            }

            return Run(
                new PulumiProducerSettings(parseResult.GetRequiredValue(input))
                {
                    OutPath = parseResult.GetValue(output),
                    Append = parseResult.GetValue(append),
                    PolicyConfigPath = parseResult.GetValue(policyConfig),
                    Enforcement = EnforcementPreset.Find(parseResult.GetRequiredValue(enforcement))!, // the parser accepted only preset names
                    MetricsOut = parseResult.GetValue(metricsOut),
                    MetricsNamespace = parseResult.GetRequiredValue(metricsNamespace),
                    SarifOut = parseResult.GetValue(sarifOut),
                    Project = Project(parseResult.GetRequiredValue(projectDir)),
                    FailOnUnknown = parseResult.GetValue(failOnUnknown),
                },
                context);
        });
        return command;
    }

    /// <summary>The gate's work, as the command and <c>scan</c> run it: the exit code is the gate's verdict.</summary>
    public static int Run(PulumiProducerSettings settings, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var (config, evaluation) = Evaluate(settings.Input, settings.PolicyConfigPath, settings.Enforcement);
        var strict = settings.FailOnUnknown;

        // Everything is computed before anything is written, so a failure leaves no partial set of outputs.
        var sarif = settings.SarifOut is null ? null : SarifLog.Write(evaluation, EvaluatedControls(config), settings.Project);
        var metrics = settings.MetricsOut is null
            ? null
            : CloudWatchMetrics.Chunks(CloudWatchMetrics.Data(evaluation, CommitAuthor.FromEnvironment()), DateTimeOffset.UtcNow);

        if (settings.OutPath is { } outPath)
        {
            new ProducerWriter().Write(DraconIssues.ToolName, DraconIssues.From(evaluation), outPath, settings.Append);
            context.Logger.Information("Wrote Dracon issues to {Path}", outPath);
        }

        if (sarif is not null)
        {
            AtomicFile.WriteAllBytes(settings.SarifOut!, sarif);
        }

        if (metrics is not null)
        {
            WriteMetrics(settings.MetricsOut!, metrics, settings.MetricsNamespace, context);
        }

        SummaryTable.Write(evaluation, context.Output, strict);
        return evaluation.Gate(strict) switch
        {
            GateVerdict.Incomplete => ExitCodes.IncompletePreview,
            GateVerdict.Blocked => ExitCodes.ChecksFailed,
            _ => ExitCodes.Success,
        };
    }

    private static (PolicyConfig Config, IacEvaluation Evaluation) Evaluate(string inputPath, string? configPath, EnforcementPreset preset)
    {
        var (config, stack) = Read(inputPath, configPath, preset);
        return (config, IacEvaluation.Run(stack, config));
    }

    /// <summary>The policy config over its preset, and the input; either being wrong is the caller's to fix (exit 2).</summary>
    internal static (PolicyConfig Config, IacStack Stack) Read(string inputPath, string? configPath, EnforcementPreset preset)
    {
        try
        {
            var config = configPath is null ? PolicyConfig.For(preset) : PolicyConfig.Load(configPath, preset);
            return (config, IacInputReader.ReadFile(inputPath));
        }
        catch (Exception ex) when (ex is IacFormatException or PolicyConfigException)
        {
            throw new UsageException(ex.Message);
        }
    }

    internal static ProjectDirectory Project(string path)
    {
        try
        {
            return ProjectDirectory.Parse(path);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--project-dir {ex.Message}");
        }
    }

    private static List<CloudPI.Controls.Control> EvaluatedControls(PolicyConfig config) =>
        IacChecks.All.SelectMany(c => c.Controls).Where(c => config.Level(c.Id) != EnforcementLevel.Disabled).ToList();

    private static void WriteMetrics(string path, IReadOnlyList<byte[]> chunks, string metricsNamespace, CommandContext context)
    {
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunkPath = CloudWatchMetrics.ChunkPath(path, i);
            AtomicFile.WriteAllBytes(chunkPath, chunks[i]);
            context.Logger.Information("Wrote {Path}: aws cloudwatch put-metric-data --namespace \"{Namespace}\" --metric-data file://{Path}", chunkPath, metricsNamespace, chunkPath);
        }

        // Chunks left over from an earlier, larger run would otherwise be sent again.
        for (var i = chunks.Count; File.Exists(CloudWatchMetrics.ChunkPath(path, i)); i++)
        {
            File.Delete(CloudWatchMetrics.ChunkPath(path, i));
        }
    }
}

/// <summary>One run of the preventive gate.</summary>
/// <param name="Input">The preview, stack export or engine-event stream.</param>
public sealed record PulumiProducerSettings(string Input)
{
    /// <summary>The Dracon producer file to write (none when null).</summary>
    public string? OutPath { get; init; }

    public bool Append { get; init; }

    /// <summary>CrossGuard policy configuration over <see cref="Enforcement"/>.</summary>
    public string? PolicyConfigPath { get; init; }

    public EnforcementPreset Enforcement { get; init; } = EnforcementPreset.Mandatory;

    public string? MetricsOut { get; init; }

    public string MetricsNamespace { get; init; } = CloudWatchMetrics.DefaultNamespace;

    public string? SarifOut { get; init; }

    /// <summary>The Pulumi project's directory relative to the repository root, for SARIF locations.</summary>
    public ProjectDirectory Project { get; init; } = ProjectDirectory.Parse(".");

    /// <summary>Undecided mandatory checks fail the gate.</summary>
    public bool FailOnUnknown { get; init; }
}
