using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Vpc;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// Every VPC has a flow log (stack-level): a FlowLog whose <c>vpcId</c> refers to it and records an accepted
/// traffic type. The sample only looked at FlowLog resources, so a VPC without any was never reported.
/// Subnet and ENI flow logs do not count.
/// </summary>
public sealed class VpcFlowLogsEnabledCheck() : IacCheck(VpcFlowLogsEnabled.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new VpcFlowLogsEnabledCheck());

    public override int Position => 4;

    private const string FlowLog = "aws:ec2/flowLog:FlowLog";
    private const string AcceptedTrafficTypes = "acceptedTrafficTypes";

    public override IReadOnlyList<CheckParameter> Parameters { get; } =
    [
        CheckParameter.List(AcceptedTrafficTypes, "Traffic types a flow log must record to count (Prowler: any; CIS/EC2.6: REJECT; the sample: ALL).", ["ALL", "REJECT"], ["ALL", "ACCEPT", "REJECT"]),
    ];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parameters);
        var accepted = parameters.StringList(AcceptedTrafficTypes);
        foreach (var vpc in stack.OfType(AwsTypes.Vpc, AwsTypes.DefaultVpc))
        {
            var logs = RelatedResources.Find(stack, vpc, "vpcId", FlowLog);
            var recording = logs.Linked.FirstOrDefault(l => l.Property("trafficType").String is { } t && accepted.Contains(t, StringComparer.OrdinalIgnoreCase));
            var undecidedTraffic = logs.Linked.FirstOrDefault(l => l.Property("trafficType").IsUnknown);
            if (recording is not null)
            {
                yield return Pass(vpc, $"flow log {recording.Name} records {recording.Property("trafficType").String} traffic");
            }
            else if (undecidedTraffic is not null)
            {
                yield return Unknown(vpc, "trafficType", $"flow log {undecidedTraffic.Name}'s trafficType is not known before deployment");
            }
            else if (logs.AnyUndecided)
            {
                yield return Unknown(vpc, "vpcId", $"flow log {logs.Undecided[0].Name}'s vpcId is not known before deployment and the input records no dependencies");
            }
            else if (logs.Any)
            {
                var log = logs.Linked[0];
                yield return Fail(vpc, "trafficType", $"flow log {log.Name} records {log.Property("trafficType").String ?? "no"} traffic; accepted: {string.Join(", ", accepted)}");
            }
            else if (MayHaveUnlistedReferrers(stack, vpc))
            {
                yield return Unknown(vpc, string.Empty, UnlistedResources);
            }
            else
            {
                yield return Fail(vpc, string.Empty, "no flow log records this VPC's traffic");
            }
        }
    }
}
