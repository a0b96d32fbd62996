namespace Mailing.DevInbox.Tests.Browser;

/// <summary>The browser tests share one chromium and run one at a time: the machine's cores are shared too.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "Browser";
}
