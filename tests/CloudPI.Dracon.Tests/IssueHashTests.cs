using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

public class IssueHashTests
{
    [Fact]
    public void Upstream_golden_vector_and_the_ref_suffix_does_not_matter()
    {
        var issue = new Issue
        {
            Target = "pkg:golang/github.com/coreos/etcd@0.5.0-alpha.5",
            Type = "Vulnerable Dependency",
            Title = "[CVE-2018-1099]  Improper Input Validation",
            Source = "git.foo.com/repo.git?ref=" + new string('a', 41),
            Severity = Severity.Medium,
            Cvss = 5.5,
            Confidence = Confidence.High,
            Description = "CVSS Score: 5.5\nCvssVector: CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:N\nCve: CVE-2018-1099\nCwe: \n"
                + "Reference: https://ossindex.sonatype.org/vuln/8a190129-526c-4ee0-b663-92f38139c165\n",
            Cve = "123-321",
        };
        const string golden = "a551cc3e4c52124f3769a26d43b9b57bc5667d4ddd9689c6432f9144fbec305b";

        Assert.Equal(golden, IssueHash.Compute(issue));
        issue.Source = "git.foo.com/repo.git?ref=other";
        Assert.Equal(golden, IssueHash.Compute(issue));
    }

    [Fact]
    public void Constructed_cloud_vector()
    {
        Assert.Equal("705f4c6bac768d1fdfd0d759649aee38307e1edfdd3265236be6186bd9f4c6fc", IssueHash.Compute(Issues.SshIssue()));
    }

    [Fact]
    public void Uuid_cwe_and_context_are_not_hashed_but_severity_is()
    {
        var issue = Issues.SshIssue();
        var before = IssueHash.Compute(issue);
        issue.Uuid = "scan:1";
        issue.Cwe.Add(284);
        issue.ContextSegment = "x";
        Assert.Equal(before, IssueHash.Compute(issue));

        issue.Severity = Severity.Critical;
        Assert.NotEqual(before, IssueHash.Compute(issue));
    }

    [Fact]
    public void Unknown_enum_number_hashes_as_its_decimal_like_go()
    {
        var issue = Issues.SshIssue();
        issue.Severity = (Severity)9;
        var text = issue.Target + issue.Type + issue.Title + "unknown" + "9" + "0.000000" + "CONFIDENCE_UNSPECIFIED";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, IssueHash.Compute(issue));
    }
}
