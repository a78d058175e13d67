using System.Globalization;
using Evidentia.Core.Answers;

namespace Evidentia.Web.Pages.Shared;

/// <summary>Links to the source page with a quote highlighted and scrolled into view.</summary>
public static class SourceLink
{
    public static string For(Quote quote) => string.Create(CultureInfo.InvariantCulture,
        $"/sources/{Uri.EscapeDataString(quote.DocumentId)}?collection={Uri.EscapeDataString(quote.Collection)}&start={quote.Start}&end={quote.End}#quote");
}
