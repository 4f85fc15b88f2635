using System.CommandLine;
using System.Text.Json;
using CloudPI.Controls;
using CloudPI.Controls.Frameworks;

namespace CloudPI.Commands;

/// <summary><c>cloudpi controls list</c>: the control catalog with every other tool's name for each control and the framework requirements it checks.</summary>
public static class ControlsCommand
{
    public enum ListFormat
    {
        Md,
        Json,
    }

    public static Command Create()
    {
        var format = new Option<ListFormat>("--format") { Description = "md (a Markdown table, default) or json.", DefaultValueFactory = _ => ListFormat.Md };
        var list = new Command("list", "List every control: id, severity, service, title, AWS Config, Security Hub, Prowler and Checkov ids, CIS/FSBP requirements.") { format };
        list.SetHandler((parseResult, context) =>
        {
            var catalog = ControlCatalog.Default;
            var requirements = ComplianceFrameworks.Requirements(catalog);
            if (parseResult.GetValue(format) == ListFormat.Json)
            {
                WriteJson(catalog, requirements, context.Output);
            }
            else
            {
                WriteMarkdown(catalog, requirements, context.Output);
            }

            return ExitCodes.Success;
        });
        return new Command("controls", "The control catalog.") { list };
    }

    private static void WriteMarkdown(ControlCatalog catalog, IReadOnlyList<FrameworkRequirement> requirements, TextWriter output)
    {
        output.WriteLine("| Control | Severity | Service | Title | AWS Config | Security Hub | Prowler | Checkov | Frameworks |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var control in catalog.Controls)
        {
            var m = control.Mappings;
            output.WriteLine(
                $"| `{control.Id}` | {control.Severity.ToString().ToUpperInvariant()} | {control.Service} | {control.Title.Replace("|", "\\|", StringComparison.Ordinal)} | "
                + $"{Join(m.ConfigRuleIdentifiers)} | {Join(m.SecurityHubControls)} | {Join(m.ProwlerChecks)} | {Join(m.CheckovIds)} | "
                + $"{Join(ComplianceFrameworks.RequirementsOf(control, requirements).Select(Label))} |");
        }
    }

    private static void WriteJson(ControlCatalog catalog, IReadOnlyList<FrameworkRequirement> requirements, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var control in catalog.Controls)
            {
                var m = control.Mappings;
                json.WriteStartObject();
                json.WriteString("id", control.Id);
                json.WriteString("title", control.Title);
                json.WriteString("severity", control.Severity.ToString().ToUpperInvariant());
                json.WriteString("service", control.Service);
                json.WriteString("risk", control.Risk.ToString());
                Strings(json, "resourceTypes", control.ResourceTypes);
                Strings(json, "configRuleIdentifiers", m.ConfigRuleIdentifiers);
                Strings(json, "configRuleNames", m.ConfigRuleNames);
                Strings(json, "securityHubControls", m.SecurityHubControls);
                Strings(json, "prowlerChecks", m.ProwlerChecks.Concat(m.ProwlerLegacyChecks));
                Strings(json, "checkovIds", m.CheckovIds);
                json.WriteStartArray("frameworks");
                foreach (var requirement in ComplianceFrameworks.RequirementsOf(control, requirements))
                {
                    json.WriteStartObject();
                    json.WriteString("framework", requirement.Framework);
                    json.WriteString("requirement", requirement.Id);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("remediation", control.Remediation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Label(FrameworkRequirement requirement) =>
        requirement.Framework == ComplianceFrameworks.Fsbp ? $"FSBP {requirement.Id}" : $"CIS {requirement.Framework[(requirement.Framework.LastIndexOf(' ') + 1)..]} {requirement.Id}";

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
