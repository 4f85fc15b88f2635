using CloudPI.Controls;
using CloudPI.Dracon.Producers;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

public sealed class ControlIssuesTests
{
    private static Control Ssh => ControlCatalog.Default.Resolve("restricted-ssh")!;

    [Fact]
    public void A_failure_takes_type_title_and_severity_from_the_catalog_and_the_producers_target_and_description()
    {
        var issue = ControlIssues.Failed(Ssh, "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1", "sg-1 admits tcp/22 from 0.0.0.0/0");

        Assert.Equal(
            new Issue
            {
                Target = "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1",
                Type = "restricted-ssh",
                Title = "Security group allows SSH from the internet",
                Severity = Severity.High,
                Confidence = Confidence.High,
                Description = "sg-1 admits tcp/22 from 0.0.0.0/0",
            },
            issue);
    }

    [Fact]
    public void An_undecided_result_is_info_with_low_confidence_and_says_why_in_its_title()
    {
        var issue = ControlIssues.Undecided(Ssh, "urn:sg", "undecided before deployment", "d");

        Assert.Equal(("restricted-ssh", "Security group allows SSH from the internet (undecided before deployment)", Severity.Info, Confidence.Low),
            (issue.Type, issue.Title, issue.Severity, issue.Confidence));
    }

    [Fact]
    public void A_resolving_change_is_info_with_its_own_title()
    {
        var issue = ControlIssues.Resolved(Ssh, "urn:sg", "The change closes a path from the internet", "d");

        Assert.Equal(("restricted-ssh", "The change closes a path from the internet", Severity.Info, Confidence.High, "urn:sg"),
            (issue.Type, issue.Title, issue.Severity, issue.Confidence, issue.Target));
    }

    [Theory]
    [InlineData(ControlSeverity.Info, Severity.Info)]
    [InlineData(ControlSeverity.Low, Severity.Low)]
    [InlineData(ControlSeverity.Medium, Severity.Medium)]
    [InlineData(ControlSeverity.High, Severity.High)]
    [InlineData(ControlSeverity.Critical, Severity.Critical)]
    public void Catalog_severities_map_to_dracons_by_name(ControlSeverity control, Severity dracon) =>
        Assert.Equal(dracon, ControlIssues.Severity(control));
}
