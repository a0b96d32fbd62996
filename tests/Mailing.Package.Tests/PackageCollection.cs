namespace Mailing.Package.Tests;

/// <summary>Every test shares one packed package; packing and building twice would only cost time.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed Mailing package";
}
