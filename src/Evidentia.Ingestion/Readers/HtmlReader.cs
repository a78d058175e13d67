using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Evidentia.Core.Documents;
using Document = Evidentia.Core.Documents.Document;
using Evidentia.Ingestion.Metadata;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// HTML with metadata in <c>&lt;title&gt;</c> and <c>&lt;meta name="source|year|url|evidence"&gt;</c>.
/// Headings start sections; the text of paragraphs, list items, table cells and quotes is kept;
/// scripts, styles and navigation are dropped.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "p", "li", "td", "th", "dd", "dt", "blockquote", "pre", "figcaption" };
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "nav", "noscript", "template", "header", "footer" };

    public string Format => "html";

    public string DefaultCollection => "local";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        var html = new HtmlParser().ParseDocument(file.ReadAllText());
        string? Meta(string name) => html.QuerySelector($"meta[name='{name}' i]")?.GetAttribute("content");
        var metadata = LocalMetadata.FromValues(Meta);
        if (metadata.Title is null && html.Title is { Length: > 0 } title)
        {
            metadata = metadata with { Title = title };
        }

        var sections = new List<SourceSection>();
        var heading = "";
        var body = new System.Text.StringBuilder();
        foreach (var element in html.Body?.Descendants<IElement>() ?? [])
        {
            if (element.Ancestors<IElement>().Any(a => Dropped.Contains(a.LocalName)) || Dropped.Contains(element.LocalName))
            {
                continue;
            }

            if (element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                if (body.Length > 0)
                {
                    sections.Add(new SourceSection(heading, body.ToString()));
                    body.Clear();
                }

                heading = element.TextContent;
            }
            else if (Blocks.Contains(element.LocalName) && !element.Descendants<IElement>().Any(d => Blocks.Contains(d.LocalName)))
            {
                body.Append(element.LocalName == "li" ? "- " : "").Append(element.TextContent.Trim()).Append(element.LocalName == "li" ? "\n" : "\n\n");
            }
        }

        if (body.Length > 0)
        {
            sections.Add(new SourceSection(heading, body.ToString()));
        }

        yield return LocalDocument.Create(file, metadata, html.QuerySelector("h1")?.TextContent, sections);
    }
}
