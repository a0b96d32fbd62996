namespace Mailing.Sample.Web;

/// <summary>Where the started app listens, for the links it prints and the inbox check.</summary>
public static class SiteAddress
{
    // An app hosted in memory (ASP.NET's TestServer) may report no address at all; its clients
    // use http://localhost/, so that is where the links point.
    private const string InMemoryHost = "http://localhost/";

    public static Uri Of(WebApplication app)
    {
        var address = app.Urls.FirstOrDefault() ?? InMemoryHost;
        address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
