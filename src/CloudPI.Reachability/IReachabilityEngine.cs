using CloudPI.Controls;
using CloudPI.Graph;

namespace CloudPI.Reachability;

/// <summary>Decides whether the internet can reach a resource with some traffic, and shows why.</summary>
public interface IReachabilityEngine
{
    /// <summary>
    /// The verdict for <paramref name="resource"/> (an instance, ENI, ECS task or container, balancer, RDS instance,
    /// Redshift or EKS cluster, Lambda function, or a security group through its members) and the traffic
    /// <paramref name="port"/>; null or <see cref="NetworkExposure.AnyTraffic"/> asks about any traffic and lists
    /// the ports found open. Configuration objects with no network presence of their own are judged by the running
    /// resources they belong to, the path going through that resource to the object: an EBS volume by the instances
    /// it is attached to, an ECS task definition by the tasks that run it, an ECS service by its tasks, an
    /// auto-scaling group by its instances, a launch template or launch configuration by the instances of the
    /// auto-scaling groups that launch from it, an RDS/Aurora cluster by its member instances. With none, the object
    /// exposes nothing.
    /// </summary>
    ReachabilityResult Evaluate(GraphNode resource, NetworkExposure? port);
}
