using System.Globalization;
using Evidentia.Core.Answers;

namespace Evidentia.Web.Pages.Shared;

/// <summary>How sources are linked and attributed: the source page with a quote highlighted and scrolled into view, the original source, "source, year".</summary>
public static class SourceLink
{
    /// <summary>"Source, year" as a reference line shows it ("n.d." without a year).</summary>
    public static string Attribution(string? source, string collection, int? year) =>
        $"{source ?? collection}, {year?.ToString(CultureInfo.InvariantCulture) ?? "n.d."}";

    /// <summary>The original source's address when it is an http(s) URL; anything else is not linked.</summary>
    public static Uri? External(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public static string For(Quote quote) => string.Create(CultureInfo.InvariantCulture,
        $"/sources/{Uri.EscapeDataString(quote.DocumentId)}?collection={Uri.EscapeDataString(quote.Collection)}&start={quote.Start}&end={quote.End}#quote");
}
