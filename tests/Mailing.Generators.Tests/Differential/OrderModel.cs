namespace Mailing.Generators.Tests.Differential;

/// <summary>The model every differential template binds to, as C# source compiled with the templates.</summary>
internal static class OrderModel
{
    public const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        namespace Shop {

        public enum OrderStatus { Pending, Shipped, Delivered }

        public sealed record Customer(string FirstName, string LastName, string? Nickname, int LoyaltyPoints, bool IsVip);

        public sealed record Address(string Street, string City, string? Region);

        public sealed record LineItem(string Name, int Quantity, decimal Price, double Weight, string? Note);

        public class OrderModel
        {
            public string Number { get; set; } = "";
            public Customer Customer { get; set; } = new("", "", null, 0, false);
            public Address? ShippingAddress { get; set; }
            public List<LineItem> Items { get; set; } = new();
            public IReadOnlyList<string> Tags { get; set; } = Array.Empty<string>();
            public int[] Scores { get; set; } = Array.Empty<int>();
            public decimal Total { get; set; }
            public decimal? Discount { get; set; }
            public double Ratio { get; set; }
            public int Count { get; set; }
            public long BigNumber { get; set; }
            public int? OptionalCount { get; set; }
            public bool IsGift { get; set; }
            public bool? Confirmed { get; set; }
            public DateTime PlacedAt { get; set; }
            public DateTimeOffset? ShippedAt { get; set; }
            public OrderStatus Status { get; set; }
            public string? Message { get; set; }
            public string Notes { get; set; } = "";
            public IReadOnlyDictionary<string, string?> Metadata { get; set; } = new Dictionary<string, string?>();
            public IDictionary<string, int>? Quotas { get; set; }
            public List<LineItem>? Backorders { get; set; }
            public IList<string> Labels { get; set; } = new List<string>();
            public Dictionary<string, LineItem> ItemsBySku { get; set; } = new();
            public IReadOnlyList<decimal?> Adjustments { get; set; } = Array.Empty<decimal?>();

            public static void Fill(OrderModel m, bool hostile)
            {
                var evil = hostile ? "<script>alert('x')</script> & \"quotes\" — Zoë 🎉" : "Zoe Smith";
                m.Number = hostile ? "A&B-<1001>" : "A-1001";
                m.Customer = new Customer(hostile ? "Ann <b>" : "Ann", hostile ? "O'Neil" : "ONeil", hostile ? evil : null, 1250, true);
                m.ShippingAddress = new Address("1 Main St", "Springfield", null);
                m.Items = new List<LineItem>
                {
                    new("Widget", 2, 9.99m, 0.25, null),
                    new(hostile ? "Gadget \"Pro\"" : "Gadget Pro", 1, 1234.50m, 1.5, "fragile"),
                    new("Thing", 10, 0.10m, 0.1, hostile ? "a<b" : "ab"),
                };
                m.Tags = new[] { "new", hostile ? "<tag>" : "tag", "sale" };
                m.Scores = new[] { 3, 1, 4 };
                m.Total = 1254.19m;
                m.Discount = 12.50m;
                m.Ratio = 0.1;
                m.Count = 7;
                m.BigNumber = 3_000_000_000L;
                m.OptionalCount = null;
                m.IsGift = true;
                m.Confirmed = null;
                m.PlacedAt = new DateTime(2024, 3, 5, 14, 7, 9);
                m.ShippedAt = new DateTimeOffset(2024, 3, 7, 9, 30, 0, TimeSpan.Zero);
                m.Status = OrderStatus.Shipped;
                m.Message = hostile ? evil : null;
                m.Notes = hostile ? "first <line>\nsecond & line\n" : "first line\nsecond line\n";
                m.Metadata = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["plan"] = hostile ? "<b>Pro</b> & \"co\"" : "Pro",
                    ["region"] = "eu",
                    ["empty"] = null,
                };
                // A key named like a member: Scriban reads quotas.size as the key, not the count.
                m.Quotas = new Dictionary<string, int> { ["seats"] = 5, ["size"] = 42 };
                m.Backorders = null;
                m.Labels = new List<string> { "red", hostile ? "<green>" : "green" };
                m.ItemsBySku = new Dictionary<string, LineItem> { ["W-1"] = m.Items[0], ["G-2"] = m.Items[1] };
                m.Adjustments = new List<decimal?> { 1.50m, null, -2m };
            }
        }
        }
        """;
}
