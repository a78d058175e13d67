using Evidentia.Core.Text;

namespace Evidentia.Ingestion.Readers;

/// <summary>What the PubMed-based readers share: links and titles for abstracts that come without one.</summary>
internal static class PubMed
{
    /// <summary>An abstract label as a heading: "BACKGROUND" becomes "Background".</summary>
    public static string SectionHeading(string? label) =>
        string.IsNullOrWhiteSpace(label) ? "" : char.ToUpperInvariant(label[0]) + label[1..].ToLowerInvariant();

    public static string Url(string pmid) => $"https://pubmed.ncbi.nlm.nih.gov/{Uri.EscapeDataString(pmid)}/";

    /// <summary>
    /// The first sentence of <paramref name="text"/> (not a label before it: "BACKGROUND:"), cut at a word boundary
    /// near 160 characters.
    /// </summary>
    public static string TitleFromFirstSentence(string text, string pmid)
    {
        var normalized = WhitespaceNormalizer.CollapseAll(text);
        var spans = SentenceSplitter.Split(normalized);
        if (spans.Count == 0)
        {
            return $"PubMed {pmid}";
        }

        // A snippet cut before its first sentence ends has no whole sentence: its first words after the label then.
        var sentence = spans.FirstOrDefault(s => normalized[s.End - 1] is '.' or '?' or '!',
            spans.FirstOrDefault(s => normalized[s.End - 1] != ':', spans[0]));
        var first = normalized[sentence.Start..sentence.End];
        if (first.Length <= 160)
        {
            return first;
        }

        var cut = first.LastIndexOf(' ', 160);
        return first[..(cut > 80 ? cut : 160)] + "…";
    }
}
