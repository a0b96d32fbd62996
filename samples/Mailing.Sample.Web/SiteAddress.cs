namespace Mailing.Sample.Web;

/// <summary>Where the started app listens, for the links it prints and the inbox check.</summary>
public static class SiteAddress
{
    public static Uri Of(WebApplication app)
    {
        var address = app.Urls.First().Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
