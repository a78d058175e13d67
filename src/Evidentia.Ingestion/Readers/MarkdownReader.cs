using System.Text;
using Evidentia.Core.Documents;
using Evidentia.Ingestion.Metadata;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// Markdown with YAML front matter (<c>title</c>, <c>source</c>, <c>year</c>, <c>url</c>, <c>evidence</c>).
/// Headings start sections; paragraphs, list items and quotes become their text, without markup.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public string Format => "markdown";

    public string DefaultCollection => "local";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        var markdown = file.ReadAllText();
        var ast = Markdown.Parse(markdown, Pipeline);
        var metadata = LocalMetadata.None;
        string? firstHeading = null;
        var sections = new List<SourceSection>();
        var heading = "";
        var body = new StringBuilder();
        foreach (var block in ast)
        {
            switch (block)
            {
                case YamlFrontMatterBlock front:
                    var yaml = markdown.Substring(front.Span.Start, front.Span.Length).Trim().Trim('-');
                    metadata = LocalMetadata.FromYaml(yaml.TrimStart('\n'), front.Line + 2);
                    break;
                case HeadingBlock h:
                    Flush();
                    heading = InlineText(h.Inline);
                    if (h.Level == 1 && firstHeading is null)
                    {
                        firstHeading = heading;
                        heading = "";
                    }

                    break;
                default:
                    AppendBlock(block, body);
                    break;
            }
        }

        Flush();
        yield return LocalDocument.Create(file, metadata, firstHeading, sections);

        void Flush()
        {
            if (body.Length > 0)
            {
                sections.Add(new SourceSection(heading, body.ToString()));
                body.Clear();
            }
        }
    }

    private static void AppendBlock(Block block, StringBuilder body)
    {
        switch (block)
        {
            case ParagraphBlock p:
                body.Append(InlineText(p.Inline)).Append("\n\n");
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var text = new StringBuilder();
                    foreach (var child in item)
                    {
                        AppendBlock(child, text);
                    }

                    body.Append("- ").Append(text.ToString().Trim().Replace("\n\n", " ", StringComparison.Ordinal)).Append('\n');
                }

                body.Append('\n');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(child, body);
                }

                break;
            case LeafBlock leaf when leaf is not ThematicBreakBlock && leaf.Inline is not null:
                body.Append(InlineText(leaf.Inline)).Append("\n\n");
                break;
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        Append(inline, sb);
        return sb.ToString().Trim();

        static void Append(Inline? node, StringBuilder sb)
        {
            switch (node)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case HtmlInline:
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, sb);
                    }

                    break;
            }
        }
    }
}
