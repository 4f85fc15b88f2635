using CloudPI.Controls;
using CloudPI.Graph;

namespace CloudPI.Analysis.Reachability;

/// <summary>Decides whether the internet can reach a resource with some traffic, and shows why.</summary>
public interface IReachabilityEngine
{
    /// <summary>
    /// The verdict for <paramref name="resource"/> (an instance, ENI, ECS task or container, balancer, RDS instance,
    /// Redshift or EKS cluster, Lambda function, or a security group through its members) and the traffic
    /// <paramref name="port"/>; null or <see cref="NetworkExposure.AnyTraffic"/> asks about any traffic and lists
    /// the ports found open.
    /// </summary>
    ReachabilityResult Evaluate(GraphNode resource, NetworkExposure? port);
}
