using System.Formats.Tar;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Evidentia.Core.Documents;
using Document = Evidentia.Core.Documents.Document;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// National Guideline Clearinghouse summaries (<c>ngc_summaries.tar.gz</c>, or its unpacked <c>ngc-&lt;id&gt;.xml</c>
/// files): one guideline document a summary, id <c>ngc-&lt;id&gt;</c>. Each field's value is HTML escaped into an XML
/// attribute; it is read as HTML so that paragraphs, list items, run-in headings and table rows each become passages.
/// The fields a clinician quotes (<see cref="CitedFields"/>) are the document's sections; the run-in headings of the
/// Major Recommendations start sections of their own, and the grade definitions at its end are kept apart, with
/// every other field, as stored metadata that is never cited.
/// </summary>
public sealed partial class NgcReader : IDocumentReader
{
    /// <summary>The fields that become citable sections, in this order.</summary>
    public static readonly IReadOnlyList<string> CitedFields =
    [
        MajorRecommendations, "Clinical Algorithm(s)", "Potential Benefits", "Potential Harms", "Contraindications",
        "Qualifying Statements", "FDA Warning/Regulatory Alert",
    ];

    private const string MajorRecommendations = "Major Recommendations";

    // Fields that only repeat what the reader keeps elsewhere or that are about the website, not the guideline.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "NGC Disclaimer", "Guideline Title" };

    private static readonly HtmlParser Html = new();

    public string Format => "ngc";

    public string DefaultCollection => "ngc";

    public IEnumerable<Document> Read(SourceFile file, IngestReport report, CancellationToken cancellationToken)
    {
        var name = file.Name.ToLowerInvariant();
        if (!name.EndsWith(".tar.gz", StringComparison.Ordinal) && !name.EndsWith(".tgz", StringComparison.Ordinal) && !name.EndsWith(".tar", StringComparison.Ordinal))
        {
            using var stream = file.OpenRead();
            if (Read(stream, file.Path, file, report) is { } single)
            {
                yield return single;
            }

            yield break;
        }

        using var archive = file.OpenRead();
        using var tar = new TarReader(archive);
        while (NextEntry(tar, file) is { } entry)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                || !SummaryName().IsMatch(Path.GetFileName(entry.Name)))
            {
                continue;
            }

