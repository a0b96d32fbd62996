namespace Mailing.Benchmarks.Templates;

public sealed record ReceiptCustomer(string FirstName, string Email);
