using System.Globalization;
using Mailing.Sample.Web.Emails;

namespace Mailing.Sample.Web.Tests;

/// <summary>What each sample email must say, independent of its markup: the facts a reader relies on.</summary>
public sealed class SampleEmailContentTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo American = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void Receipt_totals_add_up_and_the_discount_row_appears_only_with_a_discount()
    {
        var receipt = SampleEmails.OrderReceipt();
        var html = receipt.Render(American).Html;
        var expectedTotal = receipt.Order.Lines.Sum(line => line.UnitPrice * line.Quantity) - receipt.Order.Discount + receipt.Order.Shipping;

        Assert.Contains(expectedTotal.ToString("C", American), html, StringComparison.Ordinal);
        Assert.Contains("Discount", html, StringComparison.Ordinal);

        var withoutDiscount = new OrderReceiptEmail { Brand = receipt.Brand, FirstName = receipt.FirstName, ActionUrl = receipt.ActionUrl, Order = receipt.Order with { Discount = 0 } };
        Assert.DoesNotContain("Discount", withoutDiscount.Render(American).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_is_escaped_in_html_and_kept_as_is_in_text()
    {
        var email = SampleEmails.OrderReceipt().Render(American);

        Assert.Contains("Milk jug &lt;steel&gt; &amp; &quot;barista&quot; edition", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<steel>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Milk jug <steel> & \"barista\" edition", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_formats_money_and_dates_in_the_recipients_culture()
    {
        var digest = SampleEmails.WeeklyDigest();

        var german = digest.Render(German).Html;
        var american = digest.Render(American).Html;

        Assert.Contains(digest.Revenue.ToString("C", German), german, StringComparison.Ordinal);
        Assert.Contains(digest.Revenue.ToString("C", American), american, StringComparison.Ordinal);
        Assert.Contains(German.DateTimeFormat.GetDayName(digest.WeekStarting.DayOfWeek), german, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_leaves_out_empty_sections()
    {
        var digest = SampleEmails.WeeklyDigest();
        var html = digest.Render(American).Html;

        Assert.All(digest.Sections.Where(section => section.Items.Count > 0), section => Assert.Contains(section.Title, html, StringComparison.Ordinal));
        Assert.All(digest.Sections.Where(section => section.Items.Count == 0), section => Assert.DoesNotContain(section.Title, html, StringComparison.Ordinal));
    }

    [Fact]
    public void Password_reset_states_how_long_the_link_is_valid_in_both_parts()
    {
        var reset = SampleEmails.PasswordReset();
        var email = reset.Render(American);

        Assert.Contains(reset.ActionUrl.ToString(), email.Text, StringComparison.Ordinal);
        Assert.Contains($"{reset.ValidForMinutes} minutes", email.Html, StringComparison.Ordinal);
        Assert.Contains($"{reset.ValidForMinutes} minutes", email.Text, StringComparison.Ordinal);
        Assert.Contains(reset.RequestedFrom, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("welcome")]
    [InlineData("password-reset")]
    [InlineData("order-receipt")]
    [InlineData("weekly-digest")]
    public void Every_email_is_inlined_and_references_the_inline_logo(string name)
    {
        var html = SampleEmails.Find(name)!.Create().Render(American).Html;

        Assert.Contains("src=\"cid:logo\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("style=\"", html, StringComparison.Ordinal);
    }
}