            if (Read(entry.DataStream, $"{file.Path}/{entry.Name}", file, report) is { } document)
            {
                yield return document;
            }
        }
    }

    // A damaged archive is a problem of the whole file: nothing of it is written (InvalidSourceException).
    private static TarEntry? NextEntry(TarReader tar, SourceFile file)
    {
        try
        {
            return tar.GetNextEntry();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new InvalidSourceException($"damaged archive {file.Name}: {e.Message}", null, e);
        }
    }

    /// <summary>One summary, or null (reported with its file, line and field) when it cannot be used at all.</summary>
    private static Document? Read(Stream xml, string origin, SourceFile file, IngestReport report)
    {
        XDocument summary;
        try
        {
            summary = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            report.Problem(origin, e.LineNumber, $"malformed XML: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // The compressed archive under the summary is damaged: a problem of the whole file (nothing of it is written).
            throw new InvalidSourceException($"damaged archive {file.Name}: {e.Message}", null, e);
        }

        var id = Path.GetFileNameWithoutExtension(origin);
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var cited = new Dictionary<string, string>(StringComparer.Ordinal);
        string? title = null;
        string? pubmed = null;
        foreach (var field in summary.Descendants("Field"))
        {
            var fieldName = (string?)field.Attribute("Name");
            var values = field.Elements("FieldValue").Select(v => (string?)v.Attribute("Value")).ToList();
            var line = ((IXmlLineInfo)field).HasLineInfo() ? ((IXmlLineInfo)field).LineNumber : (int?)null;
            if (string.IsNullOrWhiteSpace(fieldName) || values.Count == 0 || values.Any(v => v is null))
            {
                report.Problem(origin, line, $"field \"{fieldName}\" has no value: left out");
                continue;
            }

            if (fieldName == "Guideline Title")
            {
                title ??= Text(values[0]!);
            }
            else if (fieldName == "Bibliographic Source(s)")
            {
                // The source's PubMed record: the guideline's checkable address now that guideline.gov is gone.
                pubmed ??= Html.ParseDocument(values[0]!).QuerySelectorAll("a[href]").Select(a => PubMedId().Match(a.GetAttribute("href")!))
                    .Where(m => m.Success).Select(m => $"https://pubmed.ncbi.nlm.nih.gov/{m.Groups[1].Value}/").FirstOrDefault();
            }

            if (Ignored.Contains(fieldName) || fields.ContainsKey(fieldName) || cited.ContainsKey(fieldName))
            {
                continue;
            }

            if (CitedFields.Contains(fieldName))
            {
                cited[fieldName] = values[0]!;
            }
            else
            {
                fields[fieldName] = values.Select(v => Text(v!)).Where(v => v.Length > 0).ToList();
            }
        }

        if (string.IsNullOrWhiteSpace(title) || !cited.ContainsKey(MajorRecommendations))
        {
            report.Problem(origin, null, $"guideline {id} has no {(string.IsNullOrWhiteSpace(title) ? "\"Guideline Title\"" : $"\"{MajorRecommendations}\"")} field: skipped");
            return null;
        }

        var sections = new List<SourceSection>();
        // Whether the Major Recommendations hold any text but headings and the grades' definitions.
        var recommends = false;
        foreach (var fieldName in CitedFields)
        {
            if (!cited.TryGetValue(fieldName, out var value))
            {
                continue;
            }

            var blocks = Blocks(value);
            if (blocks.Count == 0 || (blocks.Count == 1 && Nothing().IsMatch(blocks[0].Text)))
            {
                continue;
            }

            var heading = fieldName;
            var body = new StringBuilder();
            for (var at = 0; at < blocks.Count; at++)
            {
                var block = blocks[at];
                if (!block.Heading)
                {
                    body.Append(block.Text).Append("\n\n");
                    recommends |= fieldName == MajorRecommendations;
                    continue;
                }

                if (fieldName == MajorRecommendations && recommends && Definitions().IsMatch(block.Text))
                {
                    // The grades' definitions close the field, after its recommendations: the rating scheme, stored and
                    // shown, never cited (a "Definition" heading before any recommendation defines the condition).
                    fields[DocumentFields.GradeDefinitions] = [string.Join("\n\n", blocks.Skip(at).Select(b => b.Text))];
                    break;
                }

                sections.Add(new SourceSection(heading, body.ToString()));
                body.Clear();
                // The recommendations' own headings stand alone ("Diagnosis"); another field's keep its name first
                // ("Potential Harms: Gadolinium-Based Contrast Agents"), so that every section says which field it is of.
                heading = fieldName == MajorRecommendations ? block.Text.TrimEnd(':', ' ') : $"{fieldName}: {block.Text.TrimEnd(':', ' ')}";
            }

            sections.Add(new SourceSection(heading, body.ToString()));
        }

        if (!recommends)
        {
            report.Problem(origin, null, $"guideline {id} has no text in its \"{MajorRecommendations}\" field: skipped");
            return null;
        }

        var developers = (fields.GetValueOrDefault("Guideline Developer(s)") ?? []).Select(DeveloperName).ToList();
        var released = fields.GetValueOrDefault("Date Released")?.FirstOrDefault();
        var metadata = fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value);
        metadata[DocumentFields.Developer] = developers;
        metadata[DocumentFields.Scope] = new[] { "Disease/Condition(s)", "Target Population", "Guideline Objective(s)" }
            .SelectMany(f => fields.GetValueOrDefault(f) ?? []).ToList();

        return Document.Create(
            new DocumentKey(file.Collection, id),
            title.TrimEnd('.', ' '),
            sections,
            source: developers.Count == 0 ? null : string.Join("; ", developers),
            url: pubmed ?? $"https://www.guideline.gov/summaries/summary/{id["ngc-".Length..]}",
            year: LatestYear(released),
            evidenceLevel: EvidenceLevel.Guideline,
            fields: metadata,
            origin: origin);
    }

    // "American Academy of Neurology - Medical Specialty Society" -> "American Academy of Neurology"
    private static string DeveloperName(string developer)
    {
        var dash = developer.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? developer[..dash].Trim() : developer.Trim();
    }

    // "2012 Aug 7 (reaffirmed 2015 Jul 18)" -> 2015, "1998 (revised 2014)" -> 2014: the year of the version summarised.
    private static int? LatestYear(string? released) =>
        released is null ? null : Years().Matches(released).Select(m => (int?)int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Max();

    /// <summary>The plain text of a field's HTML, blocks separated by blank lines.</summary>
    private static string Text(string html) => string.Join("\n\n", Blocks(html).Select(b => b.Text));

    /// <summary>
    /// The blocks of a field's HTML in document order: a paragraph, a list item (without its nested lists, which
    /// follow as items of their own), a table row (each cell after its column's heading), or a run-in heading (a
    /// short paragraph all in bold that does not end a sentence, or a table's caption).
    /// </summary>
    internal static List<Block> Blocks(string html)
    {
        var document = Html.ParseDocument(html);
        var blocks = new List<Block>();
        var current = new StringBuilder();
        var bold = 0;
        var all = 0;
        var prefix = "";

        void Flush()
        {
            var text = Normalize(current.ToString());
            current.Clear();
            var heading = text.Length is > 0 and <= 150 && bold >= all && all > 0 && !text.EndsWith('.') && prefix.Length == 0;
            if (text.Length > 0)
            {
                blocks.Add(new Block(heading ? text : prefix + text, heading));
            }

            bold = all = 0;
            prefix = "";
        }

        void Walk(INode node, bool inBold)
        {
            switch (node)
            {
                case IText text:
                    current.Append(text.Data);
                    // Letters and digits: a heading's colon or full stop is often outside its bold.
                    var visible = text.Data.Count(char.IsLetterOrDigit);
                    all += visible;
                    bold += inBold ? visible : 0;
                    return;
                case IElement element:
                    switch (element.LocalName)
                    {
                        case "script" or "style":
                            return;
                        case "br":
                            current.Append('\n');
                            return;
                        case "img":
                            current.Append(' ').Append(ImageText(element)).Append(' ');
                            return;
                        case "table":
                            Flush();
                            // A short paragraph right before a table is its caption ("Variant 2: … eGFR <30 …"): it heads
                            // the rows, which say nothing without it.
                            if (blocks.Count > 0 && blocks[^1] is { Heading: false } caption && !caption.Text.StartsWith("- ", StringComparison.Ordinal)
                                && caption.Text.Length <= 300)
                            {
                                blocks[^1] = caption with { Heading = true };
                            }

                            Table(element);
                            return;
                        case "li":
                            Flush();
                            prefix = "- ";
                            foreach (var child in element.ChildNodes)
                            {
                                Walk(child, inBold);
                            }

                            Flush();
                            return;
                        case "p" or "div" or "ul" or "ol" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dl" or "dt" or "dd":
                            Flush();
                            foreach (var child in element.ChildNodes)
                            {
                                Walk(child, inBold || element.LocalName.StartsWith('h'));
                            }

                            Flush();
                            return;
                        default:
                            var strong = inBold || element.LocalName is "strong" or "b"
                                || (element.GetAttribute("style")?.Contains("underline", StringComparison.OrdinalIgnoreCase) ?? false);
                            foreach (var child in element.ChildNodes)
                            {
                                Walk(child, strong);
                            }

                            return;
                    }

                default:
                    return;
            }
        }

        void Table(IElement table)
        {
            string[] headings = [];
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                if (row.Closest("table") != table)
                {
                    continue;
                }

                var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
                var texts = cells.Select(c => Normalize(CellText(c))).ToList();
                if (texts.All(t => t.Length == 0))
                {
                    continue;
                }

                if (cells.All(c => c.LocalName == "th") || (row.ParentElement?.LocalName == "thead"))
                {
                    headings = texts.Select(t => t.TrimEnd('*', ' ')).ToArray();
                    continue;
                }

                // A row is one passage, "first cell; Heading: cell; …", its prose cells (comments) last, so that it reads
                // as one statement ending in a full stop: "CT head without IV contrast; Rating: 9; RRL: ☢☢☢; Comments: …".
                var parts = texts.Select((t, i) => (Text: t, Index: i, Prose: i > 0 && t.Split(' ').Length >= 5))
                    .Where(c => c.Text.Length > 0)
                    .OrderBy(c => c.Prose)
                    .ThenBy(c => c.Index)
                    .Select(c => c.Index > 0 && c.Index < headings.Length && headings[c.Index].Length > 0 ? $"{headings[c.Index]}: {c.Text}" : c.Text);
                var line = string.Join("; ", parts);
                blocks.Add(new Block(line is [.., '.' or '!' or '?' or ')'] ? line : line + ".", false));
            }
        }

        foreach (var child in document.Body?.ChildNodes.ToList() ?? [])
        {
            Walk(child, false);
        }

        Flush();
        return blocks;
    }

    private static string CellText(IElement cell)
    {
        var sb = new StringBuilder();
        foreach (var node in cell.Descendants())
        {
            if (node is IText text)
            {
                sb.Append(text.Data);
            }
            else if (node is IElement { LocalName: "img" } image)
            {
                sb.Append(' ').Append(ImageText(image)).Append(' ');
            }
            else if (node is IElement { LocalName: "br" or "p" or "li" })
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    // An image by its alternative text; the ACR tables' relative radiation level is a row of radiation symbols.
    private static string? ImageText(IElement image) =>
        image.GetAttribute("alt") is { } alt && alt.StartsWith("radioactive", StringComparison.OrdinalIgnoreCase) ? "☢" : image.GetAttribute("alt");

    // One line: a block is one paragraph of the stored text.
    private static string Normalize(string text) => Core.Text.WhitespaceNormalizer.CollapseAll(text);

    /// <summary>A paragraph, list item or table row of a field, or a run-in heading.</summary>
    internal sealed record Block(string Text, bool Heading);

    [GeneratedRegex(@"^ngc-\d+\.xml$", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryName();

    // The run-in headings that open the grades' definitions at the end of the Major Recommendations.
    [GeneratedRegex(@"^(?:Definitions?|Abbreviations|Relative Radiation Level|(?:Rating|Grading) Scheme|(?:Levels?|Grades?|Strength|Quality|Classification) of (?:the )?(?:Evidence|Recommendations?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Definitions();

    // PubMed's old address for a record: "…query.fcgi?cmd=Retrieve&db=pubmed&dopt=Abstract&list_uids=22815556".
    [GeneratedRegex(@"ncbi\.nlm\.nih\.gov/.*\b(?:list_uids=|pubmed/)(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PubMedId();

    // What a field says when the guideline has nothing for it: "None provided", "Not stated", "None".
    [GeneratedRegex(@"^(?:None(?: (?:provided|identified|stated))?|Not (?:stated|provided|applicable|specified))\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Nothing();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex Years();
}
