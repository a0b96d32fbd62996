namespace Mailing;

/// <summary>
/// Marks the member of a template class that holds an optional <c>mailto:</c> unsubscribe address (a <see cref="Uri"/> or
/// <see cref="string"/> such as <c>mailto:unsubscribe@shop.example?subject=unsubscribe</c>), sent in
/// <c>List-Unsubscribe</c> after the https link for mail clients that unsubscribe by email.
/// </summary>
/// <remarks>
/// Only together with a member marked <see cref="UnsubscribeUrlAttribute"/>: Gmail and Yahoo require the https one-click
/// link of bulk mail, the mailto address is an extra. A <see langword="null"/> value sends the link alone.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class UnsubscribeMailtoAttribute : Attribute
{
}
