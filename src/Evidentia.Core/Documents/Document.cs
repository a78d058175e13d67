using System.Security.Cryptography;
using System.Text;
using Evidentia.Core.Text;

namespace Evidentia.Core.Documents;

/// <summary>
/// A source document as the store keeps it: metadata, the stored text (normalised section texts
/// joined by blank lines), the sections and the sentence passages as spans of that text.
/// Citations point at spans of <see cref="Text"/>, so it never changes once built.
/// </summary>
public sealed class Document
{
    private Document(
        DocumentKey key, string title, string? source, string? url, int? year, EvidenceLevel evidenceLevel,
        bool citable, string text, IReadOnlyList<DocumentSection> sections, IReadOnlyList<Passage> passages,
        IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string? origin)
    {
        Key = key;
        Title = title;
        Source = source;
        Url = url;
        Year = year;
        EvidenceLevel = evidenceLevel;
        Citable = citable;
        Text = text;
        Sections = sections;
        Passages = passages;
        Fields = fields;
        Origin = origin;
        ContentHash = ComputeHash();
    }

    public DocumentKey Key { get; }

    /// <summary>The id as the source gives it (MedQuAD record id, PMID, MEDIQA answer id).</summary>
    public string Id => Key.Id;

    public string Collection => Key.Collection;

    public string Title { get; }

    /// <summary>Publisher, site or journal ("GARD", "N Engl J Med").</summary>
    public string? Source { get; }

    public string? Url { get; }

    public int? Year { get; }

    public EvidenceLevel EvidenceLevel { get; }

    /// <summary>False for question-only entries (MedQuAD records whose answer was removed upstream): searchable as questions, never cited.</summary>
    public bool Citable { get; }

    /// <summary>The stored text that quotes and offsets refer to.</summary>
    public string Text { get; }

    public IReadOnlyList<DocumentSection> Sections { get; }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Optional metadata by <see cref="DocumentFields"/> name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; }

    /// <summary>The file the document was read from, with a line number for line-based formats ("a.jsonl:12").</summary>
    public string? Origin { get; }

    /// <summary>SHA-256 of everything but <see cref="Origin"/>: equal hashes mean re-ingesting changes nothing.</summary>
    public string ContentHash { get; }

    /// <summary>The first value of a field, or null.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The text of a span of <see cref="Text"/>.</summary>
    public string Quote(TextSpan span) => Text[span.Start..span.End];

    /// <summary>
    /// Builds a document from the sections a reader found: normalises whitespace, joins the sections,
    /// and splits them into sentence passages. Empty sections are dropped.
    /// </summary>
    public static Document Create(
        DocumentKey key, string title, IEnumerable<SourceSection> sections, string? source = null, string? url = null,
        int? year = null, EvidenceLevel evidenceLevel = EvidenceLevel.Research, bool citable = true,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fields = null, string? origin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Collection);
        var text = new StringBuilder();
        var built = new List<DocumentSection>();
        var passages = new List<Passage>();
        foreach (var section in sections)
        {
            var body = WhitespaceNormalizer.Normalize(section.Text);
            if (body.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            var start = text.Length;
            text.Append(body);
            foreach (var span in ShortLists.Join(body, SentenceSplitter.Split(body, gluedItems: evidenceLevel == EvidenceLevel.PatientInformation)))
            {
                passages.Add(new Passage(new TextSpan(start + span.Start, start + span.End), built.Count));
            }

            built.Add(new DocumentSection(WhitespaceNormalizer.CollapseAll(section.Heading), new TextSpan(start, text.Length)));
        }

        return new Document(
            key, WhitespaceNormalizer.CollapseAll(title), Blank(source), Blank(url), year, evidenceLevel, citable,
            text.ToString(), built, passages, fields ?? new Dictionary<string, IReadOnlyList<string>>(), origin);
    }

    /// <summary>Rebuilds a stored document exactly as it was persisted (no re-normalisation or re-splitting).</summary>
    public static Document Restore(
        DocumentKey key, string title, string? source, string? url, int? year, EvidenceLevel evidenceLevel, bool citable,
        string text, IReadOnlyList<DocumentSection> sections, IReadOnlyList<Passage> passages,
        IReadOnlyDictionary<string, IReadOnlyList<string>> fields, string? origin) =>
        new(key, title, source, url, year, evidenceLevel, citable, text, sections, passages, fields, origin);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string ComputeHash()
    {
        var sb = new StringBuilder();
        sb.Append(Key).Append('\u001f').Append(Title).Append('\u001f').Append(Source).Append('\u001f').Append(Url)
            .Append('\u001f').Append(Year).Append('\u001f').Append(EvidenceLevel).Append('\u001f').Append(Citable)
            .Append('\u001f').Append(Text);
        foreach (var s in Sections)
        {
            sb.Append('\u001e').Append(s.Heading).Append(':').Append(s.Span.Start).Append('-').Append(s.Span.End);
        }

        foreach (var p in Passages)
        {
            sb.Append('\u001d').Append(p.Span.Start).Append('-').Append(p.Span.End);
        }

        foreach (var (name, values) in Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sb.Append('\u001c').Append(name).Append('=').AppendJoin('\u001f', values);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
