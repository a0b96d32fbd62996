namespace Mailing.DevInbox.Web;

/// <summary>The body of <c>GET</c> and <c>PUT /api/chaos</c>; <see cref="Enabled"/> false is chaos off.</summary>
internal sealed record ChaosState(bool Enabled, string? Step, int? Code, double? Rate);
