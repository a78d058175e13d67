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
    // Elements that group others: one holding no block is read as a paragraph (text in nested divs, without <p>).
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase) { "div", "section", "article", "main" };
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "nav", "noscript", "template", "header", "footer" };

    public string Format => "html";

    public string DefaultCollection => "local";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        var html = new HtmlParser().ParseDocument(HtmlDepth.Cap(file.ReadAllText()));
        string? Meta(string name) => html.QuerySelector($"meta[name='{name}' i]")?.GetAttribute("content");
        var metadata = LocalMetadata.FromValues(Meta);
        if (metadata.Title is null && html.Title is { Length: > 0 } title)
        {
            metadata = metadata with { Title = title };
        }

        var sections = new List<SourceSection>();
        var heading = "";
        var body = new System.Text.StringBuilder();
        // One walk in document order with a stack of its own (no recursion: nesting may run 100,000 deep), and the
        // blocks that hold other blocks found beforehand in one pass from the leaves up: linear in the page's size.
        var holdsBlocks = HoldingBlocks(html.Body);
        var stack = new Stack<IElement>(html.Body?.Children.Reverse() ?? []);
        while (stack.TryPop(out var element))
        {
            if (Dropped.Contains(element.LocalName))
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
                continue;
            }

            if ((Blocks.Contains(element.LocalName) || Containers.Contains(element.LocalName)) && !holdsBlocks.Contains(element)
                && (Blocks.Contains(element.LocalName) || element.TextContent.AsSpan().Trim().Length > 0))
            {
                body.Append(element.LocalName == "li" ? "- " : "").Append(element.TextContent.Trim()).Append(element.LocalName == "li" ? "\n" : "\n\n");
                continue;
            }

            foreach (var child in element.Children.Reverse())
            {
                stack.Push(child);
            }
        }

        // Text outside any block (a page of bare text in nested divs) is kept as one paragraph.
        if (body.Length == 0 && sections.Count == 0 && html.Body is { } bare && bare.TextContent.Trim() is { Length: > 0 } text)
        {
            body.Append(text);
        }

        if (body.Length > 0)
        {
            sections.Add(new SourceSection(heading, body.ToString()));
        }

        yield return LocalDocument.Create(file, metadata, html.QuerySelector("h1")?.TextContent, sections);
    }

    // The elements below a dropped one are never read; of the others, the blocks and containers that hold a block element.
    private static HashSet<IElement> HoldingBlocks(IElement? root)
    {
        var holding = new HashSet<IElement>();
        if (root is null)
        {
            return holding;
        }

        // Every element in document order, then each one's parent marked from the leaves up.
        var order = new List<IElement>();
        var stack = new Stack<IElement>([root]);
        while (stack.TryPop(out var element))
        {
            order.Add(element);
            foreach (var child in element.Children)
            {
                stack.Push(child);
            }
        }

        var hasBlock = new HashSet<IElement>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var element = order[i];
            if ((Blocks.Contains(element.LocalName) || hasBlock.Contains(element)) && element.ParentElement is { } parent)
            {
                hasBlock.Add(parent);
            }
        }

        foreach (var element in hasBlock.Where(e => Blocks.Contains(e.LocalName) || Containers.Contains(e.LocalName)))
        {
            holding.Add(element);
        }

        return holding;
    }
}
