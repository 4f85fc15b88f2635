namespace CloudPI.AwsConfig.Tests.Support;

/// <summary>The moto tests of this assembly share one moto_server (xunit needs the definition in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
