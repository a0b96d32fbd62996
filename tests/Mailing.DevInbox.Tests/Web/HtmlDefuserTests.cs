using AngleSharp.Html.Parser;
using Mailing.DevInbox.Web;

namespace Mailing.DevInbox.Tests.Web;

/// <summary>What the html endpoint takes out of a message before the browser sees it.</summary>
public sealed class HtmlDefuserTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=\"https://t.example/f\"></iframe>")]
    [InlineData("<object data=\"https://t.example/o\"></object>")]
    [InlineData("<embed src=\"https://t.example/e\">")]
    [InlineData("<link rel=\"preconnect\" href=\"https://t.example\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://t.example\">")]
    [InlineData("<base href=\"https://t.example/\">")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>")]
    public void ElementsNoMailClientRunsOrLoads_AreRemoved_EvenWithRemoteImagesOn(string hostile)
    {
        var html = HtmlDefuser.Defuse($"<p id=\"kept\">text</p>{hostile}", remoteImages: true);

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("text", document.GetElementById("kept")?.TextContent);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, link, meta[http-equiv], base, set"));
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "alert(")]
    [InlineData("<a href=\"JaVa&#09;Script:alert(1)\">x</a>", "alert(")]
    [InlineData("<a href=\" &#10;javascript:alert(1)\">x</a>", "alert(")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "alert(")]
    [InlineData("<a href=\"https://shop.example/\" ping=\"https://t.example/ping\">x</a>", "t.example")]
    [InlineData("<p><img src=\"x\" onerror=\"alert(1)\" alt=\"\">x</p>", "alert(")]
    [InlineData("<body onload=\"alert(1)\">x</body>", "alert(")]
    [InlineData("<form><button formaction=\"javascript:alert(1)\">x</button></form>", "alert(")]
    public void ScriptingAttributes_AreRemoved(string hostile, string left)
    {
        var html = HtmlDefuser.Defuse(hostile, remoteImages: true);

        Assert.DoesNotContain(left, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">x<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=\"https://t.example/pixel.gif\" alt=\"\">")]
    [InlineData("<img src=\"HTTP://t.example/pixel.gif\" alt=\"\">")]
    [InlineData("<img src=\"//t.example/pixel.gif\" alt=\"\">")]
    [InlineData("<img src=\"\\\\t.example/pixel.gif\" alt=\"\">")]
    [InlineData("<img srcset=\"/local.png 1x, https://t.example/2x.png 2x\" alt=\"\">")]
    [InlineData("<table background=\"https://t.example/bg.png\"><tr><td>x</td></tr></table>")]
    [InlineData("<video poster=\"https://t.example/poster.png\"></video>")]
    [InlineData("<svg><image href=\"https://t.example/svg.png\"/></svg>")]
    [InlineData("<div style=\"background:url('https://t.example/bg.png')\">x</div>")]
    [InlineData("<style>@import url(https://t.example/a.css); p { background: url(//t.example/p.png) } @font-face { src: url(\"https://t.example/f.woff\") }</style>")]
    [InlineData("<div style=\"background-image:image-set('https://t.example/i.png' 1x)\">x</div>")]
    public void RemoteResources_AreRemoved_UntilTheUserAsks(string html)
    {
        Assert.DoesNotContain("t.example", HtmlDefuser.Defuse(html, remoteImages: false), StringComparison.Ordinal);
        Assert.Contains("t.example", HtmlDefuser.Defuse(html, remoteImages: true), StringComparison.Ordinal);
    }

    [Fact]
    public void InlineImagesLinksAndLayout_Stay_AndLinksOpenInANewTab()
    {
        var html = HtmlDefuser.Defuse(
            "<table style=\"width:100%;color:#333\"><tr><td><img src=\"/api/messages/1/cid/logo\" alt=\"Logo\"><a href=\"https://shop.example/orders/1\">Track</a></td></tr></table>",
            remoteImages: false);

        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("/api/messages/1/cid/logo", document.QuerySelector("img")?.GetAttribute("src"));
        Assert.Equal("width:100%;color:#333", document.QuerySelector("table")?.GetAttribute("style"));
        var link = document.QuerySelector("a")!;
        Assert.Equal("https://shop.example/orders/1", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }
}
